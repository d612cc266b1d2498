/**
 * `npm run bench:abuse`: abuse is cut off with a clear reason while everyone else keeps being served, measured
 * against the production build (`node dist/main.js`, NODE_ENV=production) on the local engine.
 *
 * Every phase runs the same legitimate traffic: readers loading a topic page (autocannon, 10 connections) and a
 * member replying every 250 ms to a topic that a viewer on another address watches over socket.io (each reply
 * timed from the POST until the viewer holds the `post.created` event). A phase adds one abuse at a time:
 * oversized bodies, slow-loris headers and trickled bodies, too many sockets from one address, and event floods.
 * The report gives, per phase, what the abusers were answered (status and error code, how soon) and what the
 * legitimate users got, next to the quiet baseline. Production limits stay at their defaults (BODY_LIMIT,
 * HTTP_HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS, SOCKETS_PER_ADDRESS, the socket event bucket), except the
 * per-address request throttle, raised because every reader here comes from 127.0.0.1.
 *
 * Knobs: BENCH_SECONDS per phase (default 15; the slow-request phase lasts until the request timeout has passed),
 * BENCH_SKIP_BUILD=1 (reuse dist/), BENCH_REPORT=0 (print only).
 */
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { ClientCommand, ServerEvent } from '../src/realtime/socket-protocol';
import { fromDist, withBenchStack, type BenchStack } from './support/bench-stack';
import { replyBody } from './support/http-bodies';
import { READ_TOPIC_POSTS, seedForum, type HttpSeed } from './support/http-seed';
import { runHttpLoad, type LoadFigures } from './support/load';
import { serverErrors } from './support/production-server';
import { loadAverages, machine, percentile, writeReportSection } from './support/report';

const HEADING = '## Abuse under load (bench/abuse.ts)';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const say = (message: string) => process.stderr.write(`[abuse] ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The socket limits this bench runs under, read from the build it measures. */
const { SocketLimits } = fromDist(
  './realtime/socket-protocol',
) as typeof import('../src/realtime/socket-protocol');

/** What the abusers of one phase got: answers counted by "status code" (or how the connection ended). */
class Outcomes {
  readonly counts = new Map<string, number>();
  /** Milliseconds from the abusive act to the cut-off. */
  readonly cutOffMs: number[] = [];
  note(outcome: string, ms?: number): void {
    this.counts.set(outcome, (this.counts.get(outcome) ?? 0) + 1);
    if (ms !== undefined) this.cutOffMs.push(ms);
  }
  describe(): string {
    const answers =
      [...this.counts.entries()].map(([outcome, n]) => `${n} × ${outcome}`).join(', ') || 'none';
    if (this.cutOffMs.length === 0) return answers;
    return `${answers}; cut off after p50 ${fmt(percentile(this.cutOffMs, 50))} ms, max ${fmt(Math.max(...this.cutOffMs))} ms`;
  }
}

interface Phase {
  name: string;
  abuse: string;
  /** Runs the abuse until `until` (performance.now() ms), recording into `outcomes`. */
  run?: (until: number, outcomes: Outcomes) => Promise<void>;
  seconds?: number;
}

interface PhaseResult {
  phase: Phase;
  outcomes: Outcomes;
  reads: LoadFigures;
  live: { p50: number; p99: number; delivered: number; missed: number; failed: number };
  load: string;
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : 'n/a');

async function main(): Promise<void> {
  const loadBefore = loadAverages();
  // Socket addresses come from X-Forwarded-For, as behind the TLS proxy: the abusers and the viewer differ.
  const { results, errorLines, config, engineKind } = await withBenchStack(
    { name: 'abuse', env: { TRUST_PROXY: 'true' }, say },
    async ({ server, db, config, engineKind }) => {
      const seed = await seedForum(server.url, db, say);
      const results: PhaseResult[] = [];
      for (const phase of abuses(server.url, seed, config)) {
        results.push(await runPhase(server.url, seed, phase));
        say(summary(results[results.length - 1]));
      }
      return { results, errorLines: serverErrors(server.logFile), config, engineKind };
    },
  );
  if (errorLines.length > 0)
    say(`${errorLines.length} error lines in the server log, first: ${errorLines[0]}`);
  const section = report(results, config, engineKind, loadBefore, loadAverages(), errorLines.length);
  console.log(`\n${section}`);
  if (process.env.BENCH_REPORT !== '0') writeReportSection(HEADING, section);
}

type Config = BenchStack['config'];

function abuses(url: string, seed: HttpSeed, config: Config): Phase[] {
  const abuser = seed.writers[seed.writers.length - 1];
  const slowSeconds = Math.ceil(config.HTTP_REQUEST_TIMEOUT_MS / 1000) + 5;
  return [
    { name: 'baseline', abuse: 'none' },
    {
      name: 'oversized bodies',
      abuse: `20 clients posting 1 MB replies back to back (BODY_LIMIT ${config.BODY_LIMIT})`,
      run: (until, outcomes) => {
        // Built once: the bench process also runs the readers' load, so the abusers must cost it little.
        const body = Buffer.from(JSON.stringify({ body: 'x'.repeat(1024 * 1024), clientId: randomUUID() }));
        return loops(20, until, async () => {
          const started = performance.now();
          const res = await fetch(`${url}/api/topics/${seed.replyTopicIds[1]}/posts`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${abuser.token}` },
            body,
          }).catch((error: Error) => error);
          if (res instanceof Error) return outcomes.note(`connection ${causeOf(res)}`);
          const answer = (await res.json().catch(() => ({}))) as { code?: string };
          outcomes.note(`${res.status} ${answer.code ?? ''}`.trim(), performance.now() - started);
        });
      },
    },
    {
      name: 'slow requests',
      abuse:
        `300 connections sending headers 1 byte/s (HTTP_HEADERS_TIMEOUT_MS ${config.HTTP_HEADERS_TIMEOUT_MS}) and ` +
        `100 sending a body 1 byte/s (HTTP_REQUEST_TIMEOUT_MS ${config.HTTP_REQUEST_TIMEOUT_MS})`,
      seconds: slowSeconds,
      run: async (until, outcomes) => {
        const head = 'GET /api/forums HTTP/1.1\r\nHost: localhost\r\n';
        const post =
          `POST /api/topics/${seed.replyTopicIds[2]}/posts HTTP/1.1\r\nHost: localhost\r\n` +
          `Authorization: Bearer ${abuser.token}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n`;
        await Promise.all([
          ...Array.from({ length: 300 }, () =>
            trickle(url, head, 'X-Slow: aaaaaaaaaaaaaaaa\r\n', until, outcomes),
          ),
          ...Array.from({ length: 100 }, () =>
            trickle(url, post, '{"body":"yyyyyyyyyyyyyyyy', until, outcomes),
          ),
        ]);
      },
    },
    {
      name: 'too many sockets',
      abuse: `one address opening 400 sockets, 50 at a time (SOCKETS_PER_ADDRESS ${config.SOCKETS_PER_ADDRESS})`,
      run: async (until, outcomes) => {
        const open: Socket[] = [];
        for (let batch = 0; batch < 8; batch += 1) {
          const tried = await Promise.all(
            Array.from({ length: 50 }, () => handshake(url, { address: '203.0.113.66' })),
          );
          for (const attempt of tried) {
            outcomes.note(attempt.outcome, attempt.ms);
            if (attempt.socket) open.push(attempt.socket);
          }
        }
        await sleep(until - performance.now());
        for (const socket of open) socket.close();
      },
    },
    {
      name: 'event floods',
      abuse:
        `20 sockets of one signed-in account, each from its own address, firing 500 typing events at once and ` +
        `reconnecting to do it again when cut off (bucket ${SocketLimits.eventsPerSecond}/s, burst ${SocketLimits.eventBurst})`,
      run: (until, outcomes) =>
        loops(20, until, async (i) => {
          const flooder = await handshake(url, { address: `203.0.113.${100 + i}`, token: abuser.token });
          if (!flooder.socket) return outcomes.note(`handshake ${flooder.outcome}`);
          const socket = flooder.socket;
          const room = `topic:${seed.replyTopicIds[0]}`;
          await socket.timeout(10_000).emitWithAck(ClientCommand.Join, { room });
          const reason = new Promise<string>((resolve) => {
            socket.once(ServerEvent.Disconnecting, (data: { code: string }) => resolve(data.code));
            socket.once('disconnect', () => resolve('closed without a reason'));
          });
          const started = performance.now();
          for (let n = 0; n < 500; n += 1) socket.emit(ClientCommand.Typing, { room });
          const code = await Promise.race([reason, sleep(10_000).then(() => 'not cut off in 10 s')]);
          outcomes.note(code, performance.now() - started);
          socket.close();
        }),
    },
  ];
}

function causeOf(error: Error): string {
  const cause = (error as Error & { cause?: { code?: string } }).cause;
  return cause?.code ?? error.message;
}

/** `count` workers, each calling `act(worker)` back to back until `until`. */
async function loops(count: number, until: number, act: (worker: number) => Promise<void>): Promise<void> {
  await Promise.all(
    Array.from({ length: count }, async (_, worker) => {
      while (performance.now() < until) await act(worker);
    }),
  );
}

/** A raw TCP client that writes `head`, then one byte of `drip` a second until the server ends it or `until`. */
function trickle(url: string, head: string, drip: string, until: number, outcomes: Outcomes): Promise<void> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    const started = performance.now();
    let received = '';
    let sent = 0;
    let done = false;
    const finish = (closedByServer: boolean) => {
      if (done) return;
      done = true;
      clearInterval(timer);
      socket.destroy();
      if (!closedByServer) outcomes.note('still open at the end of the phase');
      else {
        const status = /^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 'closed without an answer';
        const code = /"code":"([a-z_]+)"/.exec(received)?.[1] ?? '';
        outcomes.note(`${status} ${code}`.trim(), performance.now() - started);
      }
      resolve();
    };
    const timer = setInterval(() => {
      if (performance.now() >= until) return finish(false);
      if (socket.writable) socket.write(drip[sent++ % drip.length]);
    }, 1000);
    socket.on('connect', () => socket.write(head));
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
  });
}

/** A socket.io handshake over websocket from `address` (X-Forwarded-For): admitted, or the refusal's code. */
function handshake(url: string, from: { address: string; token?: string }) {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: from.token ? { token: from.token } : {},
    extraHeaders: { 'x-forwarded-for': from.address },
  });
  const started = performance.now();
  return new Promise<{ outcome: string; ms: number; socket?: Socket }>((resolve) => {
    socket.once('connect', () => resolve({ outcome: 'admitted', ms: performance.now() - started, socket }));
    socket.once('connect_error', (error: Error & { data?: { statusCode?: number; code?: string } }) => {
      socket.close();
      const outcome = error.data ? `${error.data.statusCode} ${error.data.code}` : error.message;
      resolve({ outcome, ms: performance.now() - started });
    });
  });
}

/**
 * The legitimate side of a phase: topic-page readers through autocannon, and one member replying every 250 ms
 * to a topic that a viewer (its own address) watches; each reply is timed until the viewer holds its event.
 */
async function runPhase(url: string, seed: HttpSeed, phase: Phase): Promise<PhaseResult> {
  const seconds = phase.seconds ?? SECONDS;
  const load = loadAverages();
  say(`--- ${phase.name}: ${phase.abuse} (${seconds} s, load ${load})`);
  const watched = seed.replyTopicIds[0];
  const viewer = await handshake(url, { address: '198.51.100.7' });
  if (!viewer.socket) throw new Error(`the viewer was refused: ${viewer.outcome}`);
  const room = `topic:${watched}`;
  await viewer.socket.timeout(10_000).emitWithAck(ClientCommand.Join, { room });
  const until = performance.now() + seconds * 1000;
  const outcomes = new Outcomes();
  const page = `/api/topics/${seed.readTopicId}/posts?after=0&limit=${READ_TOPIC_POSTS}`;
  const [reads, live] = await Promise.all([
    runHttpLoad(`reads/${phase.name}`, url, 10, seconds, () => ({ method: 'GET', path: page }), say),
    replies(url, seed, viewer.socket, watched, until),
    phase.run?.(until, outcomes),
  ]);
  viewer.socket.close();
  // Let the server close what the phase left (slow connections, sockets) before the next one starts.
  await sleep(2000);
  return { phase, outcomes, reads, live, load };
}

async function replies(url: string, seed: HttpSeed, viewer: Socket, topicId: string, until: number) {
  const names = seed.writers.map((writer) => writer.username);
  const writer = seed.writers[0];
  const latencies: number[] = [];
  let missed = 0;
  let failed = 0;
  let n = 0;
  while (performance.now() < until) {
    const marker = `reply-${randomUUID()}`;
    const seen = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => done(false), 10_000);
      const listener = (data: { post?: { source?: string; html?: string } }) => {
        if (JSON.stringify(data.post ?? {}).includes(marker)) done(true);
      };
      const done = (ok: boolean) => {
        clearTimeout(timer);
        viewer.off(ServerEvent.PostCreated, listener);
        resolve(ok);
      };
      viewer.on(ServerEvent.PostCreated, listener);
    });
    const started = performance.now();
    const res = await fetch(`${url}/api/topics/${topicId}/posts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${writer.token}` },
      body: JSON.stringify({ body: `${replyBody((n += 1), names, 1)}\n\n${marker}`, clientId: randomUUID() }),
    }).catch(() => null);
    if (res?.status !== 201) failed += 1;
    if (await seen) latencies.push(performance.now() - started);
    else missed += 1;
    await sleep(Math.max(0, 250 - (performance.now() - started)));
  }
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    delivered: latencies.length,
    missed,
    failed,
  };
}

const errorsOf = (r: LoadFigures) =>
  Object.entries(r.errors)
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ') || '0';

function summary(r: PhaseResult): string {
  return (
    `${r.phase.name}: abusers got ${r.outcomes.describe()}; readers ${r.reads.okPerSecond.toFixed(0)}/s ` +
    `p50 ${r.reads.p50} ms p99 ${r.reads.p99} ms errors ${errorsOf(r.reads)}; replies to the viewer ` +
    `${r.live.delivered} delivered p50 ${fmt(r.live.p50)} ms p99 ${fmt(r.live.p99)} ms, ${r.live.missed} missed, ` +
    `${r.live.failed} not 201`
  );
}

function report(
  results: PhaseResult[],
  config: Config,
  engineKind: string,
  before: string,
  after: string,
  serverErrorLines: number,
): string {
  const base = results.find((r) => r.phase.name === 'baseline');
  const share = (r: PhaseResult) =>
    base && base.reads.okPerSecond > 0
      ? `${((100 * r.reads.okPerSecond) / base.reads.okPerSecond).toFixed(0)}%`
      : '';
  return [
    HEADING,
    '',
    `Run with \`npm run bench:abuse\` on ${new Date().toISOString().slice(0, 10)}; ${machine()}; engine ${engineKind};`,
    `load average ${before} before, ${after} after. The production build, one process, production limits:`,
    `BODY_LIMIT ${config.BODY_LIMIT}, HTTP_HEADERS_TIMEOUT_MS ${config.HTTP_HEADERS_TIMEOUT_MS}, HTTP_REQUEST_TIMEOUT_MS`,
    `${config.HTTP_REQUEST_TIMEOUT_MS}, SOCKETS_PER_ADDRESS ${config.SOCKETS_PER_ADDRESS}, socket events`,
    `${SocketLimits.eventsPerSecond}/s with a burst of ${SocketLimits.eventBurst}, TRUST_PROXY=true (addresses from`,
    'X-Forwarded-For, as behind the TLS proxy); only the per-address request throttle is raised (THROTTLE_LIMIT),',
    'since every reader here shares 127.0.0.1. Legitimate traffic in every phase: 10 autocannon connections reading',
    `a topic page of ${READ_TOPIC_POSTS} posts signed out, and a member replying every 250 ms to a topic a viewer watches`,
    'over socket.io from its own address (time from the POST to the `post.created` event at the viewer; a reply',
    'not seen within 10 s counts as missed). The abusers, the readers, the server and FerretDB share the two cores,',
    'and the abusers run in the bench process beside autocannon: what they cost the load generator itself shows up',
    'as a lower reader rate too, so the reader figures are a lower bound for what the server still serves.',
    '',
    '| phase | abuse | what the abusers got | readers 2xx/s (vs baseline) | readers p50 / p99 ms | reader errors | reply → viewer p50 / p99 ms | replies missed / not 201 |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.map(
      (r) =>
        `| ${r.phase.name} | ${r.phase.abuse} | ${r.outcomes.describe()} | ${r.reads.okPerSecond.toFixed(0)} (${share(r)}) | ` +
        `${r.reads.p50} / ${r.reads.p99} | ${errorsOf(r.reads)} | ${fmt(r.live.p50)} / ${fmt(r.live.p99)} | ` +
        `${r.live.missed} / ${r.live.failed} |`,
    ),
    '',
    `Load average at the start of each phase: ${results.map((r) => `${r.phase.name} ${r.load}`).join('; ')}.`,
    `${serverErrorLines} error lines in the server log.`,
    '',
  ].join('\n');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    say(String((error as Error)?.stack ?? error));
    process.exit(1);
  },
);
