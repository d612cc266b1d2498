import type { AuthUser } from './access-policy';

/** Admins and global moderators moderate every forum; others only the forums assigned to them. */
export function canModerateForum(user: AuthUser | undefined, forumId: string): boolean {
  if (!user || user.status === 'suspended') return false;
  if (user.roles.includes('admin')) return true;
  if (user.roles.includes('moderator') && user.moderatedForumIds.length === 0) return true;
  return user.moderatedForumIds.includes(forumId);
}

export function isGlobalModerator(user: AuthUser | undefined): boolean {
  if (!user) return false;
  return user.roles.includes('admin') || (user.roles.includes('moderator') && user.moderatedForumIds.length === 0);
}
