import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/infra/database/engine-chain';

export interface RedisServer {
  url: string;
  port: number;
  /** SIGKILL: the server vanishes mid-conversation, as in a crash (fault tests). */
  kill(): Promise<void>;
  /** Starts a fresh, empty server on the same port after kill() (as a restarted Redis without persistence). */
  restart(): Promise<void>;
  /** SIGSTOP: connections stay open but nothing is answered (a hung or overloaded server). */
  pause(): void;
  /** SIGCONT after pause(): it answers everything that was sent meanwhile. */
  resume(): void;
  stop(): Promise<void>;
}

const REDIS_BINARY = process.env.REDIS_SERVER_BIN ?? '/usr/bin/redis-server';

/** Debian's redis-server on a free port in a temporary folder, without persistence; stop() deletes it all. */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'parley-redis-'));
  let child = await launch(port, dir);
  const running = () => child.exitCode === null && child.signalCode === null;
  const signal = (name: NodeJS.Signals) => {
    if (running()) child.kill(name);
  };
  const ended = (name: NodeJS.Signals) => async () => {
    if (!running()) return;
    const exited = new Promise((resolve) => child.once('close', resolve));
    child.kill(name);
    await exited;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill: ended('SIGKILL'),
    restart: async () => {
      await ended('SIGKILL')();
      child = await launch(port, dir);
    },
    pause: () => signal('SIGSTOP'),
    resume: () => signal('SIGCONT'),
    stop: async () => {
      signal('SIGCONT');
      await ended('SIGTERM')();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function launch(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn(
    REDIS_BINARY,
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await ready(child, port);
  return child;
}

function ready(child: ChildProcess, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (reason: string) => {
      clearTimeout(timer);
      reject(new Error(`redis-server on ${port}: ${reason}: ${output}`));
    };
    const onExit = (code: number | null) => fail(`exited with ${code}`);
    const timer = setTimeout(() => fail('did not start within 10 s'), 10_000);
    child.once('error', (error) => fail(error.message));
    // Only our own listener goes: Node's ChildProcess relies on its own 'exit' listeners.
    child.once('exit', onExit);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve();
      }
    });
  });
}
