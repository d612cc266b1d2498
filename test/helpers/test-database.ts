import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEngine, type EmbeddedEngineKind, type Engine } from '../../src/infra/database/engine-chain';
import { startMailpit, type Mailpit } from './mailpit';

/** One engine per test run (fresh temporary folder, deleted afterwards); each test file uses its own database. */
const state = globalThis as typeof globalThis & {
  parleyEngine?: Engine;
  parleyEngineDir?: string;
  parleyMailpit?: Mailpit;
};

export async function startTestDatabase(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-test-db-'));
  const engine = await startEngine({
    uri: process.env.MONGODB_URI,
    dataDir,
    prefer: testEngineKind(),
    log: (message) => process.stderr.write(`\n${message}\n`),
  });
  state.parleyEngine = engine;
  state.parleyEngineDir = dataDir;
  process.env.PARLEY_TEST_MONGODB_URI = engine.uri;
  // One SMTP catcher per run too: every spec's mail goes there, and specs read it through Mailpit's HTTP API.
  const mailpit = await startMailpit();
  state.parleyMailpit = mailpit;
  process.env.PARLEY_TEST_SMTP_URL = mailpit.smtpUrl;
  process.env.PARLEY_TEST_MAILPIT_URL = mailpit.apiUrl;
}

export async function stopTestDatabase(): Promise<void> {
  await state.parleyMailpit?.dispose();
  await state.parleyEngine?.stop();
  if (state.parleyEngineDir) rmSync(state.parleyEngineDir, { recursive: true, force: true });
}

/** DATABASE_ENGINE picks the embedded engine the whole run uses (CI runs the storage specs on each). */
export function testEngineKind(): EmbeddedEngineKind | undefined {
  const kind = process.env.DATABASE_ENGINE;
  if (kind === undefined || kind === '') return undefined;
  if (kind !== 'secantusdb' && kind !== 'ferretdb')
    throw new Error(`DATABASE_ENGINE=${kind} is not an engine`);
  return kind;
}
