export type ReviewTargetType = 'post' | 'message';
export type ReviewStatus = 'open' | 'resolved';

/** `personal_data` (held by the review policy), `reported:<reason>`, `pii_acknowledged` (warn policy). */
export type ReviewReason = 'personal_data' | 'pii_acknowledged' | `reported:${string}`;

/** Held and reported items come before published items whose author acknowledged personal data. */
export const Priority = { urgent: 0, low: 1 } as const;

export function priorityOf(reason: ReviewReason): number {
  return reason === 'pii_acknowledged' ? Priority.low : Priority.urgent;
}

/** One queue entry per post or board message; a new reason on a resolved item opens it again. */
export interface ReviewItem {
  id: string;
  targetType: ReviewTargetType;
  targetId: string;
  forumId: string;
  authorId: string | null;
  reasons: ReviewReason[];
  priority: number;
  status: ReviewStatus;
  reportCount: number;
  /** When the item (re)entered the queue: the order of the queue. */
  queuedAt: string;
  createdAt: string;
  updatedAt: string;
  resolution: string | null;
}

export const reviewItemId = (targetType: ReviewTargetType, targetId: string) => `${targetType}:${targetId}`;

export interface QueueEntry {
  targetType: ReviewTargetType;
  targetId: string;
  forumId: string;
  authorId: string | null;
  reason: ReviewReason;
  /** 1 for a report, 0 otherwise. */
  reports: number;
}

export interface QueueFilter {
  status: ReviewStatus;
  /** Undefined: every forum (admins and global moderators). */
  forumIds?: string[];
  /** An exact reason, or `reported` for any report. */
  reason?: string;
}
