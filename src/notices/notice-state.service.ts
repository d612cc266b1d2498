import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { AppError } from '../infra/errors/app-error';
import { UsersService } from '../users/users.service';
import type { Notice, NoticeState } from './notice';
import { NoticeNotAcknowledged } from './notice-not-acknowledged.error';
import { NoticeRepository } from './notice.repository';

/** A caller's copy of the account read this recently is taken as the stored one. */
const FRESH_COPY_MS = 1000;

/**
 * Answers "which notice version is current, and has this caller acknowledged it?" for every public-area read.
 * The current version is read every time (one indexed lookup), so a version published on any instance holds at
 * once everywhere.
 */
@Injectable()
export class NoticeStateService {
  constructor(
    private readonly notices: NoticeRepository,
    private readonly users: UsersService,
  ) {}

  async forUser(user?: AuthUser): Promise<NoticeState> {
    const notice = await this.current();
    return { version: notice.version, acknowledged: (await this.acknowledgedVersion(user, notice)) !== null };
  }

  /** Throws 428 notice_not_acknowledged with the current notice when the user must acknowledge it first. */
  async requireAcknowledged(user: AuthUser): Promise<void> {
    const notice = await this.current();
    if ((await this.acknowledgedVersion(user, notice)) !== null) return;
    throw new NoticeNotAcknowledged(notice, (await this.storedVersion(user.id)) ?? null);
  }

  async current(): Promise<Notice> {
    const notice = await this.notices.latest('public-area');
    // Seeded at bootstrap, so missing means someone emptied the collection by hand.
    if (!notice) throw new AppError('internal_error', 'No public-area notice is published');
    return notice;
  }

  /**
   * The acknowledged version when it covers `notice`, else null. The caller's copy is loaded per HTTP request,
   * but a socket keeps the user of its handshake, so a "not yet" from a copy older than a second is confirmed
   * against the stored account. (Confirming every "not yet" read the account twice on each signed-in page
   * view by someone who never posted: bench:http.)
   */
  private async acknowledgedVersion(user: AuthUser | undefined, notice: Notice): Promise<number | null> {
    if (!user) return null;
    const carried = user.noticeVersionAcknowledged ?? 0;
    if (carried >= notice.version) return carried;
    if (user.loadedAt !== undefined && Date.now() - user.loadedAt < FRESH_COPY_MS) return null;
    const stored = (await this.storedVersion(user.id)) ?? 0;
    return stored >= notice.version ? stored : null;
  }

  private async storedVersion(userId: string): Promise<number | undefined> {
    const account = await this.users.findById(userId);
    const versions = account?.deleted
      ? []
      : (account?.noticeAcknowledgements ?? []).map((ack) => ack.version);
    return versions.length > 0 ? Math.max(...versions) : undefined;
  }
}
