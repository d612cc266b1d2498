import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { delimiter, join } from 'node:path';

/** The engine chain of ARCHITECTURE.md: MONGODB_URI, then FerretDB (SQLite), then mongodb-memory-server. */
export const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2';
/** The package name scripts/install-ferretdb.sh gives its build; `ferretdb --version` prints it. */
const FERRETDB_ID_INDEX_FIX = 'parley-sqlite-id-index';

export type EngineKind = 'mongodb-uri' | 'ferretdb' | 'mongodb-memory-server';

export interface Engine {
  kind: EngineKind;
  uri: string;
  dataDir?: string;
  pid?: number;
  stop(): Promise<void>;
}

export interface EngineOptions {
  uri?: string;
  dataDir: string;
  log?: (message: string) => void;
}

export async function startEngine(options: EngineOptions): Promise<Engine> {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  if (options.uri) {
    return { kind: 'mongodb-uri', uri: options.uri, stop: async () => undefined };
  }
  const binary = ferretDbBinary(log);
  if (binary) return startFerretDb(binary, options.dataDir, log);
  return startMemoryServer(options.dataDir, log);
}

/** The FerretDB binary on PATH or in Go's bin folder, installed with Go when missing. */
export function ferretDbBinary(log: (message: string) => void): string | undefined {
  const binary = findFerretDb() ?? installFerretDb(log);
  if (binary && !hasIdIndexFix(binary)) {
    log(
      `engine: ${binary} is FerretDB without the _id index fix, so every lookup by _id scans its collection; ` +
        'bash scripts/install-ferretdb.sh builds the fixed one',
    );
  }
  return binary;
}

/** Built by scripts/install-ferretdb.sh, which fixes the SQLite backend's _id lookups (see there). */
function hasIdIndexFix(binary: string): boolean {
  try {
    return execFileSync(binary, ['--version'], { encoding: 'utf8' }).includes(
      `package: ${FERRETDB_ID_INDEX_FIX}`,
    );
  } catch {
    return false;
  }
}

function findFerretDb(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'ferretdb');
    if (dir && existsSync(candidate)) return candidate;
  }
  const gopathBin = goBinDir();
  const candidate = gopathBin && join(gopathBin, 'ferretdb');
  return candidate && existsSync(candidate) ? candidate : undefined;
}

function goBinDir(): string | undefined {
  try {
    const gobin = execFileSync('go', ['env', 'GOBIN'], { encoding: 'utf8' }).trim();
    if (gobin) return gobin;
    return join(execFileSync('go', ['env', 'GOPATH'], { encoding: 'utf8' }).trim(), 'bin');
  } catch {
    return undefined; // no Go toolchain
  }
}

function installFerretDb(log: (message: string) => void): string | undefined {
  if (!goBinDir()) return undefined;
  // scripts/install-ferretdb.sh explains why this is not a bare `go install` of the module.
  const script = join(__dirname, '..', '..', '..', 'scripts', 'install-ferretdb.sh');
  log(`engine: no ferretdb binary; installing ${FERRETDB_MODULE} with Go (first run only)`);
  try {
    execFileSync('bash', [script], { stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (error) {
    log(
      `engine: FerretDB install failed (${(error as Error).message}); falling back to mongodb-memory-server`,
    );
    return undefined;
  }
  return findFerretDb();
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs FerretDB as a child that dies with its parent, also when the parent is killed outright. */
export async function startFerretDb(
  binary: string,
  dataDir: string,
  log: (message: string) => void,
  port?: number,
): Promise<Engine> {
  mkdirSync(dataDir, { recursive: true });
  const listenPort = port ?? (await freePort());
  const args = [
    '--handler=sqlite',
    `--sqlite-url=file:${dataDir}/`,
    `--state-dir=${dataDir}`,
    `--listen-addr=127.0.0.1:${listenPort}`,
    '--debug-addr=-',
    '--telemetry=disable',
    '--log-level=warn',
  ];
  // setpriv's pdeathsig makes the kernel send SIGTERM to FerretDB when this process dies, even on SIGKILL.
  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((path) => existsSync(path));
  const child: ChildProcess = setpriv
    ? spawn(setpriv, ['--pdeathsig', 'TERM', '--', binary, ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
    : spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  await waitForPort(listenPort, child, () => stderr);
  const uri = `mongodb://127.0.0.1:${listenPort}/`;
  log(`engine: FerretDB v1.24.2 (SQLite) at ${uri} with data in ${dataDir}`);
  return {
    kind: 'ferretdb',
    uri,
    dataDir,
    pid: child.pid,
    stop: async () => {
      process.removeListener('exit', killOnExit);
      await stopChild(child);
    },
  };
}

async function waitForPort(port: number, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`FerretDB exited with code ${child.exitCode}: ${stderr()}`);
    if (await canConnect(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`FerretDB did not listen on port ${port} within 30 s: ${stderr()}`);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1');
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function startMemoryServer(dataDir: string, log: (message: string) => void): Promise<Engine> {
  mkdirSync(dataDir, { recursive: true });
  log('engine: no MONGODB_URI and no FerretDB/Go; starting mongodb-memory-server (downloads mongod once)');
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  const server = await MongoMemoryServer.create({
    instance: { dbPath: dataDir, storageEngine: 'wiredTiger' },
  });
  const uri = server.getUri();
  log(`engine: mongodb-memory-server at ${uri} with data in ${dataDir}`);
  return {
    kind: 'mongodb-memory-server',
    uri,
    dataDir,
    stop: async () => void (await server.stop({ doCleanup: false })),
  };
}
