/**
 * Domain events: past-tense facts, emitted after the write is stored. Services emit them through EventBus;
 * the realtime broadcaster, notifications, audit and the review queue listen. Add new events here only.
 * Payloads carry plain views (no mongoose documents) and never personal-data values outside the post text.
 */
export const ForumEvent = {
  PostCreated: 'post.created',
  PostUpdated: 'post.updated',
  PostRedacted: 'post.redacted',
  PostRemoved: 'post.removed',
  PostHeld: 'post.held',
  TopicCreated: 'topic.created',
  TopicLocked: 'topic.locked',
  TopicUpdated: 'topic.updated',
  MessageCreated: 'message.created',
  MessageUpdated: 'message.updated',
  MessageRedacted: 'message.redacted',
  MessageRemoved: 'message.removed',
  MessageHeld: 'message.held',
  NotificationCreated: 'notification.created',
  UserRestricted: 'user.restricted',
  UserDeleted: 'user.deleted',
  ModerationActionTaken: 'moderation.action_taken',
  ModerationRightsChanged: 'moderation.rights_changed',
} as const;

export type ForumEventName = (typeof ForumEvent)[keyof typeof ForumEvent];

/** A rendered post or board message as readers see it. */
export interface ContentView {
  id: string;
  seq: number;
  authorId: string | null;
  authorName: string;
  html: string;
  status: string;
  [key: string]: unknown;
}

interface TopicFact {
  forumId: string;
  topicId: string;
  seq: number;
}
interface BoardFact {
  boardId: string;
  boardSlug: string;
  seq: number;
}

/**
 * Set when a retried write (same clientId) found its content already stored: the process that stored it may
 * have died before announcing it (SIGKILL between the insert and the event), so it is announced again, and
 * listeners that must not repeat themselves (the room log) first check whether they already handled it.
 */
interface Redelivery {
  redelivery?: boolean;
}

export interface ForumEventPayloads {
  'post.created': TopicFact & { post: ContentView } & Redelivery;
  'post.updated': TopicFact & { post: ContentView };
  /** `title`: the topic's title after redaction, when the post is the first one (the title may have changed). */
  'post.redacted': TopicFact & { post: ContentView; counts: Record<string, number>; title?: string };
  'post.removed': TopicFact & { postId: string; reason?: string };
  'post.held': TopicFact & { post: ContentView; reason: string } & Redelivery;
  'topic.created': { forumId: string; forumSlug: string; topicId: string; title: string };
  'topic.locked': TopicFact & { locked: boolean; byUserId: string };
  'topic.updated': TopicFact & { topic: Record<string, unknown> };
  'message.created': BoardFact & { message: ContentView } & Redelivery;
  'message.updated': BoardFact & { message: ContentView };
  'message.redacted': BoardFact & { message: ContentView; counts: Record<string, number> };
  'message.removed': BoardFact & { messageId: string; reason?: string };
  /** A board message waiting for a moderator (review policy): to that forum's moderators only. */
  'message.held': BoardFact & { forumId: string; message: ContentView; reason: string } & Redelivery;
  'notification.created': { userId: string; notification: Record<string, unknown> };
  'user.restricted': { userId: string; status: 'silenced' | 'suspended' | 'active'; until?: string };
  'user.deleted': { userId: string; deletePosts: boolean };
  /** Who moderates what changed: a user's roles or forums, or a forum's own moderator list. */
  'moderation.rights_changed': { userId: string } | { forumId: string };
  /**
   * A moderator acted on a post, board message or topic (after the change and its audit entry are stored):
   * notifications tell the author. Never carries the content or a removed value, only the reason given.
   */
  'moderation.action_taken': {
    action: string;
    targetType: 'post' | 'message' | 'topic';
    targetId: string;
    forumId: string;
    topicId?: string;
    /** The author of the content acted on; null for content of a deleted account. */
    subjectUserId: string | null;
    actorId: string;
    reason?: string;
  };
}
