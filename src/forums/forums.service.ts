import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { AppError, NotFound } from '../infra/errors/app-error';
import type { Forum } from './forum';
import { canReadForum } from './forum-access.policy';
import { ForumRepository } from './forum.repository';

/**
 * Read access to forums for other modules (posts, boards, moderation) and the forum list.
 * Plain `Forum` objects only; writes by admins live in ForumAdminService.
 */
@Injectable()
export class ForumsService {
  constructor(private readonly forums: ForumRepository) {}

  findBySlug(slug: string): Promise<Forum | null> {
    return this.forums.findBySlug(slug);
  }

  findById(id: string): Promise<Forum | null> {
    return this.forums.findById(id);
  }

  findByIds(ids: string[]): Promise<Forum[]> {
    return this.forums.findByIds(ids);
  }

  /** Forums the caller may read; archived ones only for admins. */
  async listReadable(user: AuthUser | undefined): Promise<Forum[]> {
    const all = await this.forums.list(!!user?.roles.includes('admin'));
    return all.filter((forum) => canReadForum(user, forum));
  }

  /** A members forum read anonymously answers 401 with a sign-in message; the forum list already names it to nobody. */
  async requireReadable(user: AuthUser | undefined, slug: string): Promise<Forum> {
    const forum = await this.forums.findBySlug(slug);
    if (!forum) throw new NotFound('Forum');
    assertReadable(user, forum, { forum: forum.slug });
    return forum;
  }

  async requireReadableById(user: AuthUser | undefined, id: string): Promise<Forum> {
    const forum = await this.forums.findById(id);
    if (!forum) throw new NotFound('Forum');
    assertReadable(user, forum);
    return forum;
  }

  /** Counters for the forum list; $inc only. */
  countPost(forumId: string, postId: string, delta: { topics?: number; posts?: number }, at: Date) {
    return this.forums.countPost(forumId, postId, delta, at);
  }

  recordActivity(forumId: string, delta: { topics?: number; posts?: number }, at?: Date): Promise<void> {
    return this.forums.recordActivity(forumId, delta, at);
  }
}

/**
 * Signing in does not help a suspended account (it may not sign in at all), so it is told why (403
 * account_suspended, as on every route beyond public reads) rather than asked to sign in (401).
 */
function assertReadable(user: AuthUser | undefined, forum: Forum, details?: Record<string, unknown>): void {
  if (canReadForum(user, forum)) return;
  if (user?.status === 'suspended') throw new AppError('account_suspended', 'Your account is suspended');
  throw new AppError('unauthenticated', 'Sign in to read this forum', details);
}
