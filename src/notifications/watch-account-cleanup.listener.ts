import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ForumEvent, type ForumEventPayloads } from '../infra/events/forum-events';
import { WatchRepository } from './watch.repository';

/** A deleted account watches nothing. */
@Injectable()
export class WatchAccountCleanupListener {
  constructor(private readonly watches: WatchRepository) {}

  @OnEvent(ForumEvent.UserDeleted, { async: true, promisify: true })
  async onUserDeleted({ userId }: ForumEventPayloads['user.deleted']): Promise<void> {
    await this.watches.deleteFor(userId);
  }
}
