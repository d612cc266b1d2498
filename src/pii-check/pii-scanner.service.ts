import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Counter } from 'prom-client';
import { MetricsService } from '../infra/metrics/metrics.service';
import { detect, type Finding } from '../pii';
import type { ScanReply, ScanRequest } from './pii-scan-protocol';

/**
 * Texts up to this length are scanned on the calling thread. The detector is linear
 * (docs/pii-detector.md, "Bound") at a few microseconds per character on its slowest inputs, so
 * 2 000 characters stay far below the 20 ms the event loop may be held; longer texts go to a worker.
 */
export const INLINE_SCAN_LENGTH = 2_000;

/** Two cores in production and CI: one worker leaves the other core to the event loop. */
const MAX_WORKERS = Math.max(1, Math.min(2, availableParallelism() - 1));

interface Job {
  request: ScanRequest;
  resolve: (findings: Finding[]) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  job: Job | null;
}

/**
 * The detector for the server: the publish gate and `/api/pii/check` call `detect()` here so that
 * a long text (a 20 000-character post, the worst case the API accepts) never holds the event
 * loop. Workers start on the first long text, are kept for the next ones and do not keep the
 * process alive. A small pool of our own on node:worker_threads: one message type, no options.
 */
@Injectable()
export class PiiScannerService implements OnModuleDestroy {
  private readonly workers: PoolWorker[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  private readonly scans: Counter<'thread'>;

  constructor(metrics: MetricsService) {
    this.scans = new Counter({
      name: 'parley_pii_scans_total',
      help: 'Personal-data scans by where they ran: the event loop (short texts) or a worker thread',
      labelNames: ['thread'],
      registers: [metrics.registry],
    });
  }

  /** Same answer as the shared detector's `detect(text, { defaultRegion })`. */
  async detect(text: string, options: { defaultRegion?: string } = {}): Promise<Finding[]> {
    const region = options.defaultRegion ?? 'US';
    if (text.length <= INLINE_SCAN_LENGTH || this.closed) {
      this.scans.inc({ thread: 'event-loop' });
      return detect(text, { defaultRegion: region });
    }
    this.scans.inc({ thread: 'worker' });
    return new Promise<Finding[]>((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, text, region }, resolve, reject });
      this.dispatch();
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    const workers = this.workers.splice(0);
    for (const { job } of workers) job?.reject(new Error('The personal-data scanner was stopped'));
    for (const job of this.queue.splice(0)) job.reject(new Error('The personal-data scanner was stopped'));
    await Promise.all(workers.map(({ worker }) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let idle = this.workers.find((entry) => entry.job === null);
      if (idle === undefined && this.workers.length < MAX_WORKERS) idle = this.spawn();
      if (idle === undefined) return;
      const job = this.queue.shift() as Job;
      idle.job = job;
      idle.worker.postMessage(job.request);
    }
  }

  private spawn(): PoolWorker {
    const entry: PoolWorker = { worker: startWorker(), job: null };
    entry.worker.unref();
    entry.worker.on('message', (reply: ScanReply) => {
      const job = entry.job;
      entry.job = null;
      if (job !== null && job.request.id === reply.id) {
        if ('error' in reply) job.reject(new Error(reply.error));
        else job.resolve(reply.findings);
      }
      this.dispatch();
    });
    // A worker that dies takes its job with it; the next long text starts a fresh one.
    const drop = (error: Error) => {
      const index = this.workers.indexOf(entry);
      if (index !== -1) this.workers.splice(index, 1);
      entry.job?.reject(error);
      entry.job = null;
      if (!this.closed) this.dispatch();
    };
    entry.worker.on('error', drop);
    entry.worker.on('exit', (code) => drop(new Error(`The personal-data scan worker exited (${code})`)));
    this.workers.push(entry);
    return entry;
  }
}

/**
 * The worker file sits beside this one: `.js` in the build (`node dist/main.js`), `.ts` when the
 * server runs from source (jest with swc, tsx), where the worker thread, which jest's transform
 * does not reach, loads TypeScript through tsx's CommonJS hook (a development dependency).
 */
function startWorker(): Worker {
  const extension = extname(__filename);
  const file = join(__dirname, `pii-scan.worker${extension}`);
  if (extension !== '.ts') return new Worker(file);
  // Heap flags are per process; a worker given one in execArgv refuses to start.
  const inherited = process.execArgv.filter((flag) => !/^--max-(old|semi)-space-size/.test(flag));
  return new Worker(file, { execArgv: [...inherited, '--require', require.resolve('tsx/cjs')] });
}
