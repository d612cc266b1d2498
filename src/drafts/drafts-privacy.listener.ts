import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ForumEvent, type ForumEventPayloads } from '../infra/events/forum-events';
import { PrivacyRegistry } from '../privacy/privacy-registry';
import { DraftRepository } from './draft.repository';

/** Drafts are the user's own text: in their data export, and gone with their account. */
@Injectable()
export class DraftsPrivacyListener implements OnModuleInit {
  private readonly logger = new Logger(DraftsPrivacyListener.name);

  constructor(
    private readonly registry: PrivacyRegistry,
    private readonly drafts: DraftRepository,
  ) {}

  onModuleInit(): void {
    this.registry.registerSection({ name: 'drafts', export: (userId) => this.drafts.listAll(userId) });
  }

  @OnEvent(ForumEvent.UserDeleted, { async: true, promisify: true })
  async onUserDeleted({ userId }: ForumEventPayloads['user.deleted']): Promise<void> {
    const deleted = await this.drafts.deleteAllFor(userId);
    this.logger.log({ userId, deleted }, 'drafts of a deleted account erased');
  }
}
