/**
 * `npm run bench:queue`: the review queue's first page with 10,000 open items, on the local engine (FerretDB
 * from the engine chain, or MONGODB_URI). Seeds a fresh database, then times GET /api/moderation/queue through
 * the real HTTP route and ReviewQueueService.page directly (p50/p99 over repeated calls), plus the bare index
 * walk (ReviewItemRepository.page). Writes docs/benchmarks.md "## Moderation queue (bench/queue.ts)" only.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { getConnectionToken, getModelToken } from '@nestjs/mongoose';
import type { Connection, Model } from 'mongoose';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AuthUser } from '../src/auth/access-policy';
import { startEngine } from '../src/infra/database/engine-chain';
import type { PostRecord } from '../src/posts/post.schema';
import { writeReportSection } from './support/report';

/** The application's modules, loaded only in the child that compiles with decorator metadata. */
async function load() {
  await import('reflect-metadata');
  return {
    ...(await import('../src/app.factory')),
    ...(await import('../src/infra/config/app-config')),
    ...(await import('../src/moderation/review-item.repository')),
    ...(await import('../src/moderation/review-queue.service')),
    ...(await import('../src/posts/post.schema')),
    ...(await import('../src/users/users.service')),
    ...(await import('../src/users/user')),
  };
}
type Loaded = Awaited<ReturnType<typeof load>>;

const ITEMS = 10_000;
const say = (message: string) => process.stderr.write(`[queue] ${message}\n`);
const RUNS = 200;
const WARM_UP = 20;
const PAGE = 20;
const ROOT = join(__dirname, '..');
const HEADING = '## Moderation queue (bench/queue.ts)';

interface Timing {
  label: string;
  runs: number;
  p50: number;
  p99: number;
  max: number;
}

async function time(
  label: string,
  run: () => Promise<unknown>,
  runs = RUNS,
  warmUp = WARM_UP,
): Promise<Timing> {
  say(label);
  for (let i = 0; i < warmUp; i += 1) await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return { label, runs, p50: at(0.5), p99: at(0.99), max: samples[samples.length - 1] };
}

async function post(url: string, path: string, body: object, token?: string) {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function main(): Promise<void> {
  const m = await load();
  const { createApp, loadConfig, ReviewItemRepository, ReviewQueueService } = m;
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-queue-'));
  const engine = await startEngine({ uri: process.env.MONGODB_URI, dataDir });
  const config = loadConfig({
    NODE_ENV: 'test',
    MONGODB_URI: engine.uri,
    MONGODB_DB_NAME: `bench_queue_${randomBytes(4).toString('hex')}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    THROTTLE_LIMIT: '1000000',
    LOG_LEVEL: 'silent',
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  try {
    say('seeding');
    const { admin, token } = await seed(m, app, url);
    say('seeded; timing');
    const queue = app.get(ReviewQueueService);
    const items = app.get(ReviewItemRepository);
    const first = await queue.page(admin, { limit: PAGE });
    if (first.items.length !== PAGE || !first.items[0].content)
      throw new Error('the seeded queue is not readable');
    const timings = [
      await time('GET /api/moderation/queue (HTTP, admin, all forums)', async () => {
        const res = await fetch(`${url}/api/moderation/queue?limit=${PAGE}`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        if (res.status !== 200) throw new Error(`queue: ${res.status}`);
        await res.json();
      }),
      await time('ReviewQueueService.page (content, spans, author history)', () =>
        queue.page(admin, { limit: PAGE }),
      ),
      await time('ReviewItemRepository.page (the index walk only, no content)', () =>
        items.page({ status: 'open' }, null, PAGE + 1),
      ),
    ];
    const plan = await explain(app);
    writeReport(timings, plan, engine.kind);
    for (const t of timings)
      console.log(`${t.label}: p50 ${t.p50.toFixed(2)} ms, p99 ${t.p99.toFixed(2)} ms`);
  } finally {
    await app.close();
    await engine.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** An admin, a forum, a topic, 10,000 posts (one in five with an address) and one open queue entry each. */
async function seed(m: Loaded, app: NestExpressApplication, url: string) {
  const { UsersService, PostRecord: PostModel, ReviewItemRepository, toAuthUser } = m;
  const name = `bench${randomBytes(3).toString('hex')}`;
  const registered = await post(url, '/api/auth/register', {
    username: name,
    email: `${name}@bench.test`,
    password: 'bench-password-1',
  });
  const users = app.get(UsersService);
  const adminUser = await users.setRoles(registered.user.id, ['admin']);
  const token = registered.accessToken as string;
  const notice = (await (await fetch(`${url}/api/notices/public-area`)).json()) as { version: number };
  await post(url, '/api/notices/public-area/acknowledgements', { version: notice.version }, token);
  const forum = await post(
    url,
    '/api/forums',
    { slug: 'bench', name: 'Bench', productName: 'Bench', description: 'queue bench' },
    token,
  );
  const topic = await post(url, '/api/forums/bench/topics', { title: 'Bench topic', body: 'Seed' }, token);
  const posts = app.get<Model<PostRecord>>(getModelToken(PostModel.name));
  const now = Date.now();
  const rows = Array.from({ length: ITEMS }, (_, i) => ({
    topicId: topic.topic.id,
    forumId: forum.id,
    seq: i + 2,
    authorId: adminUser.id,
    authorName: adminUser.username,
    source: i % 5 === 0 ? `Reach me at person${i}@example.com about item ${i}` : `Queued post number ${i}`,
    html: `<p>Queued post number ${i}</p>`,
    searchText: `queued post number ${i}`,
    status: i % 2 === 0 ? 'held' : 'visible',
    clientKey: `bench:${i}`,
  }));
  const inserted = await posts.insertMany(rows, { ordered: false });
  say(`${inserted.length} posts stored`);
  // Items as enqueue would leave them, written in bulk so seeding takes seconds rather than 10,000 round trips.
  const items = inserted.map((row, i) => {
    const at = new Date(now - (ITEMS - i) * 1000);
    const low = i % 4 === 3;
    const priority = low ? 1 : 0;
    const id = `post:${row._id.toString()}`;
    return {
      _id: id,
      targetType: 'post' as const,
      targetId: row._id.toString(),
      forumId: forum.id as string,
      authorId: adminUser.id,
      reasons: [low ? 'pii_acknowledged' : i % 2 === 0 ? 'personal_data' : 'reported:spam'],
      priority,
      status: 'open' as const,
      reportCount: low || i % 2 === 0 ? 0 : 1,
      queuedAt: at,
      createdAt: at,
      updatedAt: at,
      resolution: null,
    };
  });
  await app.get(ReviewItemRepository).insertMany(items);
  say(`${items.length} queue entries stored`);
  return { admin: toAuthUser(adminUser) as AuthUser, token };
}

/** What the engine says about the first-page query (FerretDB reports whether filter and sort were pushed down). */
async function explain(app: NestExpressApplication): Promise<string> {
  const db = app.get<Connection>(getConnectionToken()).db;
  if (!db) return 'no connection';
  const result = (await db.command({
    explain: {
      find: 'review_items',
      filter: { status: 'open' },
      sort: { priority: 1, queuedAt: 1, _id: 1 },
      limit: PAGE + 1,
    },
  })) as Record<string, unknown>;
  const keep = ['filterPushdown', 'sortPushdown', 'limitPushdown', 'unsafeFilterPushdown'];
  const shown = Object.fromEntries(Object.entries(result).filter(([key]) => keep.includes(key)));
  if (Object.keys(shown).length > 0) return JSON.stringify(shown);
  const winning = JSON.stringify(
    (result.queryPlanner as Record<string, unknown> | undefined)?.winningPlan ?? {},
  );
  return winning.length > 400 ? `${winning.slice(0, 400)}…` : winning;
}

function writeReport(timings: Timing[], plan: string, engineKind: string): void {
  const cpu = cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  const rows = timings.map(
    (t) => `| ${t.label} | ${t.runs} | ${t.p50.toFixed(2)} | ${t.p99.toFixed(2)} | ${t.max.toFixed(2)} |`,
  );
  const section = [
    HEADING,
    '',
    `Run with \`npm run bench:queue\` on ${new Date().toISOString().slice(0, 10)}; nproc ${cpus().length}, ${cpu},`,
    `Node ${process.version}, engine ${engineKind} on this machine. ${ITEMS.toLocaleString('en')} open review items`,
    `(one per seeded post; 3/4 held or reported, 1/4 acknowledged), first page of ${PAGE}, calls one at a time`,
    `after warm-up calls (runs column). The machine was shared with other work (load average ${loadavg()[0].toFixed(1)}).`,
    '',
    '| first page | runs | p50 ms | p99 ms | max ms |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    'Target: the first page under 100 ms. How: one `find()` over the compound index',
    '`{ status, priority, queuedAt, _id }` (or `{ status, forumId, priority, queuedAt, _id }` for a forum),',
    'keyset-paginated by (priority, queuedAt, _id), so a page walks `limit + 1` index entries however long the',
    'queue is.',
    `Engine's explain of the sorted find: \`${plan}\`.`,
    'See docs/moderation.md for what the page adds on top of the index walk (content, spans, author history).',
    '',
  ].join('\n');
  writeReportSection(HEADING, section);
}

/**
 * Nest's dependency injection needs decorator metadata, which tsx (esbuild) does not emit. So `tsx
 * bench/queue.ts` re-runs this file in a child Node with a require hook that compiles TypeScript with SWC,
 * the same transform jest uses (jest.config.js).
 */
const SWC_HOOK = `
const { transformSync } = require('@swc/core');
require.extensions['.ts'] = function (module, filename) {
  const source = require('node:fs').readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    jsc: { parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
require(process.env.PARLEY_BENCH_FILE);
`;

function runWithDecoratorMetadata(): void {
  const child = spawn(process.execPath, ['-e', SWC_HOOK], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, PARLEY_BENCH_CHILD: '1', PARLEY_BENCH_FILE: __filename },
  });
  child.on('exit', (code) => process.exit(code ?? 1));
}

if (process.env.PARLEY_BENCH_CHILD === '1') {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  runWithDecoratorMetadata();
}
