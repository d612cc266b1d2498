import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { Forbidden } from '../infra/errors/app-error';
import { UsersService } from './users.service';

/**
 * Only an administrator acts on an administrator's content or account (docs/moderation.md). One rule for
 * every route a moderator can act through: the moderation routes, and the author routes that also let a
 * moderator remove a post or message or lock a topic.
 */
@Injectable()
export class AdminContentPolicy {
  constructor(private readonly users: UsersService) {}

  async assertMayModerate(actor: AuthUser, subjectUserId: string | null): Promise<void> {
    if (!subjectUserId || actor.roles.includes('admin')) return;
    const subject = await this.users.findById(subjectUserId);
    if (subject?.roles.includes('admin')) {
      throw new Forbidden('Only an administrator can act on an administrator’s content or account');
    }
  }
}
