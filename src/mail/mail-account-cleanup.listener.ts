import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ForumEvent, type ForumEventPayloads } from '../infra/events/forum-events';
import { OutgoingMailRepository } from './outgoing-mail.repository';

/** A deleted account's unsent mail goes too (it holds the address and excerpts); sent mail keeps no data. */
@Injectable()
export class MailAccountCleanupListener {
  constructor(private readonly mails: OutgoingMailRepository) {}

  @OnEvent(ForumEvent.UserDeleted, { async: true, promisify: true })
  async onUserDeleted({ userId }: ForumEventPayloads['user.deleted']): Promise<void> {
    await this.mails.dropPendingFor(userId);
  }
}
