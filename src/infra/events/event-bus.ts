import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Counter } from 'prom-client';
import { MetricsService } from '../metrics/metrics.service';
import type { ForumEventName, ForumEventPayloads } from './forum-events';

/** Typed facade over EventEmitter2: an event name or payload that does not match the map fails to compile. */
@Injectable()
export class EventBus {
  private readonly logger = new Logger('EventBus');
  private readonly failures: Counter<'event'>;

  constructor(
    private readonly emitter: EventEmitter2,
    metrics: MetricsService,
  ) {
    this.failures = new Counter({
      name: 'parley_event_listener_failures_total',
      help: 'Domain event listeners that threw (logged with the event name)',
      labelNames: ['event'],
      registers: [metrics.registry],
    });
  }

  /**
   * Runs every listener, async ones included, before resolving. A failing listener never fails the caller's
   * write, and is never silent either: logged and counted.
   */
  async emit<E extends ForumEventName>(event: E, payload: ForumEventPayloads[E]): Promise<void> {
    await this.emitter.emitAsync(event, payload).catch((error: Error) => {
      this.failures.inc({ event });
      this.logger.error(
        { event, err: { name: error.name, message: error.message } },
        'event listener failed',
      );
    });
  }

  /** For follow-up work (the outbox): runs every listener and rejects when one failed, so the step is retried. */
  async deliver<E extends ForumEventName>(event: E, payload: ForumEventPayloads[E]): Promise<void> {
    await this.emitter.emitAsync(event, payload);
  }
}
