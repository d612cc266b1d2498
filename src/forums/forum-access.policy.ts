import type { AuthUser } from '../auth/access-policy';
import type { Forum } from './forum';

/** Public forums are readable by anyone, members forums by any signed-in (not suspended) user. */
export function canReadForum(user: AuthUser | undefined, forum: Forum): boolean {
  if (forum.visibility === 'public') return true;
  return !!user && user.status !== 'suspended';
}
