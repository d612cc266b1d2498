import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, Socket } from 'node:net';

export interface EngineProcessOptions {
  /** Shown in log lines: "SecantusDB", "FerretDB", "Mailpit". */
  name: string;
  /** The log lines' prefix (default "engine"; the mail catcher says "mail"). */
  role?: string;
  binary: string;
  args: string[];
  /** Added to this process's environment for the child. */
  env?: Record<string, string>;
  port: number;
  log: (message: string) => void;
  /** Start it again (same port, same data) when it dies on its own. Tests that kill engines on purpose say no. */
  restartOnExit: boolean;
}

export interface EngineProcess {
  readonly pid: number | undefined;
  /** How many times it was started again after dying on its own. */
  readonly restarts: number;
  stop(): Promise<void>;
}

const FIRST_RESTART_DELAY_MS = 250;
const MAX_RESTART_DELAY_MS = 10_000;
/** A child that ran this long before dying is restarted at once; one that dies sooner backs off. */
const HEALTHY_RUN_MS = 30_000;

/**
 * Runs a database engine as a child of this process. It dies with its parent, also when the parent is killed
 * outright (setpriv's pdeathsig asks the kernel to send it SIGTERM), and when it dies alone it is started
 * again with back-off on the same port and data folder, so the driver reconnects by itself and health recovers
 * without a person.
 */
export async function startEngineProcess(options: EngineProcessOptions): Promise<EngineProcess> {
  let child = spawnEngine(options);
  let stopping = false;
  let restarts = 0;
  let delay = FIRST_RESTART_DELAY_MS;
  let restartTimer: NodeJS.Timeout | undefined;

  const watch = (running: ChildProcess, startedAt: number) => {
    running.once('exit', (code, signal) => {
      if (stopping || !options.restartOnExit) return;
      if (Date.now() - startedAt > HEALTHY_RUN_MS) delay = FIRST_RESTART_DELAY_MS;
      options.log(
        `${options.role ?? 'engine'}: ${options.name} exited (${signal ?? `code ${code}`}): ${lastLines(running)}; starting it again in ${delay} ms`,
      );
      restartTimer = setTimeout(() => {
        restartTimer = undefined;
        if (stopping) return;
        restarts += 1;
        child = spawnEngine(options);
        watch(child, Date.now());
        void waitForPort(options, child).then(
          () => options.log(`${options.role ?? 'engine'}: ${options.name} is back on port ${options.port}`),
          () => undefined, // its exit handler restarts it again
        );
      }, delay);
      delay = Math.min(delay * 2, MAX_RESTART_DELAY_MS);
    });
  };

  await waitForPort(options, child);
  watch(child, Date.now());
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  return {
    get pid() {
      return child.pid;
    },
    get restarts() {
      return restarts;
    },
    stop: async () => {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      process.removeListener('exit', killOnExit);
      await stopChild(child);
    },
  };
}

const stderrTails = new WeakMap<ChildProcess, string>();

function spawnEngine({ binary, args, env }: EngineProcessOptions): ChildProcess {
  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((path) => existsSync(path));
  const options = {
    stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  };
  const child = setpriv
    ? spawn(setpriv, ['--pdeathsig', 'TERM', '--', binary, ...args], options)
    : spawn(binary, args, options);
  stderrTails.set(child, '');
  const keep = (chunk: Buffer) =>
    stderrTails.set(child, (stderrTails.get(child) + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return child;
}

function lastLines(child: ChildProcess): string {
  const tail = (stderrTails.get(child) ?? '').trim().split('\n').slice(-3).join(' | ');
  return tail || 'no output';
}

async function waitForPort(options: EngineProcessOptions, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `${options.name} exited with ${child.signalCode ?? `code ${child.exitCode}`}: ${lastLines(child)}`,
      );
    }
    if (await canConnect(options.port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`${options.name} did not listen on port ${options.port} within 60 s: ${lastLines(child)}`);
}

export function canConnect(port: number): Promise<boolean> {
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
    // WiredTiger writes a checkpoint on SIGTERM; a large cache can take a few seconds.
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
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
