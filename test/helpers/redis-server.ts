import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/infra/database/engine-chain';

export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

const REDIS_BINARY = process.env.REDIS_SERVER_BIN ?? '/usr/bin/redis-server';

/** Debian's redis-server on a free port in a temporary folder, without persistence; stop() deletes it all. */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'parley-redis-'));
  const child = spawn(
    REDIS_BINARY,
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await ready(child, port);
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('close', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
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
