import type { AuthUser, Role } from '../auth/access-policy';

export const NOTIFICATION_KINDS = ['replies', 'mentions', 'moderation', 'mailings'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NOTIFICATION_CHANNELS = ['inApp', 'email'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export type NotificationPreferences = Record<NotificationKind, Record<NotificationChannel, boolean>>;

/** Everything on by default except mailings by email (digests and newsletters are opt-in). */
export function defaultPreferences(): NotificationPreferences {
  return {
    replies: { inApp: true, email: true },
    mentions: { inApp: true, email: true },
    moderation: { inApp: true, email: true },
    mailings: { inApp: true, email: false },
  };
}

export interface NoticeAcknowledgement {
  version: number;
  acknowledgedAt: string;
}

export type UserStatus = AuthUser['status'];

/** A user as services see it: plain data, no password hash, no mongoose document. */
export interface User {
  id: string;
  username: string;
  email: string | null;
  /** When the current address was confirmed through the mailed link; null: not (yet) verified. */
  emailVerifiedAt: string | null;
  /** Asked for, not confirmed yet: mail still goes to `email`. */
  pendingEmail: string | null;
  /**
   * Whether this account holds `email`. False for a registration that gave an address another account holds:
   * the answer was the same as for a free one (no enumeration), but the address is shown to its writer only,
   * never mailed for this account, never confirmed and never a sign-in name (the owner got a notice instead).
   */
  holdsEmail: boolean;
  displayName: string;
  roles: Role[];
  moderatedForumIds: string[];
  status: UserStatus;
  silencedUntil: string | null;
  suspendedUntil: string | null;
  restrictionReason: string | null;
  createdAt: string;
  lastSeenAt: string | null;
  notificationPreferences: NotificationPreferences;
  noticeAcknowledgements: NoticeAcknowledgement[];
  deleted: boolean;
}

/** How other modules show an author: a deleted account is "deleted user" with no username. */
export interface PublicProfile {
  id: string;
  username: string | null;
  displayName: string;
}

export const DELETED_USER_NAME = 'deleted user';

export function toAuthUser(user: User): AuthUser {
  const versions = user.noticeAcknowledgements.map((ack) => ack.version);
  return {
    id: user.id,
    username: user.username,
    roles: user.roles,
    moderatedForumIds: user.moderatedForumIds,
    status: user.status,
    noticeVersionAcknowledged: versions.length > 0 ? Math.max(...versions) : undefined,
    loadedAt: Date.now(),
  };
}

/** What an admin sees of an account: no password hash, no preferences, no notice history. */
export function toAdminUserView(user: User) {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    moderatedForumIds: user.moderatedForumIds,
    status: user.status,
    silencedUntil: user.silencedUntil,
    suspendedUntil: user.suspendedUntil,
    restrictionReason: user.restrictionReason,
    createdAt: user.createdAt,
    lastSeenAt: user.lastSeenAt,
  };
}
export type AdminUserView = ReturnType<typeof toAdminUserView>;

/** The signed-in user's own view of their account (GET /api/me): the admin's view plus their own settings. */
export function toAccountView(user: User) {
  return {
    ...toAdminUserView(user),
    emailVerified: user.emailVerifiedAt !== null,
    pendingEmail: user.pendingEmail,
    notificationPreferences: user.notificationPreferences,
    noticeAcknowledgements: user.noticeAcknowledgements,
  };
}
export type AccountView = ReturnType<typeof toAccountView>;
