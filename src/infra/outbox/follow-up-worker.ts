import { Injectable, Logger, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import { Counter, Gauge } from 'prom-client';
import { AppConfig } from '../config/app-config';
import { MetricsService } from '../metrics/metrics.service';

/**
 * The outbox. A write that the author waits for stores, in the same document and the same single-document
 * write, the follow-up work it leaves (`followUp`: the steps still to do, when they are next due, how many
 * tries so far). After the answer, the process that stored it runs the steps at once; a sweep on every
 * instance takes over what is due and not done (a crash between the answer and the follow-up, a failed step),
 * claimed with one conditional update, retried with back-off. Steps are idempotent, so a step run twice (a
 * slow first try overtaken by the sweep, a crash after the step but before it was marked) changes nothing the
 * second time: exactly once in effect.
 */
export interface FollowUpState {
  steps: string[];
  /** Not before this may a sweep take the item: the storing process has it until then. */
  due: Date;
  since: Date;
  attempts: number;
}

export interface FollowUpSource<T> {
  /** Metrics label and log field: 'post', 'message'. */
  name: string;
  model: Model<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- any collection with followUp
  /** The item and its pending follow-up, in one read; null when the item is gone or has nothing pending. */
  load(id: string): Promise<{ item: T; followUp: FollowUpState } | null>;
  /**
   * Run in the order listed; each must be idempotent. A step may answer fields to `$set` on the item: they
   * are written with the write that records the step done (one write for the whole run), never before.
   */
  steps: Record<string, (item: T, context: FollowUpContext) => Promise<void | FollowUpFields>>;
}

export type FollowUpFields = Record<string, unknown>;

export interface FollowUpContext {
  /** False when a sweep runs it: the storing process may have died before its live event went out. */
  firstTry: boolean;
}

const RETRY_BASE_MS = 1_000;
const RETRY_MAX_MS = 5 * 60_000;
const SWEEP_BATCH = 50;

@Injectable()
export class FollowUpWorker implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('FollowUps');
  private readonly sources = new Map<string, FollowUpSource<unknown>>();
  /** Follow-ups under way in this process, each with what it is ("post 6650…") for the shutdown log. */
  private readonly running = new Map<Promise<void>, string>();
  private timer: NodeJS.Timeout | undefined;
  private sweeping = false;
  private stopped = false;
  private readonly done: Counter<'source'>;
  private readonly failed: Counter<'source' | 'step'>;

  constructor(
    private readonly config: AppConfig,
    metrics: MetricsService,
  ) {
    const registers = [metrics.registry];
    this.done = new Counter({
      name: 'parley_followups_done_total',
      help: 'Follow-up work items finished (all their steps done)',
      labelNames: ['source'],
      registers,
    });
    this.failed = new Counter({
      name: 'parley_followups_failed_total',
      help: 'Follow-up steps that failed and were scheduled again',
      labelNames: ['source', 'step'],
      registers,
    });
    const sources = this.sources;
    new Gauge({
      name: 'parley_followups_pending',
      help: 'Follow-up work items not done yet, per source',
      labelNames: ['source'],
      registers,
      async collect() {
        for (const source of sources.values()) {
          this.set(
            { source: source.name },
            await source.model.countDocuments({ 'followUp.due': { $exists: true } }),
          );
        }
      },
    });
    new Gauge({
      name: 'parley_followups_oldest_pending_seconds',
      help: 'Age of the oldest follow-up work item not done yet (0 when none)',
      labelNames: ['source'],
      registers,
      async collect() {
        for (const source of sources.values()) {
          const oldest = await source.model
            .findOne({ 'followUp.due': { $exists: true } }, { 'followUp.since': 1 })
            .sort({ 'followUp.due': 1 })
            .lean<{ followUp?: FollowUpState }>()
            .exec();
          const since = oldest?.followUp?.since;
          this.set({ source: source.name }, since ? (Date.now() - new Date(since).getTime()) / 1000 : 0);
        }
      },
    });
  }

  /** The `followUp` field for a document about to be stored with these steps: its storer owns the first try. */
  pending(steps: readonly string[], now = new Date()): FollowUpState {
    const due = new Date(now.getTime() + this.config.FOLLOW_UP_LEASE_MS);
    return { steps: [...steps], due, since: now, attempts: 1 };
  }

  register<T>(source: FollowUpSource<T>): void {
    this.sources.set(source.name, source as FollowUpSource<unknown>);
  }

  onModuleInit(): void {
    if (this.config.FOLLOW_UP_SWEEP_MS === 0) return;
    this.timer = setInterval(() => void this.sweep(), this.config.FOLLOW_UP_SWEEP_MS);
    this.timer.unref();
  }

  /**
   * Shutdown waits for follow-ups under way, before the database connection closes (a SIGTERM drain must not
   * cut one in half needlessly), but at most half the drain's time: a follow-up held by a hung SMTP server or
   * database must not hold the process. What is cut is still pending in its document and a sweep on another
   * instance, or this one after its restart, takes it over once its lease ends.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    const waitMs = Math.floor(this.config.SHUTDOWN_TIMEOUT_MS / 2);
    let timer: NodeJS.Timeout | undefined;
    const waited = await Promise.race([
      Promise.allSettled([...this.running.keys()]).then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), waitMs))),
    ]);
    clearTimeout(timer);
    if (!waited) {
      this.logger.warn(
        { waitMs, running: [...this.running.values()] },
        'follow-ups still running at shutdown: left to a later sweep',
      );
    }
  }

  /** Called by the write path once its document is stored: the steps run after the answer, in this process. */
  start(sourceName: string, id: string): void {
    const source = this.sources.get(sourceName);
    if (!source || this.stopped) return;
    const delay = this.config.FOLLOW_UP_FIRST_TRY_DELAY_MS;
    const later = new Promise<void>((resolve) =>
      delay > 0 ? setTimeout(resolve, delay) : setImmediate(resolve),
    );
    this.track(
      later.then(() => (this.stopped ? undefined : this.run(source, id, true))),
      `${source.name} ${id}`,
    );
  }

  /** Everything due on every source, oldest first: what a crash or a failure left behind. */
  async sweep(now = new Date()): Promise<number> {
    if (this.sweeping || this.stopped) return 0;
    this.sweeping = true;
    let taken = 0;
    try {
      for (const source of this.sources.values()) {
        const due = await source.model
          .find({ 'followUp.due': { $lte: now } }, { _id: 1, 'followUp.attempts': 1 })
          .sort({ 'followUp.due': 1 })
          .limit(SWEEP_BATCH)
          .lean<{ _id: unknown; followUp: FollowUpState }[]>()
          .exec();
        for (const { _id, followUp } of due) {
          if (await this.claim(source, String(_id), followUp.attempts, now)) {
            taken += 1;
            await this.track(this.run(source, String(_id), false), `${source.name} ${String(_id)}`);
          }
        }
      }
    } catch (error) {
      this.logger.error({ err: (error as Error).message }, 'follow-up sweep failed');
    } finally {
      this.sweeping = false;
    }
    return taken;
  }

  /** Whether follow-up work is still pending for any source (tests wait on it). */
  async idle(): Promise<boolean> {
    await Promise.allSettled([...this.running.keys()]);
    for (const source of this.sources.values()) {
      if ((await source.model.countDocuments({ 'followUp.due': { $exists: true } })) > 0) return false;
    }
    return true;
  }

  private track(started: Promise<void>, what: string): Promise<void> {
    const work = started.catch((error: Error) => {
      // The item stays pending and a sweep takes it over: logged, never an unhandled rejection.
      this.logger.error({ err: error.message }, 'follow-up work interrupted');
    });
    this.running.set(work, what);
    void work.finally(() => this.running.delete(work));
    return work;
  }

  /** Pushes `due` past a lease that grows with the tries, so one item is worked by one sweeper at a time. */
  private async claim(
    source: FollowUpSource<unknown>,
    id: string,
    attempts: number,
    now: Date,
  ): Promise<boolean> {
    const lease = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** attempts);
    const taken = await source.model
      .findOneAndUpdate(
        { _id: id, 'followUp.due': { $lte: now } },
        { $set: { 'followUp.due': new Date(now.getTime() + lease) }, $inc: { 'followUp.attempts': 1 } },
        { new: true, projection: { _id: 1 } },
      )
      .lean()
      .exec();
    return taken !== null;
  }

  /**
   * Runs the pending steps in order, then clears `followUp` with one write. A failed step ends the run: the
   * steps done so far are recorded (so the retry skips them) and the item is due again after a back-off.
   */
  private async run(source: FollowUpSource<unknown>, id: string, firstTry: boolean): Promise<void> {
    const loaded = await source.load(id).catch((error: Error) => {
      this.logger.error({ source: source.name, id, err: error.message }, 'follow-up item could not be read');
      return null;
    });
    if (!loaded) return;
    const { item, followUp } = loaded;
    const done: string[] = [];
    const fields: FollowUpFields = {};
    for (const step of followUp.steps) {
      try {
        const handler = source.steps[step];
        if (!handler) throw new Error(`no handler for step ${step}`);
        Object.assign(fields, await handler(item, { firstTry }));
        done.push(step);
      } catch (error) {
        this.failed.inc({ source: source.name, step });
        this.logger.error(
          { source: source.name, id, step, attempts: followUp.attempts, err: (error as Error).message },
          'follow-up step failed; it will be tried again',
        );
        await this.recordProgress(source, id, done, fields, firstTry ? followUp.attempts : null).catch(
          () => undefined,
        );
        return;
      }
    }
    const update: Record<string, unknown> = { $unset: { followUp: 1 } };
    if (Object.keys(fields).length > 0) update.$set = fields;
    await source.model.updateOne({ _id: id }, update).exec();
    this.done.inc({ source: source.name });
  }

  /**
   * After a failure: the steps that succeeded leave the list, with the fields they answered; a first try also
   * schedules its retry.
   */
  private async recordProgress(
    source: FollowUpSource<unknown>,
    id: string,
    done: string[],
    fields: FollowUpFields,
    attempts: number | null,
  ): Promise<void> {
    const update: Record<string, unknown> = {};
    const set: FollowUpFields = { ...fields };
    if (done.length > 0) update.$pull = { 'followUp.steps': { $in: done } };
    if (attempts !== null) {
      const delay = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** attempts);
      set['followUp.due'] = new Date(Date.now() + delay);
    }
    if (Object.keys(set).length > 0) update.$set = set;
    if (Object.keys(update).length > 0) await source.model.updateOne({ _id: id }, update).exec();
  }
}
