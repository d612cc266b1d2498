import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditLogService } from '../audit/audit-log.service';
import { PrivacyRegistry } from '../privacy/privacy-registry';
import { ReportRepository } from './report.repository';

const PAGE = 100;

/**
 * Two export sections: the reports the user filed (their own reason and note; not the reported author), and
 * moderators' actions on the user's content (what, when, why, by which role; never which moderator).
 */
@Injectable()
export class ModerationPrivacySection implements OnModuleInit {
  constructor(
    private readonly registry: PrivacyRegistry,
    private readonly reports: ReportRepository,
    private readonly audit: AuditLogService,
  ) {}

  onModuleInit(): void {
    this.registry.registerSection({ name: 'reportsFiled', export: (userId) => this.reportsFiled(userId) });
    this.registry.registerSection({ name: 'moderationOfContent', export: (userId) => this.actions(userId) });
  }

  private async reportsFiled(userId: string) {
    const reports = await this.reports.listByReporter(userId);
    return reports.map(({ targetType, targetId, reason, note, status, createdAt }) => ({
      targetType,
      targetId,
      reason,
      note,
      status,
      createdAt,
    }));
  }

  private async actions(userId: string) {
    const items = [];
    let cursor: string | undefined;
    do {
      const page = await this.audit.list(
        { subjectUserId: userId, targetTypes: ['post', 'message', 'topic'] },
        cursor,
        PAGE,
      );
      items.push(
        ...page.items.map(({ at, action, actorRole, targetType, targetId, reason, counts }) => ({
          at,
          action,
          actorRole,
          targetType,
          targetId,
          reason: reason ?? null,
          counts: counts ?? null,
        })),
      );
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return items;
  }
}
