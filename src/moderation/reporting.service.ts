import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { AppError, NotFound } from '../infra/errors/app-error';
import { ContentLifecycles } from './content-lifecycles';
import type { Report, ReportReason } from './report';
import { ReportRepository } from './report.repository';
import type { ReviewTargetType } from './review-item';
import { ReviewQueueService } from './review-queue.service';
import { AlreadyStored } from '../infra/database/duplicate-key';

export interface ReportInput {
  targetType: ReviewTargetType;
  targetId: string;
  reason: ReportReason;
  note?: string;
}

/** Per reporter: enough for a bad day in a busy forum, too few to flood the moderators. */
export const REPORTS_PER_WINDOW = 10;
export const REPORT_WINDOW_MS = 10 * 60_000;

/** Members report a visible post or board message once each; reports on one item share one queue entry. */
@Injectable()
export class ReportingService {
  constructor(
    private readonly reports: ReportRepository,
    private readonly adapters: ContentLifecycles,
    private readonly queue: ReviewQueueService,
  ) {}

  async file(user: AuthUser, input: ReportInput): Promise<Report & { reportCount: number }> {
    const now = new Date();
    // Per user rather than per address: reporters share offices and phone networks.
    if (
      (await this.reports.countSince(user.id, new Date(now.getTime() - REPORT_WINDOW_MS))) >=
      REPORTS_PER_WINDOW
    ) {
      throw new AppError(
        'rate_limited',
        'You have sent many reports in a short time; try again in a few minutes',
      );
    }
    const { content } = await this.adapters.require(input.targetType, input.targetId);
    if (content.status !== 'visible')
      throw new NotFound(input.targetType === 'post' ? 'Post' : 'Board message');
    if (content.authorId === user.id) throw new AppError('own_content', 'You cannot report your own writing');
    let report: Report;
    try {
      report = await this.reports.insert(
        { ...input, note: input.note?.trim() || null, forumId: content.forumId, reporterId: user.id },
        now,
      );
    } catch (error) {
      if (error instanceof AlreadyStored) throw new AppError('already_reported', 'You already reported this');
      throw error;
    }
    const item = await this.queue.enqueue({
      targetType: content.kind,
      targetId: content.id,
      forumId: content.forumId,
      authorId: content.authorId,
      reason: `reported:${input.reason}`,
      reports: 1,
    });
    return { ...report, reportCount: item.reportCount };
  }
}
