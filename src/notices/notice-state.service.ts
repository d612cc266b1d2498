import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { AppError } from '../infra/errors/app-error';
import { AcknowledgementRepository } from './acknowledgement.repository';
import type { Notice, NoticeState } from './notice';
import { NoticeNotAcknowledged } from './notice-not-acknowledged.error';
import { NoticeRepository } from './notice.repository';

/**
 * How long an instance trusts its copy of the current public-area notice. Publishing a new version clears the
 * copy on the instance that published it; other instances pick it up within this many milliseconds.
 */
export const CURRENT_NOTICE_TTL_MS = 5_000;

/** Answers "which notice version is current, and has this caller acknowledged it?" for every public-area read. */
@Injectable()
export class NoticeStateService {
  private cached: { notice: Notice; until: number } | null = null;

  constructor(
    private readonly notices: NoticeRepository,
    private readonly acknowledgements: AcknowledgementRepository,
  ) {}

  async forUser(user?: AuthUser): Promise<NoticeState> {
    const notice = await this.current();
    return { version: notice.version, acknowledged: await this.hasAcknowledged(user, notice.version) };
  }

  /** Throws 428 notice_not_acknowledged with the current notice when the user must acknowledge it first. */
  async requireAcknowledged(user: AuthUser): Promise<void> {
    const notice = await this.current();
    if (await this.hasAcknowledged(user, notice.version)) return;
    throw new NoticeNotAcknowledged(notice, await this.acknowledgements.latestVersion(user.id));
  }

  async current(): Promise<Notice> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.notice;
    const notice = await this.notices.latest('public-area');
    // Seeded at bootstrap, so missing means someone emptied the collection by hand.
    if (!notice) throw new AppError('internal_error', 'No public-area notice is published');
    this.cached = { notice, until: Date.now() + CURRENT_NOTICE_TTL_MS };
    return notice;
  }

  /** Called after a new version is stored on this instance. */
  invalidate(): void {
    this.cached = null;
  }

  /**
   * The token's copy of the acknowledged version is a fast path; when it looks stale (the user acknowledged
   * after the token was issued) the stored acknowledgements decide.
   */
  private async hasAcknowledged(user: AuthUser | undefined, version: number): Promise<boolean> {
    if (!user) return false;
    if ((user.noticeVersionAcknowledged ?? 0) >= version) return true;
    return ((await this.acknowledgements.latestVersion(user.id)) ?? 0) >= version;
  }
}
