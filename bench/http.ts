/**
 * `npm run bench:http`: HTTP throughput of the production build (`npm run build`, then `node dist/main.js` with
 * NODE_ENV=production as a child process) on the local engine (the engine chain's default, SecantusDB; or
 * DATABASE_ENGINE / MONGODB_URI). Seeds a forum through the API, then runs each scenario with autocannon at 10
 * and 50 connections (BENCH_CONNECTIONS), prints each write scenario's ratio to the hello route, and in
 * the same run times raw mongoose `insertOne` of the same post documents at the same concurrency (the ceiling
 * for publishing). Writes "## HTTP load (bench/http.ts)" in docs/benchmarks.md, replacing only that section.
 *
 * Knobs (environment): BENCH_SECONDS per run (default 10), BENCH_CONNECTIONS (default "10,50,200"),
 * BENCH_SCENARIOS (comma list of scenario names; a partial run does not write the report), BENCH_CPU_PROF=<dir>
 * (runs the server with --cpu-prof and prints where its time went), BENCH_DB_TRACE=<file> (times every database
 * command the server sends, by shape; see support/db-trace.ts), BENCH_SKIP_BUILD=1 (reuse dist/).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import mongoose, { type Connection, type Model } from 'mongoose';
import { summariseCpuProfiles, summariseDbTrace } from './support/cpu-profile';
import { fromDist, withBenchStack } from './support/bench-stack';
import { draftText, replyBody } from './support/http-bodies';
import { READ_TOPIC_POSTS, seedForum, type HttpSeed } from './support/http-seed';
import { runHttpLoad, runInsertLoad, type HttpRequestPlan, type LoadFigures } from './support/load';
import { serverErrors, type ProductionServer } from './support/production-server';
import { loadAverages, machine, writeReportSection } from './support/report';

const HEADING = '## HTTP load (bench/http.ts)';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARM_UP_SECONDS = 3;
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '10,50').split(',').map(Number);
/** Above this 1-minute load average before the run the machine is not quiet: figures are printed, no report. */
const QUIET_LOAD = 1.5;
const ONLY = process.env.BENCH_SCENARIOS?.split(',').filter(Boolean);
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF;
const DB_TRACE = process.env.BENCH_DB_TRACE;
const say = (message: string) => process.stderr.write(`[http] ${message}\n`);
const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)];

/** Production code that the bench uses directly, from the build it measures. */
type Dist = ReturnType<typeof dist>;
const dist = () => ({
  ...(fromDist('./posts/post.schema') as typeof import('../src/posts/post.schema')),
  ...(fromDist('./infra/rendering/render-post') as typeof import('../src/infra/rendering/render-post')),
  ...(fromDist('./posts/search-text') as typeof import('../src/posts/search-text')),
});

interface Scenario {
  name: string;
  next: () => HttpRequestPlan;
}

function scenarios(seed: HttpSeed): Scenario[] {
  const names = seed.writers.map((writer) => writer.username);
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const page = `/api/topics/${seed.readTopicId}/posts?after=0&limit=${READ_TOPIC_POSTS}`;
  let n = 0;
  return [
    { name: 'hello', next: () => ({ method: 'GET', path: '/api/bench/hello' }) },
    { name: 'topic-anon', next: () => ({ method: 'GET', path: page }) },
    {
      name: 'topic-signed-in',
      next: () => ({ method: 'GET', path: page, headers: bearer(pick(seed.readers).token) }),
    },
    {
      name: 'forum-list',
      next: () => ({ method: 'GET', path: `/api/forums/${seed.forumSlug}/topics?limit=20` }),
    },
    {
      name: 'pii-check',
      next: () => ({
        method: 'POST',
        path: '/api/pii/check',
        headers: bearer(pick(seed.writers).token),
        body: JSON.stringify({ text: draftText((n += 1), names), forum: seed.forumSlug }),
      }),
    },
    {
      name: 'publish',
      next: () => ({
        method: 'POST',
        path: `/api/topics/${pick(seed.replyTopicIds)}/posts`,
        headers: bearer(pick(seed.writers).token),
        body: JSON.stringify({ body: replyBody((n += 1), names, 1), clientId: randomUUID() }),
      }),
    },
    {
      name: 'new-topic',
      next: () => ({
        method: 'POST',
        path: `/api/forums/${seed.forumSlug}/topics`,
        headers: bearer(pick(seed.writers).token),
        body: JSON.stringify({
          title: `Sync question ${(n += 1)} after the 2.3 update`,
          body: replyBody(n, names, 1),
          clientId: randomUUID(),
        }),
      }),
    },
    {
      name: 'board-message',
      next: () => ({
        method: 'POST',
        path: `/api/boards/${seed.boardSlug}/messages`,
        headers: bearer(pick(seed.writers).token),
        body: JSON.stringify({ body: replyBody((n += 1), names, 1).slice(0, 400), clientId: randomUUID() }),
      }),
    },
  ];
}

/** What publishing stores for a reply, built from the same texts, inserted straight through mongoose. */
function rawInsert(seed: HttpSeed, model: Model<unknown>, d: Dist) {
  const names = seed.writers.map((writer) => writer.username);
  const bodies = Array.from({ length: 60 }, (_, i) => {
    const source = replyBody(i, names, 1);
    return { source, html: d.renderPostHtml(source), searchText: d.searchTextOf(source, null) };
  });
  const topicId = new mongoose.Types.ObjectId().toHexString();
  let seq = 0;
  return () => {
    seq += 1;
    const author = seed.writers[seq % seed.writers.length];
    return model.insertOne({
      topicId,
      forumId: seed.forumId,
      seq,
      authorId: author.id,
      authorName: author.username,
      ...bodies[seq % bodies.length],
      replyTo: null,
      quotedPostIds: [],
      mentionedUserIds: [],
      status: 'visible',
      findings: null,
      clientKey: `${author.id}:${randomUUID()}`,
    });
  };
}

async function main(): Promise<void> {
  const flags = CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`] : [];
  if (DB_TRACE) flags.push('--import', 'tsx', '--import', join(__dirname, 'support', 'db-trace.ts'));
  const loadBefore = loadAverages();
  const env: Record<string, string> = { PII_CHECK_LIMIT_PER_MINUTE: '100000000', BENCH_ROUTES: 'true' };
  if (DB_TRACE) env.BENCH_DB_TRACE = DB_TRACE;
  if (process.env.BENCH_DB_TRACE_STACKS) env.BENCH_DB_TRACE_STACKS = process.env.BENCH_DB_TRACE_STACKS;
  const { engineKind, ...run } = await withBenchStack(
    { name: 'http', env, nodeFlags: flags, say },
    async ({ server, db, engineKind }) => ({ engineKind, ...(await measure(server, db, dist())) }),
  );
  const { results, loads, errors, window } = run;
  if (errors.length > 0)
    say(`${errors.length} error lines in the server log, first: ${errors[0].slice(0, 500)}`);
  console.log(`\n${table(results, all(results))}\n\n${ratios(results).join('\n')}`);
  if (CPU_PROF_DIR) console.log(`\n${summariseCpuProfiles(CPU_PROF_DIR, window)}`);
  if (DB_TRACE) console.log(`\n${summariseDbTrace(DB_TRACE, results)}`);
  // The bench itself keeps both cores busy, so the load during the run says nothing about other work: the
  // machine must be quiet when it starts.
  const before = Number(loadBefore.split(' / ')[0]);
  if (before > QUIET_LOAD) {
    say(
      `load average was ${before.toFixed(2)} (> ${QUIET_LOAD}) before the run: not a quiet machine, report not written`,
    );
    return;
  }
  if (!ONLY && !CPU_PROF_DIR && !DB_TRACE && process.env.BENCH_REPORT !== '0')
    writeReport(results, loads, loadBefore, loadAverages(), engineKind, errors.length);
}

interface Measured {
  results: LoadFigures[];
  /** Load average at the start of each concurrency level. */
  loads: Record<number, string>;
  /** Server log lines at level error or above, counted before the server stops. */
  errors: string[];
  /** Monotonic clock (µs) around the measured runs, to cut the CPU profile to them. */
  window: { from: number; to: number };
}

const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

/**
 * Waits until the server and the engine have worked off what the previous run left queued (autocannon stops
 * sending when its time is up, but the requests already sent still run): until /api/health, which pings the
 * database, answers within 250 ms three times in a row, for at most two minutes. Without this, a slow
 * scenario's backlog is charged to the next one.
 */
async function settle(url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  let quick = 0;
  while (quick < 3 && Date.now() < deadline) {
    const started = Date.now();
    const res = await fetch(`${url}/api/health`).catch(() => null);
    quick = res?.ok && Date.now() - started < 250 ? quick + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (quick < 3) say('the server was still busy after two minutes; measuring anyway');
}

async function measure(server: ProductionServer, db: Connection, d: Dist): Promise<Measured> {
  const seed = await seedForum(server.url, db, say);
  const chosen = scenarios(seed).filter((s) => !ONLY || ONLY.includes(s.name));
  // A twin of `posts` (same schema, same indexes): inserting thousands of rows into `posts` itself would make
  // the topic pages measured after it read a collection that only grew by what the scenarios wrote.
  const posts = db.model('BenchPost', d.PostSchema, 'bench_raw_posts') as unknown as Model<unknown>;
  await posts.init();
  const insert = rawInsert(seed, posts, d);
  const withRaw = !ONLY || ONLY.includes('raw-insert');
  say(`warm-up, ${WARM_UP_SECONDS} s per scenario at 10 connections`);
  for (const s of chosen) await runHttpLoad(s.name, server.url, 10, WARM_UP_SECONDS, s.next, () => undefined);
  // The database trace starts afresh here (db-trace.ts), so it covers the measured runs only.
  if (DB_TRACE) server.child.kill('SIGUSR2');
  const results: LoadFigures[] = [];
  const loads: Record<number, string> = {};
  const from = monotonicMicros();
  for (const connections of CONNECTIONS) {
    loads[connections] = loadAverages();
    say(`--- ${connections} connections (load ${loads[connections]})`);
    for (const s of chosen) {
      await settle(server.url);
      const load = loadAverages();
      results.push(await runHttpLoad(s.name, server.url, connections, SECONDS, s.next, say));
      say(`${line(results[results.length - 1])} (load ${load})`);
    }
    if (withRaw) {
      await settle(server.url);
      results.push(await runInsertLoad('raw-insert', connections, SECONDS, insert, say));
      say(line(results[results.length - 1]));
    }
  }
  const window = { from, to: monotonicMicros() };
  // Counted before stopping: requests still queued when the last run ends fail once the server shuts down.
  return { results, loads, errors: serverErrors(server.logFile), window };
}

const LABELS: Record<string, string> = {
  hello: 'hello route (ceiling)',
  'topic-anon': 'topic page (30 posts), signed out',
  'topic-signed-in': 'topic page (30 posts), signed in',
  'forum-list': 'forum topic list (20 topics)',
  'pii-check': 'live check POST /api/pii/check',
  publish: 'publish a reply',
  'new-topic': 'start a topic',
  'board-message': 'board message',
  'raw-insert': 'raw mongoose insertOne (ceiling)',
};
const all = (results: LoadFigures[]) => [...new Set(results.map((r) => r.scenario))];
const fmtErrors = (errors: Record<string, number>) =>
  Object.entries(errors)
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ') || '0';
const line = (r: LoadFigures) =>
  `${r.scenario} c=${r.connections}: ${r.okPerSecond.toFixed(0)}/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, errors ${fmtErrors(r.errors)}`;

function table(results: LoadFigures[], names: string[]): string {
  const rows = names.flatMap((name) =>
    results
      .filter((r) => r.scenario === name)
      .map(
        (r) =>
          `| ${LABELS[name] ?? name} | ${r.connections} | ${r.okPerSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${fmtErrors(r.errors)} |`,
      ),
  );
  return [
    '| scenario | connections | 2xx req/s | p50 ms | p99 ms | errors (non-2xx by status) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

function ratios(results: LoadFigures[]): string[] {
  const at = (name: string, c: number) => results.find((r) => r.scenario === name && r.connections === c);
  const pct = (a?: LoadFigures, b?: LoadFigures) =>
    a && b && b.okPerSecond > 0 ? `${((100 * a.okPerSecond) / b.okPerSecond).toFixed(0)}%` : 'n/a';
  const p99 = (name: string, c: number) => at(name, c)?.p99.toFixed(0) ?? 'n/a';
  return CONNECTIONS.map((c) => {
    const hello = at('hello', c);
    return (
      `- ${c} connections, share of the hello route: reply ${pct(at('publish', c), hello)} (p99 ` +
      `${p99('publish', c)} ms), new topic ${pct(at('new-topic', c), hello)} (p99 ${p99('new-topic', c)} ms), ` +
      `board message ${pct(at('board-message', c), hello)} (p99 ${p99('board-message', c)} ms) (target ≥ 35%, ` +
      `p99 < 100 ms at 10); topic page ${pct(at('topic-anon', c), hello)} signed out, ` +
      `${pct(at('topic-signed-in', c), hello)} signed in; forum list ${pct(at('forum-list', c), hello)}; ` +
      `reply / raw insert ${pct(at('publish', c), at('raw-insert', c))}`
    );
  });
}

function writeReport(
  results: LoadFigures[],
  loads: Record<number, string>,
  before: string,
  after: string,
  engineKind: string,
  serverErrorLines: number,
): void {
  const at = (name: string, c: number) => results.find((r) => r.scenario === name && r.connections === c);
  const share = (a?: LoadFigures, b?: LoadFigures) => (a && b ? a.okPerSecond / b.okPerSecond : 0);
  const readOk = CONNECTIONS.every(
    (c) =>
      share(at('topic-anon', c), at('hello', c)) >= 0.3 &&
      share(at('topic-signed-in', c), at('hello', c)) >= 0.3,
  );
  const writes = ['publish', 'new-topic', 'board-message'];
  const writesOk = CONNECTIONS.every((c) => writes.every((w) => share(at(w, c), at('hello', c)) >= 0.35));
  const p99At10 = Math.max(...writes.map((w) => at(w, 10)?.p99 ?? Number.POSITIVE_INFINITY));
  const unexpected = results.filter((r) => Object.keys(r.errors).length > 0);
  const section = [
    HEADING,
    '',
    `Run with \`npm run bench:http\` on ${new Date().toISOString().slice(0, 10)}; ${machine()}; engine ${engineKind}`,
    `on this machine. Load average (1/5/15 min) ${before} before the run, ${after} after; at the start of each`,
    `concurrency level: ${CONNECTIONS.map((c) => `${c} → ${loads[c]}`).join('; ')}.`,
    'Server: the production build (`npm run build`, `node dist/main.js`, NODE_ENV=production, LOG_LEVEL=info with',
    'the JSON request log written to a file), one process. Load: autocannon in the bench process on the same two',
    `cores (it competes with the server and the engine for them), ${SECONDS} s per run after a ${WARM_UP_SECONDS} s`,
    'warm-up per scenario, one request in flight per connection, runs interleaved by concurrency level so each',
    'ratio compares runs taken minutes apart at most.',
    'Rate limits: THROTTLE_LIMIT=100000000 and PII_CHECK_LIMIT_PER_MINUTE=100000000, so the global throttler and',
    'the live-check limiter still run on every request (their cost is measured) but never refuse one: every',
    'request comes from 127.0.0.1, which the production limits (600 a minute per address, 60 checks a minute per',
    'user) would cut off within a second. Access tokens last 3600 s (ACCESS_TOKEN_TTL_SECONDS) so none expires.',
    'Data: one forum, 20 writers and 20 readers (each request takes a random account), a topic of 30 posts read',
    'as the client reads it (`GET /api/topics/:id/posts?after=0&limit=30`), 20 topics replied to at random with',
    'Markdown bodies of 300 to 800 characters (quotes, mentions, lists, code, links, version numbers: the',
    'personal-data check runs on every one and finds nothing, so each is stored and announced) and a fresh',
    '`clientId` each; live checks send such a draft, every fifth with an e-mail address, naming the forum.',
    'The hello route is `GET /api/bench/hello` (mounted with BENCH_ROUTES=true): every middleware and guard, no',
    'database work; `/api/health` pings the database on each call, so it is no ceiling. Raw insert: mongoose',
    '`Model.insertOne` of the same post documents (pre-rendered HTML) into `bench_raw_posts`, a twin of `posts`',
    "(same schema and indexes; kept apart so the ceiling's thousands of rows do not slow later page reads), with",
    "the server's connection options (write concern), from the bench process, one insert in flight per simulated",
    'connection.',
    '',
    table(results, all(results)),
    '',
    'Ratios (same run):',
    '',
    ...ratios(results),
    '',
    `Targets: topic page ≥ 30% of hello at every level: **${readOk ? 'met' : 'missed'}**. A reply, a new topic and a`,
    `board message each ≥ 35% of hello at every level: **${writesOk ? 'met' : 'missed'}**. Their p99 < 100 ms at 10`,
    `connections: **${p99At10 < 100 ? 'met' : 'missed'}** (highest ${p99At10.toFixed(0)} ms).`,
    `Errors: ${unexpected.length === 0 ? 'none (no non-2xx answer, no socket error)' : unexpected.map((r) => `${r.scenario} c=${r.connections} ${fmtErrors(r.errors)}`).join('; ')};`,
    `${serverErrorLines} error lines in the server log. See "HTTP load: profile and fixes" below for where the time goes.`,
    '',
  ].join('\n');
  writeReportSection(HEADING, section);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    say(String((error as Error)?.stack ?? error));
    process.exit(1);
  },
);
