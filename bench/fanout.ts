/**
 * `npm run bench:fanout`: socket.io fan-out of board messages published over REST.
 * - 1, 100 and 1,000 subscribers in one board room, and 10,000 across two instances; messages POSTed at a steady
 *   rate; publish-to-receive latency (p50/p99) and delivered messages per second, on one instance and on two
 *   instances with Redis. The subscribers' sockets live in child processes of their own (VIEWER_PROCESSES), so
 *   their work is not counted as server latency.
 * - Churn: every client is cut off for ~2 s every 15 s while messages flow, and rejoins with its
 *   lastEventSeq; share delivered (counting catch-up) and catch-up delay p99.
 * - 10,000 idle authenticated sockets on one instance: resident memory of the server process.
 * Servers run as child processes (this file with `serve`), so their RSS is measured alone. Bounded to a
 * few minutes; writes "## Real time (bench/fanout.ts)" in docs/benchmarks.md, replacing only that section.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { io, type Socket } from 'socket.io-client';
import { startEngine, freePort } from '../src/infra/database/engine-chain';
import { startRedis } from '../test/helpers/redis-server';
import { acknowledgeNotice, call, register } from './support/api';
import { loadAverages, percentile, writeReportSection } from './support/report';

const ROOT = join(__dirname, '..');
const HEADING = '## Real time (bench/fanout.ts)';
const RATE_PER_SECOND = 5;
const PUBLISH_SECONDS = 10;
const CHURN = { clients: 200, seconds: 45, everyMs: 15_000, outageMs: 2_000 };
const IDLE_SOCKETS = 10_000;
/** Child processes that hold the subscribers' sockets (at most VIEWERS_PER_PROCESS each). */
const VIEWERS_PER_PROCESS = 2_500;
/** Above this 1-minute load average before the run the machine is not quiet: figures are printed, no report. */
const QUIET_LOAD = 1.5;
const say = (message: string) => process.stderr.write(`[fanout] ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Server {
  url: string;
  child: ChildProcess;
}
interface Setup {
  admin: { token: string };
  reader: { token: string };
  forumSlug: string;
}
interface FanoutFigures {
  label: string;
  subscribers: number;
  published: number;
  delivered: number;
  p50: number;
  p99: number;
  perSecond: number;
  /** The load average when its messages started. */
  load: string;
}

// ---------------------------------------------------------------- server child

/**
 * tsx (esbuild) emits no decorator metadata, which Nest injection and mongoose schemas need; the server child
 * therefore compiles src/ with swc exactly as the jest config does, through a require hook.
 */
function compileSourcesWithSwc(): void {
  const swc = load('@swc/core') as typeof import('@swc/core');
  const extensions = (load('node:module') as { _extensions: Record<string, CompileHook> })._extensions;
  const previous = extensions['.ts'];
  const sources = join(ROOT, 'src');
  extensions['.ts'] = (module, filename) => {
    if (!filename.startsWith(sources)) return previous(module, filename);
    const { code } = swc.transformSync(readFileSync(filename, 'utf8'), {
      filename,
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    });
    module._compile(code, filename);
  };
}
type CompileHook = (module: { _compile(code: string, filename: string): void }, filename: string) => void;
const load = createRequire(__filename);

async function serve(): Promise<void> {
  compileSourcesWithSwc();
  load('reflect-metadata');
  const { loadConfig } = load(
    '../src/infra/config/app-config',
  ) as typeof import('../src/infra/config/app-config');
  const { createApp } = load('../src/app.factory') as typeof import('../src/app.factory');
  const config = loadConfig(process.env);
  const app = await createApp(config);
  await app.listen(config.PORT, '127.0.0.1');
  // The bench asks for a full collection before reading resident memory a second time.
  process.on('SIGUSR2', () => (globalThis as { gc?: () => void }).gc?.());
  process.stdout.write('BENCH_READY\n');
}

async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', __filename, 'serve'], {
    cwd: ROOT,
    // Every bench client comes from 127.0.0.1: lift the per-address socket cap for them.
    env: { ...process.env, SOCKETS_PER_ADDRESS: '20000', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start in 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      // Server errors (pino level 50+) are worth seeing; the rest of its log is not.
      for (const line of chunk.toString().split('\n'))
        if (/"level":(50|60)/.test(line)) say(line.slice(0, 2000));
      if (chunk.toString().includes('BENCH_READY')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

async function stopServer(server: Server): Promise<void> {
  const closed = new Promise((resolve) => server.child.once('close', resolve));
  server.child.kill('SIGTERM');
  await closed;
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

// ---------------------------------------------------------------- REST helpers

async function setUp(url: string, mongoUri: string, dbName: string): Promise<Setup> {
  const admin = await register(url);
  const reader = await register(url);
  const connection = await mongoose.createConnection(mongoUri, { dbName }).asPromise();
  await connection
    .collection('users')
    .updateOne({ _id: new mongoose.Types.ObjectId(admin.id) }, { $set: { roles: ['admin'] } });
  await connection.close();
  await acknowledgeNotice(url, admin.token);
  const forumSlug = `bench-${randomBytes(3).toString('hex')}`;
  await call(url, '/api/forums', admin.token, { slug: forumSlug, name: 'Bench', productName: 'Bench' });
  return { admin, reader, forumSlug };
}

async function newBoard(url: string, setup: Setup): Promise<string> {
  const slug = `room-${randomBytes(4).toString('hex')}`;
  await call(url, '/api/boards', setup.admin.token, { slug, name: slug, forumSlug: setup.forumSlug });
  return slug;
}

// ---------------------------------------------------------------- sockets

async function openSocket(url: string, token: string): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token } });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

async function joinRoom(socket: Socket, room: string, lastEventSeq?: number) {
  const reply = (await socket.timeout(30_000).emitWithAck('join', { room, lastEventSeq })) as {
    ok: boolean;
    lastEventSeq: number;
  };
  if (!reply.ok) throw new Error(`join: ${JSON.stringify(reply)}`);
  return reply;
}

/** Opens `count` sockets round-robin over `urls`, `parallel` handshakes at a time, each joined to `room`. */
async function openMany(urls: string[], token: string, count: number, room: string, parallel = 100) {
  const sockets: Socket[] = [];
  for (let start = 0; start < count; start += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - start) }, async (_, i) => {
      const socket = await openSocket(urls[(start + i) % urls.length], token);
      await joinRoom(socket, room);
      return socket;
    });
    sockets.push(...(await Promise.all(batch)));
    if (count >= 1000 && (start / parallel) % 10 === 0) say(`  ${sockets.length}/${count} sockets open`);
  }
  return sockets;
}

/** Publishes RATE_PER_SECOND messages a second for PUBLISH_SECONDS; returns send times by marker. */
async function publishSteadily(
  url: string,
  setup: Setup,
  slug: string,
  count: number,
  sentAt: Map<number, number>,
) {
  const started = Date.now();
  const pending: Promise<unknown>[] = [];
  for (let k = 0; k < count; k += 1) {
    const due = started + (k * 1000) / RATE_PER_SECOND;
    if (due > Date.now()) await sleep(due - Date.now());
    sentAt.set(k, Date.now());
    pending.push(call(url, `/api/boards/${slug}/messages`, setup.admin.token, { body: `bench-${k}` }));
  }
  await Promise.all(pending);
}

const markerOf = (data: { message?: { html?: string } }) =>
  Number(/bench-(\d+)/.exec(data.message?.html ?? '')?.[1]);

// ---------------------------------------------------------------- scenarios

/** A child process holding `count` subscriber sockets; it answers with the receive time of each message. */
interface ViewerProcess {
  child: ChildProcess;
  /** Receive times (ms since epoch) by message marker, one list per marker, when asked. */
  collect(): Promise<Record<number, number[]>>;
  stop(): void;
}

async function startViewers(
  urls: string[],
  token: string,
  room: string,
  count: number,
): Promise<ViewerProcess> {
  const child = fork(__filename, ['viewers'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`viewer process exited with ${code}`)));
    child.on('message', (message: { ready?: boolean; error?: string }) => {
      if (message.error) reject(new Error(message.error));
      if (message.ready) resolve();
    });
  });
  child.send({ urls, token, room, count });
  await ready;
  return {
    child,
    collect: () =>
      new Promise((resolve) => {
        child.on('message', (message: { received?: Record<number, number[]> }) => {
          if (message.received) resolve(message.received);
        });
        child.send({ collect: true });
      }),
    stop: () => child.kill('SIGTERM'),
  };
}

/** The viewer child: opens its sockets, joins the room, notes when each message arrives. */
function viewers(): void {
  const received: Record<number, number[]> = {};
  let sockets: Socket[] = [];
  process.on(
    'message',
    (message: { urls?: string[]; token: string; room: string; count: number; collect?: boolean }) => {
      if (message.collect) {
        process.send!({ received });
        return;
      }
      void openMany(message.urls!, message.token, message.count, message.room).then(
        (opened) => {
          sockets = opened;
          for (const socket of sockets)
            socket.on('message.created', (data: { message?: { html?: string } }) => {
              (received[markerOf(data)] ??= []).push(Date.now());
            });
          process.send!({ ready: true });
        },
        (error: Error) => process.send!({ error: error.message }),
      );
    },
  );
  process.on('SIGTERM', () => {
    for (const socket of sockets) socket.close();
    process.exit(0);
  });
}

async function fanout(
  label: string,
  urls: string[],
  setup: Setup,
  subscribers: number,
): Promise<FanoutFigures> {
  const slug = await newBoard(urls[0], setup);
  const processes: ViewerProcess[] = [];
  for (let left = subscribers; left > 0; left -= VIEWERS_PER_PROCESS) {
    const count = Math.min(VIEWERS_PER_PROCESS, left);
    processes.push(await startViewers(urls, setup.reader.token, `board:${slug}`, count));
  }
  const sentAt = new Map<number, number>();
  const published = RATE_PER_SECOND * PUBLISH_SECONDS;
  const load = loadAverages();
  const started = Date.now();
  await publishSteadily(urls[0], setup, slug, published, sentAt);
  await sleep(Math.min(10_000, 2_000 + subscribers));
  const latencies: number[] = [];
  let lastReceive = started;
  for (const viewer of processes) {
    const received = await viewer.collect();
    for (const [marker, times] of Object.entries(received)) {
      const sent = sentAt.get(Number(marker));
      if (sent === undefined) continue;
      for (const at of times) {
        latencies.push(at - sent);
        lastReceive = Math.max(lastReceive, at);
      }
    }
    viewer.stop();
  }
  const seconds = Math.max(1, lastReceive - started) / 1000;
  const figures = {
    label,
    subscribers,
    published,
    delivered: latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    perSecond: latencies.length / seconds,
    load,
  };
  say(
    `${label}, ${subscribers} subscribers: p50 ${figures.p50} ms, p99 ${figures.p99} ms, ${Math.round(figures.perSecond)}/s (load ${load})`,
  );
  return figures;
}

interface ChurnClient {
  socket: Socket;
  seen: Set<number>;
  lastEventSeq: number;
}

/** Clients cut off for ~2 s every 15 s (staggered) rejoin with their lastEventSeq and catch up by replay. */
async function churn(url: string, setup: Setup) {
  const slug = await newBoard(url, setup);
  const room = `board:${slug}`;
  const clients: ChurnClient[] = [];
  let baseline = 0;
  const attach = (client: ChurnClient) =>
    client.socket.on('message.created', (data: { eventSeq: number }) => {
      client.seen.add(data.eventSeq);
      client.lastEventSeq = Math.max(client.lastEventSeq, data.eventSeq);
    });
  for (let i = 0; i < CHURN.clients; i += 1) {
    const socket = await openSocket(url, setup.reader.token);
    const reply = await joinRoom(socket, room);
    baseline = reply.lastEventSeq;
    const client = { socket, seen: new Set<number>(), lastEventSeq: reply.lastEventSeq };
    attach(client);
    clients.push(client);
  }
  const catchUps: number[] = [];
  let failedRejoins = 0;
  let running = true;
  const cycles = clients.map(async (client, i) => {
    await sleep((i / CHURN.clients) * CHURN.everyMs);
    while (running) {
      client.socket.close();
      await sleep(CHURN.outageMs);
      const reconnectStarted = Date.now();
      // A rejoin that fails (timeout under load) is retried, as a real client would; the delay counts.
      for (let tries = 0; running && tries < 5; tries += 1) {
        try {
          client.socket = await openSocket(url, setup.reader.token);
          attach(client);
          await joinRoom(client.socket, room, client.lastEventSeq);
          catchUps.push(Date.now() - reconnectStarted);
          break;
        } catch {
          failedRejoins += 1;
          client.socket.close();
        }
      }
      await sleep(CHURN.everyMs - CHURN.outageMs);
    }
  });
  const published = RATE_PER_SECOND * CHURN.seconds;
  await publishSteadily(url, setup, slug, published, new Map());
  await sleep(CHURN.outageMs + 2000);
  running = false;
  const expected = new Set(Array.from({ length: published }, (_, k) => baseline + k + 1));
  const delivered = clients.reduce(
    (sum, c) => sum + [...expected].filter((seq) => c.seen.has(seq)).length,
    0,
  );
  for (const client of clients) client.socket.close();
  await Promise.race([Promise.all(cycles), sleep(CHURN.everyMs)]);
  const share = delivered / (expected.size * clients.length);
  say(`churn: ${(share * 100).toFixed(2)}% delivered, catch-up p99 ${percentile(catchUps, 99)} ms`);
  return {
    published,
    share,
    reconnects: catchUps.length,
    failedRejoins,
    p50: percentile(catchUps, 50),
    p99: percentile(catchUps, 99),
  };
}

async function idle(server: Server, url: string, setup: Setup) {
  const slug = await newBoard(url, setup);
  const before = rssMiB(server.child.pid!);
  const sockets = await openMany([url], setup.reader.token, IDLE_SOCKETS, `board:${slug}`, 200);
  await sleep(5000);
  const after = rssMiB(server.child.pid!);
  server.child.kill('SIGUSR2');
  await sleep(3000);
  const afterGc = rssMiB(server.child.pid!);
  for (const socket of sockets) socket.close();
  say(
    `idle: ${IDLE_SOCKETS} sockets, RSS ${before.toFixed(0)} MiB before, ${after.toFixed(0)} MiB with them, ${afterGc.toFixed(0)} after GC`,
  );
  return { before, after, afterGc };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-fanout-'));
  const engine = await startEngine({
    uri: process.env.MONGODB_URI,
    dataDir,
    prefer: process.env.DATABASE_ENGINE as 'secantusdb' | 'ferretdb' | undefined,
    log: say,
  });
  const redis = await startRedis();
  const dbName = `bench_fanout_${Date.now().toString(36)}`;
  const base = {
    NODE_ENV: 'development',
    MONGODB_URI: engine.uri,
    MONGODB_DB_NAME: dbName,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ACCESS_TOKEN_TTL_SECONDS: '3600',
    THROTTLE_LIMIT: '10000000',
    LOG_LEVEL: 'warn',
  };
  const load = loadAverages();
  try {
    say('one instance');
    const single = await startServer(base);
    const setup = await setUp(single.url, engine.uri, dbName);
    const results: FanoutFigures[] = [];
    for (const n of [1, 100, 1000]) results.push(await fanout('one instance', [single.url], setup, n));
    const churned = await churn(single.url, setup);
    const idleFigures = await idle(single, single.url, setup);
    await stopServer(single);
    say('two instances with Redis');
    const a = await startServer({ ...base, REDIS_URL: redis.url });
    const b = await startServer({ ...base, REDIS_URL: redis.url });
    for (const n of [1, 100, 1000, 10_000])
      results.push(await fanout('two instances + Redis', [a.url, b.url], setup, n));
    await stopServer(a);
    await stopServer(b);
    // The bench keeps the cores busy itself: the machine must be quiet when it starts.
    const before = Number(load.split(' / ')[0]);
    if (before > QUIET_LOAD) {
      say(
        `load average was ${before.toFixed(2)} (> ${QUIET_LOAD}) before the run: not quiet, report not written`,
      );
      return;
    }
    writeReport(results, churned, idleFigures, load, engine.kind);
  } finally {
    await redis.stop();
    await engine.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function writeReport(
  results: FanoutFigures[],
  churned: Awaited<ReturnType<typeof churn>>,
  idleFigures: { before: number; after: number; afterGc: number },
  load: string,
  engineKind: string,
): void {
  const at1000 = results.filter((r) => r.subscribers >= 1000);
  const section = [
    HEADING,
    '',
    `Run with \`npm run bench:fanout\` on ${new Date().toISOString().slice(0, 10)}; nproc ${cpus().length}, Node ${process.version};`,
    `engine ${engineKind} from the engine chain, Debian redis-server; load average ${load} before the run.`,
    `Server(s) and clients share this machine's two cores, but the subscribers' sockets live in child processes of`,
    `their own (${VIEWERS_PER_PROCESS.toLocaleString('en')} per process), so their work is not server latency.`,
    `Messages: ${RATE_PER_SECOND}/s for ${PUBLISH_SECONDS} s, POSTed to /api/boards/:slug/messages (validation, publish gate,`,
    `seq, store, live emit; the room log follows as the message's follow-up work); latency is from sending the POST`,
    `to a subscriber's message.created event (one clock: the same machine).`,
    '',
    '| setup | subscribers | published | delivered | p50 ms | p99 ms | delivered msg/s | load (1/5/15) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.map(
      (r) =>
        `| ${r.label} | ${r.subscribers} | ${r.published} | ${r.delivered} | ${r.p50} | ${r.p99} | ${Math.round(r.perSecond)} | ${r.load} |`,
    ),
    '',
    `Churn (one instance): ${CHURN.clients} clients, ${churned.published} messages over ${CHURN.seconds} s, each client cut off for`,
    `${CHURN.outageMs / 1000} s every ${CHURN.everyMs / 1000} s (staggered) and rejoining with its lastEventSeq: **${(churned.share * 100).toFixed(2)}%**`,
    `delivered counting catch-up (target 100%); ${churned.reconnects} reconnects (${churned.failedRejoins} attempts retried), catch-up delay (reconnect start to`,
    `replay done) p50 ${churned.p50} ms, **p99 ${churned.p99} ms** (target under 2,000 ms).`,
    '',
    `Idle: ${IDLE_SOCKETS.toLocaleString('en')} authenticated sockets joined to one board on one instance: server RSS`,
    `**${idleFigures.after.toFixed(0)} MiB** right after they connected, **${idleFigures.afterGc.toFixed(0)} MiB** after a full GC`,
    `(${idleFigures.before.toFixed(0)} MiB before they connected; target under 600 MiB). One process, websocket transport,`,
    'each socket authenticated on the handshake (access token verified against the database) and joined to the room.',
    '',
    `Targets: p99 under 60 ms at 1,000 on one instance, under 100 ms at 1,000 and under 300 ms at 10,000 on two:`,
    `${at1000.map((r) => `${r.label} ${r.subscribers.toLocaleString('en')}: ${r.p99} ms`).join(', ')}.`,
    '',
  ].join('\n');
  writeReportSection(HEADING, section);
}

if (process.argv[2] === 'viewers') {
  viewers();
} else if (process.argv[2] === 'serve') {
  serve().catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
} else {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      say(String((error as Error)?.stack ?? error));
      process.exit(1);
    },
  );
}
