import type { AuthUser } from './access-policy';

/**
 * Admins and users with the `moderator` role moderate every forum (global moderators); any user can also be
 * a forum moderator of the forums listed in `moderatedForumIds`, and only there.
 */
export function canModerateForum(user: AuthUser | undefined, forumId: string): boolean {
  if (!user || user.status === 'suspended') return false;
  return isGlobalModerator(user) || user.moderatedForumIds.includes(forumId);
}

export function isGlobalModerator(user: AuthUser | undefined): boolean {
  if (!user || user.status === 'suspended') return false;
  return user.roles.includes('admin') || user.roles.includes('moderator');
}

/** Moderates at least one forum: may open the review queue (scoped to their forums). */
export function isAnyModerator(user: AuthUser | undefined): boolean {
  return (
    isGlobalModerator(user) || (!!user && user.status !== 'suspended' && user.moderatedForumIds.length > 0)
  );
}
