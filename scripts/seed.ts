// `npm run seed`: demo users, three product forums, topics and replies, through the real HTTP routes of an
// in-process server. Idempotent: users log in when they exist, forums answer 409 when they exist, and every
// topic and reply carries a clientId derived from its key, so a second run finds what the first one wrote.
//
// The application is loaded from dist/ (built first when missing or stale, as `npm start` does): tsx's esbuild
// emits no decorator metadata, which Nest's injection and mongoose schemas need.
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import request from 'supertest';
import type * as AppFactory from '../src/app.factory';
import type * as Config from '../src/infra/config/app-config';
import type * as EngineChain from '../src/infra/database/engine-chain';
import type * as WaitForDatabase from '../src/infra/database/wait-for-database';
import type * as Users from '../src/users/users.service';
import { DEMO_FORUMS, DEMO_USERS, type DemoForum } from './seed-content';

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

/** Demo accounts share one password, printed at the end; the script refuses to run in production. */
const DEMO_PASSWORD = 'parley-demo-password';
type Http = ReturnType<typeof request>;
type Auth = { Authorization: string };

/** A stable UUID (version 4 layout) from a key, so reruns send the same clientId. */
function clientIdOf(key: string): string {
  const hex = createHash('sha256').update(`parley-seed:${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
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

async function signIn(http: Http, username: string): Promise<{ id: string; auth: Auth }> {
  let res = await http.post('/api/auth/login').send({ login: username, password: DEMO_PASSWORD });
  if (res.status !== 200) {
    res = await http
      .post('/api/auth/register')
      .send({ username, email: `${username}@demo.parley.invalid`, password: DEMO_PASSWORD });
  }
  if (res.status >= 300) throw new Error(`seed: cannot sign in ${username}: ${res.status} ${res.text}`);
  const auth = { Authorization: `Bearer ${res.body.accessToken}` };
  const notice = await http.get('/api/notices/public-area').set(auth);
  await http
    .post('/api/notices/public-area/acknowledgements')
    .set(auth)
    .send({ version: notice.body.version });
  return { id: res.body.user.id, auth };
}

async function seedForum(http: Http, forum: DemoForum, users: Map<string, { auth: Auth }>): Promise<number> {
  const { topics, ...fields } = forum;
  const admin = users.get('demo_admin') as { auth: Auth };
  const created = await http.post('/api/forums').set(admin.auth).send(fields);
  if (created.status !== 201 && created.status !== 409)
    throw new Error(`seed: forum ${forum.slug}: ${created.text}`);
  let posts = 0;
  for (const topic of topics) {
    const author = users.get(topic.author) as { auth: Auth };
    const res = await http
      .post(`/api/forums/${forum.slug}/topics`)
      .set(author.auth)
      .send({ title: topic.title, body: topic.body, clientId: clientIdOf(topic.key) });
    if (res.status !== 201) throw new Error(`seed: topic ${topic.key}: ${res.status} ${res.text}`);
    for (const [index, reply] of topic.replies.entries()) {
      const replier = users.get(reply.author) as { auth: Auth };
      const answer = await http
        .post(`/api/topics/${res.body.topic.id}/posts`)
        .set(replier.auth)
        .send({ body: reply.body, replyTo: reply.replyTo, clientId: clientIdOf(`${topic.key}#${index}`) });
      if (answer.status !== 201) throw new Error(`seed: reply ${topic.key}#${index}: ${answer.text}`);
    }
    posts += 1 + topic.replies.length;
  }
  return posts;
}

async function main(): Promise<void> {
  buildIfStale();
  const { createApp } = await fromDist<typeof AppFactory>('app.factory');
  const { loadConfig } = await fromDist<typeof Config>('infra/config/app-config');
  const { startEngine } = await fromDist<typeof EngineChain>('infra/database/engine-chain');
  const { waitForDatabase } = await fromDist<typeof WaitForDatabase>('infra/database/wait-for-database');
  const { UsersService } = await fromDist<typeof Users>('users/users.service');
  const config = loadConfig();
  if (config.NODE_ENV === 'production')
    throw new Error('seed: refusing to create demo accounts in production');
  const dataDir = resolve(config.DATA_DIR);
  ensureDevSecret(dataDir);
  const engine = await startEngine({ uri: config.MONGODB_URI, dataDir, log: (m) => console.log(m) });
  try {
    await waitForDatabase(engine.uri, (m) => console.log(m));
    const app = await createApp(loadConfig({ ...process.env, MONGODB_URI: engine.uri, LOG_LEVEL: 'error' }));
    await app.listen(0, '127.0.0.1');
    const http = request((await app.getUrl()).replace('[::1]', '127.0.0.1'));
    const users = new Map<string, { id: string; auth: Auth }>();
    for (const username of DEMO_USERS) users.set(username, await signIn(http, username));
    await app.get(UsersService).setRoles(users.get('demo_admin')?.id as string, ['admin']);
    let posts = 0;
    for (const forum of DEMO_FORUMS) posts += await seedForum(http, forum, users);
    await app.close();
    console.log(
      `seed: ${DEMO_FORUMS.length} forums and ${posts} posts are in place (rerunning changes nothing).`,
    );
    console.log(
      `seed: demo accounts ${DEMO_USERS.join(', ')}; password "${DEMO_PASSWORD}" (demo_admin is admin).`,
    );
  } finally {
    await engine.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
