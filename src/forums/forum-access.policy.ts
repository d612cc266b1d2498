import type { AuthUser } from '../auth/access-policy';
import { canModerateForum } from '../auth/forum-moderation.policy';
import type { Forum } from './forum';

/** Public forums are readable by anyone, members forums by any signed-in (not suspended) user. */
export function canReadForum(user: AuthUser | undefined, forum: Forum): boolean {
  if (forum.visibility === 'public') return true;
  return !!user && user.status !== 'suspended';
}

/** The forum's own moderator list counts as well as the user's moderatedForumIds and global roles. */
export function moderatesForum(user: AuthUser | undefined, forum: Forum): boolean {
  if (!user || user.status === 'suspended') return false;
  return canModerateForum(user, forum.id) || forum.moderatorIds.includes(user.id);
}
