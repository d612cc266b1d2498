// `npm run seed`: the demo community (src/demo/demo-seed.ts) through the real HTTP routes of an in-process server.
// Idempotent, and safe while `npm start` runs: the engine chain attaches to the engine that server started.
// (`npm start` seeds an empty development database by itself on its first start.)
//
// The application is loaded from dist/ (built first when missing or stale, as `npm start` does): tsx's esbuild
// emits no decorator metadata, which Nest's injection and mongoose schemas need.
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type * as AppFactory from '../src/app.factory';
import type * as Config from '../src/infra/config/app-config';
import type * as EngineChain from '../src/infra/database/engine-chain';
import type * as WaitForDatabase from '../src/infra/database/wait-for-database';
import type * as Users from '../src/users/users.service';
import type * as DemoSeed from '../src/demo/demo-seed';

const root = join(__dirname, '..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function buildIfStale(): void {
  const main = join(root, 'dist/main.js');
  const built = existsSync(main) ? statSync(main).mtimeMs : 0;
  if (built >= newestMtime(join(root, 'src'))) return;
  // Plain tsc instead of `nest build`: it does not empty dist/ first, so a failed build leaves the last good one.
  console.log('seed: building the server (tsc -p tsconfig.build.json)');
  try {
    execFileSync(
      process.execPath,
      [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
  } catch (error) {
    if (!existsSync(main)) throw error;
    console.warn('seed: the build failed; seeding with the previous build in dist/');
  }
}

async function fromDist<T>(path: string): Promise<T> {
  return (await import(join(root, 'dist', `${path}.js`))) as T;
}

function ensureDevSecret(dataDir: string): void {
  if (process.env.JWT_SECRET) return;
  const file = join(dataDir, '..', 'jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  process.env.JWT_SECRET = readFileSync(file, 'utf8').trim();
}

async function main(): Promise<void> {
  buildIfStale();
  const { createApp } = await fromDist<typeof AppFactory>('app.factory');
  const { loadConfig } = await fromDist<typeof Config>('infra/config/app-config');
  const { startEngine } = await fromDist<typeof EngineChain>('infra/database/engine-chain');
  const { waitForDatabase } = await fromDist<typeof WaitForDatabase>('infra/database/wait-for-database');
  const { UsersService } = await fromDist<typeof Users>('users/users.service');
  const { seedDemo, demoSignInHelp } = await fromDist<typeof DemoSeed>('demo/demo-seed');
  const config = loadConfig();
  if (config.NODE_ENV === 'production')
    throw new Error('seed: refusing to create demo accounts in production');
  const dataDir = resolve(config.DATA_DIR);
  ensureDevSecret(dataDir);
  const engine = await startEngine({
    uri: config.MONGODB_URI,
    dataDir,
    prefer: config.DATABASE_ENGINE,
    log: (m) => console.log(m),
  });
  try {
    await waitForDatabase(engine.uri, (m) => console.log(m));
    const app = await createApp(loadConfig({ ...process.env, MONGODB_URI: engine.uri, LOG_LEVEL: 'error' }));
    await app.listen(0, '127.0.0.1');
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const users = app.get(UsersService);
    const seeded = await seedDemo(url, (id) => users.setRoles(id, ['admin']));
    await app.close();
    console.log(
      `seed: ${seeded.forums} forums and ${seeded.posts} posts are in place (rerunning changes nothing).`,
    );
    console.log(`seed: ${demoSignInHelp()}.`);
  } finally {
    await engine.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
