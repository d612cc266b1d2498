import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { canModerateForum } from '../auth/forum-moderation.policy';
import { Forbidden } from '../infra/errors/app-error';
import { AdminContentPolicy } from '../users/admin-content.policy';
import type { ModeratedContent } from '../content/content-lifecycle';
import { ReportRepository } from './report.repository';

/**
 * Who may act on what: moderators only in their forums (admins and global moderators everywhere), never on
 * an administrator's content or account unless they are one, and never on an item they reported themselves.
 */
@Injectable()
export class ModerationAccessService {
  constructor(
    private readonly adminContent: AdminContentPolicy,
    private readonly reports: ReportRepository,
  ) {}

  assertModeratesForum(user: AuthUser, forumId: string): void {
    if (!canModerateForum(user, forumId)) throw new Forbidden('You do not moderate this forum');
  }

  async assertMayActOn(user: AuthUser, content: ModeratedContent): Promise<void> {
    this.assertModeratesForum(user, content.forumId);
    await this.assertNotOverAdmin(user, content.authorId);
    if (await this.reports.hasReported(content.kind, content.id, user.id)) {
      throw new Forbidden('You reported this item yourself: another moderator has to decide on it');
    }
  }

  assertNotOverAdmin(user: AuthUser, subjectUserId: string | null): Promise<void> {
    return this.adminContent.assertMayModerate(user, subjectUserId);
  }
}
