import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFerretDb, findSecantusDb, FERRETDB, SECANTUSDB, type BinaryLookup } from './engine-binaries';
import { engineCredentials, engineUri, ensureEngineUser, type EngineCredentials } from './engine-credentials';
import { canConnect, freePort, startEngineProcess, type EngineProcess } from './engine-process';

export { freePort } from './engine-process';

/**
 * The engine chain of ARCHITECTURE.md, first that applies wins: MONGODB_URI, then SecantusDB's Rust server
 * (MongoDB's storage engine, single node), then FerretDB 1.24 on SQLite (the second engine), then one line
 * saying what to install. `prefer` (DATABASE_ENGINE) skips the others, so CI can run specs on each engine.
 */
export type EngineKind = 'mongodb-uri' | 'secantusdb' | 'ferretdb';
export type EmbeddedEngineKind = Exclude<EngineKind, 'mongodb-uri'>;

export interface Engine {
  kind: EngineKind;
  uri: string;
  dataDir?: string;
  pid?: number;
  /** Times the child was started again after dying on its own. */
  restarts(): number;
  stop(): Promise<void>;
}

export interface EngineOptions {
  uri?: string;
  /** The folder under which each embedded engine keeps its data (DATA_DIR). */
  dataDir: string;
  prefer?: EmbeddedEngineKind;
  /** Build a missing engine with its install script (npm start does; tests and benches do too). */
  install?: boolean;
  /** Start the child again when it dies alone (default yes). */
  restartOnExit?: boolean;
  /** A fixed port (tests that restart an engine at the same address); otherwise a free one. */
  port?: number;
  log?: (message: string) => void;
}

export class NoEngineError extends Error {}

interface EmbeddedEngine {
  kind: EmbeddedEngineKind;
  label: string;
  find(options: { install: boolean; log: (message: string) => void }): BinaryLookup;
  args(dataDir: string, port: number, credentials: EngineCredentials): string[];
  /** Environment for the child beyond this process's own (secrets go here, not in args). */
  env?(credentials: EngineCredentials): Record<string, string>;
  /** Runs once the engine listens, before anyone else is told its address. */
  ready?(port: number, credentials: EngineCredentials): Promise<void>;
}

export const EMBEDDED_ENGINES: readonly EmbeddedEngine[] = [
  {
    kind: 'secantusdb',
    label: `SecantusDB ${SECANTUSDB.version} (WiredTiger)`,
    find: findSecantusDb,
    args: (dataDir, port) => {
      // An explicit (empty) config file: otherwise the server also reads ./secantusd.toml or ~/.secantus/.
      const config = join(dataDir, 'secantusd.toml');
      if (!existsSync(config)) writeFileSync(config, '# Parley starts secantusd-rs with flags only.\n');
      return [
        '--config',
        config,
        '--host',
        '127.0.0.1',
        `--port=${port}`,
        '--storage-path',
        join(dataDir, 'wiredtiger'),
        // The defaults (4G cache, 128MB preallocated log files) are sized for a database server, not for a
        // development engine that shares the machine with the app and its tests.
        '--cache-size',
        '512M',
        '--log-file-max',
        '32MB',
        '--log-level',
        'WARNING',
        // Without it an acknowledged write (j: true) is lost to a kill -9 of the engine: WiredTiger's log is
        // flushed in the background (measured: test/engine/engine-conformance.e2e-spec.ts, "kill -9").
        '--sync-on-commit',
        // SCRAM-SHA-256 for every command; the user is created by ready() (engine-credentials.ts).
        '--auth',
      ];
    },
    ready: ensureEngineUser,
  },
  {
    kind: 'ferretdb',
    label: `FerretDB ${FERRETDB.version} (SQLite)`,
    find: findFerretDb,
    args: (dataDir, port, credentials) => [
      '--handler=sqlite',
      `--sqlite-url=file:${dataDir}/`,
      `--state-dir=${dataDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=warn',
      // 1.24's SCRAM authentication (works with SQLite despite the flag's name); the user is set up at start,
      // its password passed in the environment (a command line is readable by every local user, see ps).
      '--test-enable-new-auth',
      '--setup-database=admin',
      `--setup-username=${credentials.username}`,
    ],
    env: (credentials) => ({ FERRETDB_SETUP_PASSWORD: credentials.password }),
  },
];

export async function startEngine(options: EngineOptions): Promise<Engine> {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  if (options.uri) {
    log('engine: MONGODB_URI is set, so no embedded engine is started');
    return { kind: 'mongodb-uri', uri: options.uri, restarts: () => 0, stop: async () => undefined };
  }
  const passedOver: string[] = [];
  for (const engine of EMBEDDED_ENGINES) {
    if (options.prefer && options.prefer !== engine.kind) {
      passedOver.push(`${engine.kind}: DATABASE_ENGINE=${options.prefer}`);
      continue;
    }
    const binary = engine.find({ install: options.install ?? true, log });
    if (!binary.path) {
      passedOver.push(`${engine.kind}: ${binary.reason}`);
      continue;
    }
    if (passedOver.length > 0) log(`engine: passed over ${passedOver.join('; ')}`);
    return startEmbedded(engine, binary.path, options, log);
  }
  throw new NoEngineError(
    `no database engine: set MONGODB_URI, or install SecantusDB with \`bash scripts/install-secantusdb.sh\` ` +
      `(needs cargo) or FerretDB with \`bash scripts/install-ferretdb.sh\` (needs go) [${passedOver.join('; ')}]`,
  );
}

async function startEmbedded(
  engine: EmbeddedEngine,
  binary: string,
  options: EngineOptions,
  log: (message: string) => void,
): Promise<Engine> {
  const dataDir = join(options.dataDir, engine.kind);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const credentials = engineCredentials(dataDir);
  const running = await attachToRunning(engine, dataDir, credentials, log);
  if (running) return running;
  const port = options.port ?? (await freePort());
  const child: EngineProcess = await startEngineProcess({
    name: engine.label,
    binary,
    args: engine.args(dataDir, port, credentials),
    env: engine.env?.(credentials),
    port,
    log,
    restartOnExit: options.restartOnExit ?? true,
  });
  try {
    await engine.ready?.(port, credentials);
  } catch (error) {
    await child.stop();
    throw error;
  }
  const record = join(dataDir, RUNNING_FILE);
  writeFileSync(record, JSON.stringify({ pid: process.pid, port }), { mode: 0o600 });
  log(
    `engine: ${engine.label} from ${binary} at ${engineUri(port)} with data in ${dataDir} ` +
      `(user ${credentials.username}, password in ${credentials.file})`,
  );
  return {
    kind: engine.kind,
    uri: engineUri(port, credentials),
    dataDir,
    get pid() {
      return child.pid;
    },
    restarts: () => child.restarts,
    stop: async () => {
      await child.stop();
      rmSync(record, { force: true });
    },
  };
}

/** Written beside the data by the process that runs the engine, so `npm run seed` can join a running server's. */
const RUNNING_FILE = 'engine.json';

/**
 * An engine holds its data folder alone (WiredTiger takes a single-writer lock), so a second process on the same
 * DATA_DIR (seed or admin:create while `npm start` runs) uses the engine already running there.
 */
async function attachToRunning(
  engine: EmbeddedEngine,
  dataDir: string,
  credentials: EngineCredentials,
  log: (message: string) => void,
): Promise<Engine | null> {
  let recorded: { pid: number; port: number };
  try {
    recorded = JSON.parse(readFileSync(join(dataDir, RUNNING_FILE), 'utf8')) as typeof recorded;
    process.kill(recorded.pid, 0); // throws when that process is gone
  } catch {
    return null;
  }
  if (recorded.pid === process.pid || !(await canConnect(recorded.port))) return null;
  log(
    `engine: ${engine.label} already runs for this data folder (started by process ${recorded.pid}): ` +
      `using ${engineUri(recorded.port)}`,
  );
  return {
    kind: engine.kind,
    uri: engineUri(recorded.port, credentials),
    dataDir,
    pid: undefined,
    restarts: () => 0,
    stop: async () => undefined, // its owner stops it
  };
}
