// `npm test`: unit and end-to-end tests in one jest run, closing with a plain "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = mkdtempSync(join(tmpdir(), 'parley-jest-'));
const report = join(out, 'report.json');
// With one worker (a 2-core machine) jest runs every spec in its own process, whose heap grows with each
// suite (about 70 MB a suite, measured at 2.7 GB after 37 suites): the default 4 GB limit ended a full run in
// "JavaScript heap out of memory". The machine has 24 GiB; the limit is raised until the growth is found.
const result = spawnSync(
  process.execPath,
  [
    '--max-old-space-size=12288',
    'node_modules/jest/bin/jest.js',
    // A spec whose teardown failed can leave a server or socket open, and jest then waits for it for ever
    // after printing its verdict (seen in CI once); the failure is already counted, so the run ends.
    '--forceExit',
    '--json',
    `--outputFile=${report}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
);
let summary;
try {
  summary = JSON.parse(readFileSync(report, 'utf8'));
} catch {
  summary = undefined;
}
rmSync(out, { recursive: true, force: true });
if (summary) {
  const failedSuites = summary.numFailedTestSuites;
  console.log(`\nsuites: ${summary.numPassedTestSuites} passed, ${failedSuites} failed`);
  console.log(`${summary.numPassedTests} passed, ${summary.numFailedTests} failed`);
  if (summary.numTotalTests === 0) process.exit(1);
}
process.exit(result.status ?? 1);
