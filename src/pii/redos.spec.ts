import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { check } from 'recheck';
import { ALL_PATTERNS } from './all-patterns';

/** Source files of the detector (not specs), to prove no regex escapes the list. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('regular expressions of the detector', () => {
  it.each(ALL_PATTERNS.map(({ name, pattern }) => [name, pattern] as const))(
    '%s cannot backtrack catastrophically (recheck says safe)',
    async (_name, pattern) => {
      const diagnostics = await check(pattern.source, pattern.flags, { timeout: 60_000 });
      expect({ status: diagnostics.status, source: pattern.source.slice(0, 80) }).toEqual({
        status: 'safe',
        source: pattern.source.slice(0, 80),
      });
    },
    120_000,
  );

  it('keeps every regex literal in patterns.ts, so none escapes the check above', () => {
    const literal = /(?:^|[=(,:!&|?]\s*)\/(?![/*])(?:\\.|\[(?:\\.|[^\]\n])*\]|[^/\n\\[])+\/[dgimsuvy]*/m;
    const offenders = sourceFiles(__dirname)
      .filter((file) => !file.endsWith('patterns.ts'))
      .filter(
        (file) =>
          literal.test(readFileSync(file, 'utf8')) || readFileSync(file, 'utf8').includes('new RegExp('),
      )
      .map((file) => file.slice(__dirname.length + 1));
    // words.ts builds the plain-word alternations listed in all-patterns.ts. phone-numbering.ts and
    // numbering-plans.ts compile libphonenumber's own metadata patterns, which libphonenumber
    // already runs on the same digit strings (on at most 17 digits).
    expect(offenders.sort()).toEqual(['rules/numbering-plans.ts', 'rules/phone-numbering.ts', 'words.ts']);
  });
});
