import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEngine, type Engine } from '../../src/infra/database/engine-chain';

/** One engine per test run (fresh temporary folder, deleted afterwards); each test file uses its own database. */
const state = globalThis as typeof globalThis & { parleyEngine?: Engine; parleyEngineDir?: string };

export async function startTestDatabase(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-test-db-'));
  const engine = await startEngine({
    uri: process.env.MONGODB_URI,
    dataDir,
    log: (message) => process.stderr.write(`\n${message}\n`),
  });
  state.parleyEngine = engine;
  state.parleyEngineDir = dataDir;
  process.env.PARLEY_TEST_MONGODB_URI = engine.uri;
}

export async function stopTestDatabase(): Promise<void> {
  await state.parleyEngine?.stop();
  if (state.parleyEngineDir) rmSync(state.parleyEngineDir, { recursive: true, force: true });
}
