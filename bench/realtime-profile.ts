/**
 * `npx tsx bench/realtime-profile.ts`: where the real-time server spends its CPU and database round trips,
 * measured on the production build (`node dist/main.js`, run `npm run build` first) so that no compiler runs
 * in the measured process. Three phases, each on a fresh server child:
 * - fan-out: 1,000 sockets in one board room, 50 messages POSTed at 5/s; the server's CPU time (utime+stime
 *   from /proc) per message and per delivery, and its CPU profile (--cpu-prof) summed by module and function;
 * - reconnect: 200 sockets each drop and come back with their lastEventSeq (handshake, join, replay); the
 *   database commands per reconnect by shape (support/db-trace.ts) and the CPU time per reconnect;
 * - idle: 10,000 authenticated sockets joined to one board; resident memory of the server process.
 * Prints to stdout; does not write docs/benchmarks.md (bench:fanout does). Diagnostic, a few minutes.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { io, type Socket } from 'socket.io-client';
import { startEngine } from '../src/infra/database/engine-chain';
import { acknowledgeNotice, call, register, type BenchUser } from './support/api';
import { summariseCpuProfiles } from './support/cpu-profile';
import { startProductionServer, type ProductionServer } from './support/production-server';
import { loadAverages, percentile } from './support/report';

const SUBSCRIBERS = Number(process.env.PROFILE_SUBSCRIBERS ?? 1000);
const MESSAGES = 50;
const RECONNECTS = 200;
const IDLE_SOCKETS = Number(process.env.PROFILE_IDLE_SOCKETS ?? 10_000);
const PHASES = (process.env.PROFILE_PHASES ?? 'fanout,reconnect,idle').split(',');
const say = (message: string) => process.stderr.write(`[realtime-profile] ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU time (user + system) the process has used so far, in ms. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (100 Hz)
}

function rssMiB(pid: number): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}

/** The monotonic clock in µs, the one --cpu-prof stamps its samples with. */
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

async function openSocket(url: string, token: string): Promise<Socket> {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: 120_000,
    auth: { token },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

async function joinRoom(socket: Socket, room: string, lastEventSeq?: number) {
  const reply = (await socket.timeout(60_000).emitWithAck('join', { room, lastEventSeq })) as {
    ok: boolean;
    lastEventSeq: number;
    replayed: number;
  };
  if (!reply.ok) throw new Error(`join: ${JSON.stringify(reply)}`);
  return reply;
}

async function openMany(url: string, token: string, count: number, room: string, parallel = 100) {
  const sockets: Socket[] = [];
  for (let start = 0; start < count; start += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - start) }, async () => {
      const socket = await openSocket(url, token);
      await joinRoom(socket, room);
      return socket;
    });
    sockets.push(...(await Promise.all(batch)));
  }
  return sockets;
}

interface Setup {
  admin: BenchUser;
  reader: BenchUser;
  forumSlug: string;
}

async function setUp(url: string, uri: string, dbName: string): Promise<Setup> {
  const admin = await register(url);
  const reader = await register(url);
  const connection = await mongoose.createConnection(uri, { dbName }).asPromise();
  await connection
    .collection('users')
    .updateOne({ _id: new mongoose.Types.ObjectId(admin.id) }, { $set: { roles: ['admin'] } });
  await connection.close();
  await acknowledgeNotice(url, admin.token);
  await acknowledgeNotice(url, reader.token);
  const forumSlug = `prof-${randomBytes(3).toString('hex')}`;
  await call(url, '/api/forums', admin.token, { slug: forumSlug, name: 'Profile', productName: 'Profile' });
  return { admin, reader, forumSlug };
}

async function newBoard(url: string, setup: Setup): Promise<string> {
  const slug = `room-${randomBytes(4).toString('hex')}`;
  await call(url, '/api/boards', setup.admin.token, { slug, name: slug, forumSlug: setup.forumSlug });
  return slug;
}

async function publish(url: string, setup: Setup, slug: string, count: number, sentAt?: Map<number, number>) {
  const started = Date.now();
  const pending: Promise<unknown>[] = [];
  for (let k = 0; k < count; k += 1) {
    const due = started + k * 200;
    if (due > Date.now()) await sleep(due - Date.now());
    sentAt?.set(k, Date.now());
    pending.push(call(url, `/api/boards/${slug}/messages`, setup.admin.token, { body: `bench-${k}` }));
  }
  await Promise.all(pending);
}

async function fanoutPhase(server: ProductionServer, setup: Setup): Promise<{ from: number; to: number }> {
  const slug = await newBoard(server.url, setup);
  const sockets = await openMany(server.url, setup.reader.token, SUBSCRIBERS, `board:${slug}`);
  // Warm-up: a few messages so that the first-call compilation is not in the window.
  await publish(server.url, setup, slug, 5);
  await sleep(2000);
  const latencies: number[] = [];
  const sentAt = new Map<number, number>();
  for (const socket of sockets)
    socket.on('message.created', (data: { message?: { html?: string } }) => {
      const k = Number(/bench-(\d+)/.exec(data.message?.html ?? '')?.[1]);
      if (sentAt.has(k)) latencies.push(Date.now() - sentAt.get(k)!);
    });
  const pid = server.child.pid!;
  const cpuBefore = cpuMs(pid);
  const from = nowUs();
  await publish(server.url, setup, slug, MESSAGES, sentAt);
  const deadline = Date.now() + 20_000;
  while (latencies.length < MESSAGES * SUBSCRIBERS && Date.now() < deadline) await sleep(50);
  const to = nowUs();
  const cpu = cpuMs(pid) - cpuBefore;
  for (const socket of sockets) socket.close();
  say(
    `fan-out ${SUBSCRIBERS} subscribers: server CPU ${cpu.toFixed(0)} ms for ${MESSAGES} messages = ` +
      `${(cpu / MESSAGES).toFixed(1)} ms/message, ${((1000 * cpu) / (MESSAGES * SUBSCRIBERS)).toFixed(1)} µs/delivery; ` +
      `delivered ${latencies.length}/${MESSAGES * SUBSCRIBERS}, p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms`,
  );
  return { from, to };
}

async function reconnectPhase(server: ProductionServer, setup: Setup): Promise<{ from: number; to: number }> {
  const slug = await newBoard(server.url, setup);
  const room = `board:${slug}`;
  const sockets = await openMany(server.url, setup.reader.token, RECONNECTS, room);
  for (const socket of sockets) socket.close();
  await publish(server.url, setup, slug, 10);
  await sleep(1000);
  // The database tally starts afresh here (db-trace.ts): it covers the reconnects only.
  server.child.kill('SIGUSR2');
  await sleep(200);
  const pid = server.child.pid!;
  const cpuBefore = cpuMs(pid);
  const from = nowUs();
  const delays: number[] = [];
  // ~20 reconnects a second, as in bench:fanout's churn.
  const reconnects = sockets.map(async (_, i) => {
    await sleep(i * 50);
    const started = Date.now();
    const socket = await openSocket(server.url, setup.reader.token);
    const reply = await joinRoom(socket, room, 0);
    if (reply.replayed !== 10) throw new Error(`replayed ${reply.replayed}`);
    delays.push(Date.now() - started);
    socket.close();
  });
  await Promise.all(reconnects);
  const to = nowUs();
  const cpu = cpuMs(pid) - cpuBefore;
  say(
    `reconnect x${RECONNECTS}: server CPU ${(cpu / RECONNECTS).toFixed(1)} ms/reconnect; ` +
      `delay p50 ${percentile(delays, 50)} ms, p99 ${percentile(delays, 99)} ms`,
  );
  return { from, to };
}

async function idlePhase(server: ProductionServer, setup: Setup): Promise<void> {
  const slug = await newBoard(server.url, setup);
  const pid = server.child.pid!;
  const before = rssMiB(pid);
  const sockets = await openMany(server.url, setup.reader.token, IDLE_SOCKETS, `board:${slug}`, 100);
  await sleep(5000);
  const after = rssMiB(pid);
  for (const socket of sockets) socket.close();
  say(
    `idle: ${IDLE_SOCKETS} sockets on the built server: RSS ${before.toFixed(0)} MiB before, ${after.toFixed(0)} MiB with them ` +
      `(${((1024 * (after - before)) / IDLE_SOCKETS).toFixed(1)} KiB/socket)`,
  );
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-realtime-profile-'));
  const engine = await startEngine({ uri: process.env.MONGODB_URI, dataDir, log: say });
  const dbName = `bench_rtprof_${Date.now().toString(36)}`;
  const env = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    MONGODB_URI: engine.uri,
    MONGODB_DB_NAME: dbName,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ACCESS_TOKEN_TTL_SECONDS: '3600',
    THROTTLE_LIMIT: '100000000',
    // Every client of the bench comes from 127.0.0.1.
    SOCKETS_PER_ADDRESS: '100000',
    LOG_LEVEL: 'warn',
  };
  say(`load average ${loadAverages()}`);
  let setup: Setup | undefined;
  try {
    for (const phase of PHASES) {
      const profDir = join(dataDir, `prof-${phase}`);
      mkdirSync(profDir);
      const trace = join(dataDir, `db-${phase}.json`);
      // PROFILE_NODE_FLAGS: extra node flags for the server (e.g. `-r` a diagnostic preload), space-separated.
      const extra = (process.env.PROFILE_NODE_FLAGS ?? '').split(' ').filter(Boolean);
      const flags =
        phase === 'idle'
          ? extra
          : [
              ...extra,
              '--cpu-prof',
              `--cpu-prof-dir=${profDir}`,
              '--import',
              'tsx',
              '--import',
              join(__dirname, 'support', 'db-trace.ts'),
            ];
      const server = await startProductionServer(
        { ...env, BENCH_DB_TRACE: trace },
        join(dataDir, `${phase}.log`),
        flags,
      );
      let window: { from: number; to: number } | undefined;
      try {
        setup ??= await setUp(server.url, engine.uri, dbName);
        if (phase === 'fanout') window = await fanoutPhase(server, setup);
        if (phase === 'reconnect') window = await reconnectPhase(server, setup);
        if (phase === 'idle') await idlePhase(server, setup);
      } finally {
        await server.stop();
      }
      if (window) process.stdout.write(`\n== ${phase}\n${summariseCpuProfiles(profDir, window, 30)}\n`);
      if (phase === 'reconnect') {
        const rows = JSON.parse(readFileSync(trace, 'utf8')) as Array<{ shape: string; count: number }>;
        const total = rows.reduce((sum, r) => sum + r.count, 0);
        process.stdout.write(
          `database commands per reconnect: ${(total / RECONNECTS).toFixed(2)}\n` +
            rows.map((r) => `  ${(r.count / RECONNECTS).toFixed(2)}  ${r.shape}`).join('\n') +
            '\n',
        );
      }
    }
  } finally {
    await engine.stop();
    if (process.env.PROFILE_KEEP !== '1') rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    say(String((error as Error)?.stack ?? error));
    process.exit(1);
  },
);
