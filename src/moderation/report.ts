import type { ReviewTargetType } from './review-item';

export const REPORT_REASONS = ['personal_info', 'spam', 'abuse', 'off_topic', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** open: waiting; dismissed: a moderator found nothing to do; actioned: a moderator acted on the item. */
export type ReportStatus = 'open' | 'dismissed' | 'actioned';

export interface Report {
  id: string;
  targetType: ReviewTargetType;
  targetId: string;
  forumId: string;
  reporterId: string;
  reason: ReportReason;
  note: string | null;
  status: ReportStatus;
  createdAt: string;
}

export type NewReport = Omit<Report, 'id' | 'status' | 'createdAt'>;
