import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { freePort } from '../../src/infra/database/engine-chain';

export interface S3Server {
  endpoint: string;
  bucket: string;
  stop(): Promise<void>;
}

/** gofakes3 as installed by scripts/install-gofakes3.sh: GOBIN, GOPATH/bin, or PATH. */
function gofakes3Binary(): string {
  const dirs: string[] = [];
  try {
    const gobin = execFileSync('go', ['env', 'GOBIN'], { encoding: 'utf8' }).trim();
    dirs.push(gobin || join(execFileSync('go', ['env', 'GOPATH'], { encoding: 'utf8' }).trim(), 'bin'));
  } catch {
    // no Go toolchain: PATH only
  }
  dirs.push(...(process.env.PATH ?? '').split(delimiter).filter(Boolean));
  const found = dirs.map((dir) => join(dir, 'gofakes3')).find((path) => existsSync(path));
  if (!found) throw new Error('gofakes3 is not installed: run `bash scripts/install-gofakes3.sh`');
  return found;
}

/** A real S3-compatible server (gofakes3, in memory) on a free port, with one bucket. */
export async function startS3Server(bucket = 'parley-test'): Promise<S3Server> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    gofakes3Binary(),
    ['-backend', 'memory', '-host', `127.0.0.1:${port}`, '-initialbucket', bucket, '-quiet'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`gofakes3 exited: ${output}`);
    const ready = await fetch(`${endpoint}/${bucket}`).then(
      (res) => res.status < 500,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`gofakes3 did not answer on ${endpoint}: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    endpoint,
    bucket,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
