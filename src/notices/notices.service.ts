import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { AppError, NotFound } from '../infra/errors/app-error';
import { UsersService } from '../users/users.service';
import type { Acknowledgement, NoticeKind } from './notice';
import { NoticeStateService } from './notice-state.service';
import { toNoticeView, type NoticeVersionsPage, type NoticeView } from './notice-view';
import { NoticeRepository } from './notice.repository';

/** Reading and publishing notice versions, and recording acknowledgements of the public-area notice. */
@Injectable()
export class NoticesService {
  constructor(
    private readonly notices: NoticeRepository,
    private readonly users: UsersService,
    private readonly state: NoticeStateService,
  ) {}

  async current(kind: NoticeKind): Promise<NoticeView> {
    const notice = await this.notices.latest(kind);
    if (!notice) throw new NotFound('Notice');
    return toNoticeView(notice);
  }

  async currentForCaller(user: AuthUser | undefined): Promise<NoticeView & { acknowledged: boolean }> {
    const [notice, state] = await Promise.all([this.current('public-area'), this.state.forUser(user)]);
    // Two reads: a version published between them must not be shown as acknowledged; the text is authoritative.
    const acknowledged = state.version === notice.version && state.acknowledged;
    return { ...notice, acknowledged };
  }

  async versions(kind: NoticeKind, before: number | undefined, limit = 20): Promise<NoticeVersionsPage> {
    const rows = await this.notices.list(kind, before, limit + 1);
    const items = rows.slice(0, limit).map(toNoticeView);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].version : null };
  }

  /** A new version; earlier ones stay readable and every user must acknowledge the new public-area text. */
  async publish(kind: NoticeKind, text: string, admin: AuthUser): Promise<NoticeView> {
    const latest = await this.notices.latest(kind);
    const notice = await this.notices.insert({
      kind,
      version: (latest?.version ?? 0) + 1,
      text,
      publishedAt: new Date().toISOString(),
      publishedBy: admin.id,
    });
    return toNoticeView(notice);
  }

  /**
   * Stored on the user's account (Accounts owns it), so the export and account deletion include it. The
   * caller's copy of the account follows: later checks in this request (or on this copy) trust it.
   */
  async acknowledge(user: AuthUser, version: number): Promise<Acknowledgement> {
    const current = await this.notices.latest('public-area');
    if (!current || current.version !== version) {
      throw new AppError('notice_version_stale', 'Only the current notice version can be acknowledged', {
        currentVersion: current?.version ?? null,
      });
    }
    const account = await this.users.recordNoticeAcknowledgement(user.id, version);
    const recorded = account.noticeAcknowledgements.find((ack) => ack.version === version);
    if (!recorded) throw new NotFound('User');
    user.noticeVersionAcknowledged = Math.max(user.noticeVersionAcknowledged ?? 0, version);
    return { version, acknowledgedAt: recorded.acknowledgedAt };
  }

  async acknowledgementsOf(userId: string): Promise<Acknowledgement[]> {
    const account = await this.users.findById(userId);
    return [...(account?.noticeAcknowledgements ?? [])].sort((a, b) => a.version - b.version);
  }
}
