import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { percentile } from './report';

/** One measured run: a scenario at one concurrency. Rates count 2xx answers only. */
export interface LoadFigures {
  scenario: string;
  connections: number;
  seconds: number;
  ok: number;
  okPerSecond: number;
  p50: number;
  p99: number;
  /** Non-2xx answers by status, plus "socket" for connection errors and timeouts. */
  errors: Record<string, number>;
}

export interface HttpRequestPlan {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** The part of autocannon's API used here (the package ships no types). */
interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}
interface AutocannonResult {
  duration: number;
  '2xx': number;
  errors: number;
  timeouts: number;
  latency: { p50: number; p99: number };
  statusCodeStats: Record<string, { count: number }>;
}
interface AutocannonInstance {
  on(event: 'tick', listener: (counter: { counter: number }) => void): void;
}
type Autocannon = ((
  options: Record<string, unknown>,
  done: (error: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance) & { track?: unknown };

const autocannon = createRequire(__filename)('autocannon') as Autocannon;

/**
 * Runs autocannon against `url` for `seconds` with `connections` keep-alive connections, one request in flight
 * on each (no pipelining: browsers and API clients do not pipeline). `next()` builds every request, so each can
 * carry its own token, clientId and body. Prints a progress line every `every` seconds.
 */
export function runHttpLoad(
  scenario: string,
  url: string,
  connections: number,
  seconds: number,
  next: () => HttpRequestPlan,
  say: (message: string) => void,
  every = 5,
): Promise<LoadFigures> {
  return new Promise((resolve, reject) => {
    let elapsed = 0;
    let done = 0;
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        pipelining: 1,
        timeout: 30,
        requests: [
          {
            setupRequest: (request: AutocannonRequest) => {
              const plan = next();
              return {
                ...request,
                method: plan.method,
                path: plan.path,
                headers: { ...plan.headers, ...(plan.body ? { 'content-type': 'application/json' } : {}) },
                body: plan.body,
              };
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        const errors: Record<string, number> = {};
        for (const [status, { count }] of Object.entries(result.statusCodeStats ?? {}))
          if (!status.startsWith('2')) errors[status] = Number(count);
        if (result.errors > 0) errors.socket = result.errors;
        resolve({
          scenario,
          connections,
          seconds: result.duration,
          ok: result['2xx'],
          okPerSecond: result['2xx'] / result.duration,
          p50: result.latency.p50,
          p99: result.latency.p99,
          errors,
        });
      },
    );
    instance.on('tick', ({ counter }) => {
      elapsed += 1;
      done += counter;
      if (elapsed % every === 0)
        say(`  ${scenario} c=${connections}: ${elapsed}/${seconds} s, ${done} answers, ${counter}/s now`);
    });
  });
}

/**
 * The database ceiling: `connections` loops, each awaiting `insert()` back to back for `seconds`, the way
 * autocannon keeps one request in flight per connection. Latency is measured around each insert.
 */
export async function runInsertLoad(
  scenario: string,
  connections: number,
  seconds: number,
  insert: () => Promise<unknown>,
  say: (message: string) => void,
  every = 5,
): Promise<LoadFigures> {
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let reported = 0;
  const progress = setInterval(() => {
    reported += every;
    say(`  ${scenario} c=${connections}: ${reported}/${seconds} s, ${latencies.length} inserts`);
  }, every * 1000);
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const start = performance.now();
        try {
          await insert();
          latencies.push(performance.now() - start);
        } catch (error) {
          const code = String((error as { code?: unknown }).code ?? (error as Error).name);
          errors[code] = (errors[code] ?? 0) + 1;
        }
      }
    }),
  );
  clearInterval(progress);
  const elapsed = (performance.now() - started) / 1000;
  return {
    scenario,
    connections,
    seconds: elapsed,
    ok: latencies.length,
    okPerSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
  };
}
