import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ForumEvent, type ForumEventPayloads } from '../infra/events/forum-events';
import { AcknowledgementRepository } from './acknowledgement.repository';

/** A deleted account leaves no acknowledgement records behind (they say who read what, and when). */
@Injectable()
export class AcknowledgementCleanupListener {
  constructor(private readonly acknowledgements: AcknowledgementRepository) {}

  @OnEvent(ForumEvent.UserDeleted, { async: true, promisify: true })
  async onUserDeleted(payload: ForumEventPayloads['user.deleted']): Promise<void> {
    await this.acknowledgements.deleteFor(payload.userId);
  }
}
