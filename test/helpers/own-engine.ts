import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startEngine, type Engine } from '../../src/infra/database/engine-chain';
import { testEngineKind } from './test-database';

/**
 * An engine of the test's own (the run's embedded engine, even when MONGODB_URI points elsewhere), for tests
 * that stop, freeze or kill the database and start it again: same port, same data folder, so clients reconnect
 * to the same address. It is not restarted when it dies: the test decides.
 */
export interface OwnEngine {
  /** mongodb://<user>:<password>@127.0.0.1:<port>/?authSource=admin, stable across restarts (after the first start). */
  readonly uri: string;
  dataDir: string;
  /** Starts the engine (again) on the same port and data folder. */
  start(): Promise<void>;
  /** Stops it the polite way (SIGTERM), as an operator would. */
  stop(): Promise<void>;
  /** SIGKILL: the process vanishes, open connections are reset. */
  kill(): Promise<void>;
  /** SIGSTOP: the process is frozen, connections stay open and nothing answers (a hung server). */
  freeze(): void;
  /** SIGCONT after freeze(). */
  thaw(): void;
  /** Stops it and deletes the data folder. */
  dispose(): Promise<void>;
}

export async function createOwnEngine(): Promise<OwnEngine> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-own-engine-'));
  const port = await freePort();
  let engine: Engine | undefined;
  let uri: string | undefined;
  const pid = () => {
    if (!engine?.pid) throw new Error('the engine is not running');
    return engine.pid;
  };
  const own: OwnEngine = {
    get uri() {
      if (!uri) throw new Error('start the engine first: its credentials are made on its first start');
      return uri;
    },
    dataDir,
    start: async () => {
      engine = await startEngine({
        dataDir,
        port,
        prefer: testEngineKind(),
        install: false,
        restartOnExit: false,
        log: () => undefined,
      });
      uri = engine.uri;
    },
    stop: async () => {
      await engine?.stop();
      engine = undefined;
    },
    kill: async () => {
      process.kill(pid(), 'SIGKILL');
      await own.stop(); // waits for the exit and forgets the child
    },
    freeze: () => process.kill(pid(), 'SIGSTOP'),
    thaw: () => process.kill(pid(), 'SIGCONT'),
    dispose: async () => {
      try {
        if (engine?.pid) process.kill(engine.pid, 'SIGCONT'); // a frozen engine cannot act on SIGTERM
      } catch {
        // already gone
      }
      await own.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return own;
}
