import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startApp, type TestApp } from '../helpers/start-app';

const ROOT = resolve(__dirname, '../..');
/** The web client's API types, generated from the server's OpenAPI document by openapi-typescript. */
const CLIENT_API_TYPES = join(ROOT, 'client/src/api/generated/openapi.d.ts');

/** openapi-typescript's own CLI on the document the running server publishes. */
function generate(document: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-openapi-'));
  try {
    const input = join(dir, 'openapi.json');
    const output = join(dir, 'openapi.d.ts');
    writeFileSync(input, JSON.stringify(document));
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'), input, '-o', output],
      {
        stdio: 'pipe',
      },
    );
    return readFileSync(output, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('The web client’s API types', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startApp();
  });
  afterAll(() => api.close());

  // `npm run api:types` runs this spec with PARLEY_WRITE_API_TYPES=1 to regenerate the file after a server change.
  it('are what openapi-typescript generates from the server’s OpenAPI document (run `npm run api:types`)', async () => {
    const document = (await api.http.get('/api/docs/openapi.json').expect(200)).body as unknown;
    const generated = generate(document);
    if (process.env.PARLEY_WRITE_API_TYPES === '1') writeFileSync(CLIENT_API_TYPES, generated);
    let checkedIn = '';
    try {
      checkedIn = readFileSync(CLIENT_API_TYPES, 'utf8');
    } catch {
      // A missing file fails below like a stale one.
    }
    expect(checkedIn.length).toBeGreaterThan(0);
    // Not toEqual on the whole text: a drifted file would print thousands of lines.
    const drift = checkedIn === generated ? null : firstDifference(checkedIn, generated);
    expect(drift).toBeNull();
  });
});

function firstDifference(a: string, b: string): string {
  const left = a.split('\n');
  const right = b.split('\n');
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    if (left[i] !== right[i]) {
      return `client/src/api/generated/openapi.d.ts is stale at line ${i + 1}: checked in ${JSON.stringify(left[i])}, generated ${JSON.stringify(right[i])}. Run \`npm run api:types\`.`;
    }
  }
  return 'differs';
}
