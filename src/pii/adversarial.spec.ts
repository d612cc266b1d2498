import { readFileSync } from 'fs';
import { join } from 'path';
import { detect, MAX_SCAN_LENGTH } from './index';

/**
 * test/fixtures/pii/adversarial.jsonl: long runs of digits, thousands of `@`, dotted runs, deep
 * brackets, mixed scripts and spaced digits (written from adversarial-inputs.ts), 20 000 characters
 * (the post limit) or 100 000 (the scan bound). Each must scan well within a generous limit; the
 * real bound is the ratio test in linear-time.spec.ts, this one catches a shape that is slow at
 * the sizes users can send.
 */
const LIMIT_MS = 2_000;

// Test-only file access: the detector itself never touches the file system.
const lines = readFileSync(
  join(__dirname, '..', '..', 'test', 'fixtures', 'pii', 'adversarial.jsonl'),
  'utf8',
)
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as { id: string; text: string });

describe('adversarial inputs', () => {
  it('covers every shape the issue names', () => {
    const ids = lines.map((line) => line.id).join(' ');
    for (const shape of ['digit', 'at-signs', 'dotted', 'brackets', 'mixed-scripts', 'spaced-digits'])
      expect(ids).toContain(shape);
  });

  it.each(lines.map((line) => [line.id, line.text] as const))(
    'scans %s within the time limit and reports spans inside the text',
    (id, text) => {
      const started = performance.now();
      const findings = detect(text);
      const elapsed = performance.now() - started;
      expect({ id, withinLimit: elapsed < LIMIT_MS }).toEqual({ id, withinLimit: true });
      for (const finding of findings) {
        expect(finding.end).toBeLessThanOrEqual(Math.min(text.length, MAX_SCAN_LENGTH));
        expect(text.slice(finding.start, finding.end)).toBe(finding.text);
      }
    },
  );
});
