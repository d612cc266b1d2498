import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ForumEvent, type ForumEventPayloads } from '../infra/events/forum-events';
import { ModerationHistoryRepository } from './moderation-history.repository';
import { ReportRepository } from './report.repository';

/**
 * Keeps the queue's "author history" counter in step with account restrictions, which UsersService audits
 * itself (content actions are counted by ActionRecorder next to their audit entry), and forgets a deleted
 * account's reports and counter.
 */
@Injectable()
export class ModerationHistoryListener {
  constructor(
    private readonly history: ModerationHistoryRepository,
    private readonly reports: ReportRepository,
  ) {}

  @OnEvent(ForumEvent.UserRestricted, { async: true, promisify: true })
  async onRestricted({ userId }: ForumEventPayloads['user.restricted']): Promise<void> {
    await this.history.countAction(userId).catch(() => undefined);
  }

  /** Account deletion: the user's filed reports and their history counter are personal data and go. */
  @OnEvent(ForumEvent.UserDeleted, { async: true, promisify: true })
  async onDeleted({ userId }: ForumEventPayloads['user.deleted']): Promise<void> {
    await this.reports.deleteByReporter(userId).catch(() => undefined);
    await this.history.forgetUser(userId).catch(() => undefined);
  }
}
