import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import request from 'supertest';
import { TEST_JWT_SECRET } from './start-app';

const ROOT = join(__dirname, '..', '..');
const READY = /Parley is listening on /;
const START_MS = 60_000;

/** The real server (src/main.ts: its own signal handling and shutdown) as a child process on a fixed port. */
export interface AppProcess {
  url: string;
  port: number;
  pid: number;
  http: ReturnType<typeof request>;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  signal(signal: NodeJS.Signals): void;
  /** Resolves with how the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface AppProcessOptions {
  port: number;
  mongoUri: string;
  dbName: string;
  env?: Record<string, string>;
}

/**
 * Starts `src/main.ts` from the sources (test/helpers/run-ts.mjs compiles them as jest does), with the same
 * JWT secret as startApp(), so users and tokens made by an in-process app work against it. Resolves once it
 * listens; rejects with its output if it exits first.
 */
export async function spawnApp(options: AppProcessOptions): Promise<AppProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--enable-source-maps', join(ROOT, 'test/helpers/run-ts.mjs'), join(ROOT, 'src/main.ts')],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(options.port),
        MONGODB_URI: options.mongoUri,
        MONGODB_DB_NAME: options.dbName,
        MONGODB_TIMEOUT_MS: '2000',
        JWT_SECRET: TEST_JWT_SECRET,
        THROTTLE_LIMIT: '100000',
        LOG_LEVEL: 'warn',
        ...options.env,
      },
    },
  );
  let output = '';
  const collect = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-200_000));
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  // A jest worker that ends (a failed or interrupted run) takes its server with it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      process.removeListener('exit', killOnExit);
      resolve({ code, signal });
    }),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the app did not listen within ${START_MS} ms:\n${output}`));
    }, START_MS);
    const ready = () => {
      if (!READY.test(output)) return;
      clearTimeout(timer);
      child.stdout!.off('data', ready);
      resolve();
    };
    child.stdout!.on('data', ready);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the app exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
  const url = `http://127.0.0.1:${options.port}`;
  return {
    url,
    port: options.port,
    pid: child.pid!,
    http: request(url),
    output: () => output,
    signal: (signal) => child.kill(signal),
    exited,
  };
}
