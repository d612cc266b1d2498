import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ForumEvent, type ForumEventPayloads } from '../infra/events/forum-events';
import { QueueSlotRepository } from './queue-slot.repository';

/**
 * Keeps the queue's "author history" counter in step with account restrictions, which UsersService audits
 * itself (content actions are counted by ActionRecorder next to their audit entry).
 */
@Injectable()
export class ModerationHistoryListener {
  constructor(private readonly history: QueueSlotRepository) {}

  @OnEvent(ForumEvent.UserRestricted, { async: true, promisify: true })
  async onRestricted({ userId }: ForumEventPayloads['user.restricted']): Promise<void> {
    await this.history.countAction(userId).catch(() => undefined);
  }
}
