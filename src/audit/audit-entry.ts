import type { AuthUser } from '../auth/access-policy';

export type ActorRole = 'admin' | 'moderator' | 'forum-moderator' | 'member' | 'system';

/**
 * One moderation or administration action. Never holds the content that was acted on (a removed phone number
 * must not survive in the audit log): only who, what, on which target, why, and how many.
 */
export interface AuditEntryInput {
  actorId: string | null;
  actorRole: ActorRole;
  action: string;
  targetType: string;
  targetId: string;
  forumId?: string;
  reason?: string;
  counts?: Record<string, number>;
  /** Ids of users the action concerns (the author of a moderated post, the restricted user): their export. */
  subjectUserIds?: string[];
}

export interface AuditEntry extends AuditEntryInput {
  id: string;
  at: string;
}

export interface AuditFilter {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  forumId?: string;
  subjectUserId?: string;
  /** Entries of any of these forums (a forum moderator's view of the log). */
  forumIds?: string[];
  /** Only these target types (e.g. content actions for an author's history). */
  targetTypes?: string[];
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

/** The role an actor acted with, for the log: the highest they hold. */
export function actorRoleOf(user: AuthUser | undefined): ActorRole {
  if (!user) return 'system';
  if (user.roles.includes('admin')) return 'admin';
  if (user.roles.includes('moderator')) return 'moderator';
  if (user.moderatedForumIds.length > 0) return 'forum-moderator';
  return 'member';
}
