import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { actorRoleOf } from '../audit/audit-entry';
import { AuditLogService } from '../audit/audit-log.service';
import { EventBus } from '../infra/events/event-bus';
import { ForumEvent } from '../infra/events/forum-events';
import { ModerationHistoryRepository } from './moderation-history.repository';
import { ReportRepository } from './report.repository';
import type { ReviewTargetType } from './review-item';
import { ReviewQueueService } from './review-queue.service';

export interface ActionTarget {
  targetType: ReviewTargetType | 'topic';
  targetId: string;
  forumId: string;
  /** The topic a post belongs to (for the author's notification link). */
  topicId?: string;
  /** The author of the content; null for a deleted account's content. */
  subjectUserId: string | null;
}

export interface ActionDetails {
  reason?: string;
  /** Redactions: how many of each type were removed. Never the values. */
  counts?: Record<string, number>;
  /** Dismissing reports tells nobody: the author need not learn they were reported. */
  notifyAuthor?: boolean;
}

/** Audit actions are past-tense facts like the rest of the log (`post.hidden`, `user.suspended`). */
const PAST: Record<string, string> = {
  approve: 'approved',
  reject: 'rejected',
  redact: 'redacted',
  hide: 'hidden',
  unhide: 'unhidden',
  edit: 'edited',
  delete: 'deleted',
  dismiss: 'reports_dismissed',
  lock: 'locked',
  unlock: 'unlocked',
  pin: 'pinned',
  unpin: 'unpinned',
  move: 'moved',
  close: 'closed',
  reopen: 'reopened',
};

/**
 * What follows every moderator action, once the change is stored: exactly one audit entry, the item's queue
 * entry resolved and its open reports settled, then `moderation.action_taken` so the author is notified.
 */
@Injectable()
export class ActionRecorder {
  constructor(
    private readonly audit: AuditLogService,
    private readonly queue: ReviewQueueService,
    private readonly history: ModerationHistoryRepository,
    private readonly reports: ReportRepository,
    private readonly events: EventBus,
  ) {}

  async record(
    user: AuthUser,
    action: string,
    target: ActionTarget,
    details: ActionDetails = {},
  ): Promise<void> {
    await this.audit.record({
      actorId: user.id,
      actorRole: actorRoleOf(user),
      action: `${target.targetType}.${PAST[action] ?? action}`,
      targetType: target.targetType,
      targetId: target.targetId,
      forumId: target.forumId,
      reason: details.reason,
      counts: details.counts,
      subjectUserIds: target.subjectUserId ? [target.subjectUserId] : [],
    });
    if (target.subjectUserId) await this.history.countAction(target.subjectUserId);
    if (target.targetType !== 'topic') {
      await this.queue.resolve(target.targetType, target.targetId, action);
      await this.reports.settle(
        target.targetType,
        target.targetId,
        action === 'dismiss' ? 'dismissed' : 'actioned',
      );
    }
    if (details.notifyAuthor === false) return;
    await this.events.emit(ForumEvent.ModerationActionTaken, {
      action,
      targetType: target.targetType,
      targetId: target.targetId,
      forumId: target.forumId,
      topicId: target.topicId,
      subjectUserId: target.subjectUserId,
      actorId: user.id,
      reason: details.reason,
    });
  }
}
