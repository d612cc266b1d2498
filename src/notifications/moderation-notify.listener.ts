import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ForumEvent, type ForumEventPayloads } from '../infra/events/forum-events';
import { UsersService } from '../users/users.service';
import type { NotificationLink, NotificationType } from './notification';
import { NotificationDeliveryService } from './notification-delivery.service';
import { NotificationRepository } from './notification.repository';

const WHAT: Record<string, string> = {
  post: 'post',
  message: 'board message',
  topic: 'topic',
};

const DONE: Record<string, string> = {
  approve: 'approved',
  reject: 'rejected',
  redact: 'removed personal information from',
  hide: 'hid',
  unhide: 'restored',
  edit: 'edited',
  delete: 'deleted',
  lock: 'locked',
  unlock: 'unlocked',
  pin: 'pinned',
  unpin: 'unpinned',
  move: 'moved',
  close: 'closed',
  reopen: 'reopened',
};

/**
 * Tells authors what moderators did to their content or account, with the reason given. Moderators stay
 * anonymous here (the audit log keeps who acted); no content is quoted, so nothing needs scrubbing later.
 */
@Injectable()
export class ModerationNotifyListener {
  private readonly logger = new Logger(ModerationNotifyListener.name);

  constructor(
    private readonly delivery: NotificationDeliveryService,
    private readonly users: UsersService,
    private readonly notifications: NotificationRepository,
  ) {}

  @OnEvent(ForumEvent.ModerationActionTaken, { async: true, promisify: true })
  async onAction(fact: ForumEventPayloads['moderation.action_taken']): Promise<void> {
    if (!fact.subjectUserId || fact.subjectUserId === fact.actorId) return;
    const type: NotificationType =
      fact.action === 'approve'
        ? 'post_approved'
        : fact.action === 'reject'
          ? 'post_rejected'
          : 'content_moderated';
    const link: NotificationLink = { forumId: fact.forumId, topicId: fact.topicId };
    if (fact.targetType === 'post') link.postId = fact.targetId;
    if (fact.targetType === 'message') link.messageId = fact.targetId;
    await this.safely(() =>
      this.delivery.notify({
        userId: fact.subjectUserId as string,
        kind: 'moderation',
        type,
        summary: `A moderator ${DONE[fact.action] ?? fact.action} your ${WHAT[fact.targetType]}`,
        excerpt: null,
        reason: fact.reason ?? null,
        action: fact.action,
        actorId: null,
        link,
      }),
    );
  }

  @OnEvent(ForumEvent.UserRestricted, { async: true, promisify: true })
  async onRestricted({ userId, status, until }: ForumEventPayloads['user.restricted']): Promise<void> {
    const user = await this.users.findById(userId);
    if (!user) return;
    const lifted = status === 'active';
    const summary = lifted
      ? 'The restriction on your account was lifted'
      : `Your account is ${status}${until && !until.startsWith('9999') ? ` until ${until}` : ''}`;
    await this.safely(() =>
      this.delivery.notify({
        userId,
        kind: 'moderation',
        type: lifted ? 'account_restriction_lifted' : 'account_restricted',
        summary,
        excerpt: null,
        reason: lifted ? null : user.restrictionReason,
        action: lifted ? 'lift' : status === 'silenced' ? 'silence' : 'suspend',
        actorId: null,
        link: {},
      }),
    );
  }

  @OnEvent(ForumEvent.UserDeleted, { async: true, promisify: true })
  async onUserDeleted({ userId }: ForumEventPayloads['user.deleted']): Promise<void> {
    await this.safely(() => this.notifications.deleteAllFor(userId));
    // Other people's replies and mentions from the account read "a deleted user", without its words.
    await this.safely(() => this.notifications.forgetActor(userId));
  }

  private async safely(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'moderation notification failed');
    }
  }
}
