import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../src/infra/database/engine-chain';

const ROOT = join(__dirname, '..', '..');

export interface ProductionServer {
  url: string;
  child: ChildProcess;
  /** The server's stdout and stderr (JSON request log): the bench counts errors in it afterwards. */
  logFile: string;
  stop(): Promise<void>;
}

/** `npm run build`: dist/ is what production runs. */
export function buildProduction(log: (message: string) => void): void {
  log('npm run build (tsc through nest build)');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
}

/**
 * `node dist/main.js` with NODE_ENV=production as a child process. The log goes to a file, as a container's
 * stdout would go to its collector: a pipe that this (busy) process drains late would slow the server down.
 * `nodeFlags` lets the profiler run ride along (`--cpu-prof`).
 */
export async function startProductionServer(
  env: Record<string, string>,
  logFile: string,
  nodeFlags: string[] = [],
): Promise<ProductionServer> {
  const port = await freePort();
  const out = openSync(logFile, 'w');
  const child = spawn(process.execPath, [...nodeFlags, join(ROOT, 'dist', 'main.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, PORT: String(port) },
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${tail(logFile)}`);
    if (readFileSync(logFile, 'utf8').includes('Parley is listening')) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start in 60 s: ${tail(logFile)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    logFile,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const forced = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(forced);
          resolve();
        });
        // SIGTERM lets main.ts drain and exit normally, which is also when --cpu-prof writes its profile.
        child.kill('SIGTERM');
      }),
  };
}

/** Server log lines at level error or fatal (pino levels 50 and 60). */
export function serverErrors(logFile: string): string[] {
  return readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((line) => /"level":(50|60)/.test(line));
}

function tail(file: string): string {
  return readFileSync(file, 'utf8').slice(-2000);
}
