import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { canModerateForum } from '../auth/forum-moderation.policy';
import { Forbidden } from '../infra/errors/app-error';
import { UsersService } from '../users/users.service';
import type { ModeratedContent } from './moderated-content';
import { ReportRepository } from './report.repository';

/**
 * Who may act on what: moderators only in their forums (admins and global moderators everywhere), never on
 * an administrator's content or account unless they are one, and never on an item they reported themselves.
 */
@Injectable()
export class ModerationAccessService {
  constructor(
    private readonly users: UsersService,
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

  async assertNotOverAdmin(user: AuthUser, subjectUserId: string | null): Promise<void> {
    if (!subjectUserId || user.roles.includes('admin')) return;
    const subject = await this.users.findById(subjectUserId);
    if (subject?.roles.includes('admin')) {
      throw new Forbidden('Only an administrator can act on an administrator’s content or account');
    }
  }
}
