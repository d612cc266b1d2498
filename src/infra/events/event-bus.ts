import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { ForumEventName, ForumEventPayloads } from './forum-events';

/** Typed facade over EventEmitter2: an event name or payload that does not match the map fails to compile. */
@Injectable()
export class EventBus {
  constructor(private readonly emitter: EventEmitter2) {}

  /** Runs every listener, async ones included, before resolving; a failing listener never fails the write. */
  async emit<E extends ForumEventName>(event: E, payload: ForumEventPayloads[E]): Promise<void> {
    await this.emitter.emitAsync(event, payload).catch(() => undefined);
  }
}
