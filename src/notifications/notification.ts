/** Which preference governs a notification (users' `notificationPreferences` kinds). */
export type NotificationKind = 'replies' | 'mentions' | 'moderation';

export type NotificationType =
  | 'reply'
  | 'mention'
  | 'quote'
  /** A new post in a topic or forum the recipient watches. */
  | 'watched_post'
  | 'content_moderated'
  | 'post_approved'
  | 'post_rejected'
  | 'account_restricted'
  | 'account_restriction_lifted';

/** Where the notification leads; ids only. */
export interface NotificationLink {
  forumId?: string;
  topicId?: string;
  postId?: string;
  messageId?: string;
  seq?: number;
}

/** One inbox entry. `excerpt` is a short cut of the text at most, and redaction rewrites it. */
export interface Notification {
  id: string;
  userId: string;
  kind: NotificationKind;
  type: NotificationType;
  /** A one-line summary shown in the inbox ("A moderator hid your post"). */
  summary: string;
  excerpt: string | null;
  reason: string | null;
  /** The moderation action behind it (`hide`, `redact`, …) or null. */
  action: string | null;
  /** Who caused it, when that is not a moderator (repliers, mentioners); moderators stay anonymous. */
  actorId: string | null;
  link: NotificationLink;
  readAt: string | null;
  createdAt: string;
}

export type NewNotification = Omit<Notification, 'id' | 'readAt' | 'createdAt'>;

export interface NotificationPage {
  items: Notification[];
  nextCursor: string | null;
}
