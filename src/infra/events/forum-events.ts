import type { RoomEventFacts } from './room-event-map';

/**
 * Domain events: past-tense facts, emitted after the write is stored. Services emit them through EventBus;
 * the realtime broadcaster, notifications, audit and the review queue listen. Add new events here only.
 * Payloads carry plain views (no mongoose documents) and never personal-data values outside the post text.
 */
export const ForumEvent = {
  PostCreated: 'post.created',
  PostStored: 'post.stored',
  PostUpdated: 'post.updated',
  PostRedacted: 'post.redacted',
  PostRemoved: 'post.removed',
  PostHeld: 'post.held',
  PostLiked: 'post.liked',
  TopicCreated: 'topic.created',
  TopicLocked: 'topic.locked',
  TopicUpdated: 'topic.updated',
  MessageCreated: 'message.created',
  MessageStored: 'message.stored',
  MessageUpdated: 'message.updated',
  MessageRedacted: 'message.redacted',
  MessageRemoved: 'message.removed',
  MessageHeld: 'message.held',
  NotificationCreated: 'notification.created',
  UserRestricted: 'user.restricted',
  UserDeleted: 'user.deleted',
  ModerationActionTaken: 'moderation.action_taken',
  ModerationRightsChanged: 'moderation.rights_changed',
  SessionEnded: 'session.ended',
  UserErased: 'user.erased',
} as const;

export type ForumEventName = (typeof ForumEvent)[keyof typeof ForumEvent];

/** Whom a post mentions and which posts it quotes, as its follow-up work resolved them. */
export interface PostReferences {
  mentionedUserIds: string[];
  quotedPostIds: string[];
}

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

/** The views the server's events carry (socket-protocol's EventViews, on the server's side). */
export interface ServerViews {
  post: ContentView;
  message: ContentView;
  topicChange: Record<string, unknown>;
  notification: Record<string, unknown>;
  sentMessage: unknown;
}

/** What viewers are told: the domain events that become room events carry at least that (one map, both ends). */
type Live = RoomEventFacts<ServerViews>;

/**
 * Set when a retried write (same clientId) found its content already stored: the process that stored it may
 * have died before announcing it (SIGKILL between the insert and the event), so it is announced again, and
 * listeners that must not repeat themselves (the room log) first check whether they already handled it.
 */
interface Redelivery {
  redelivery?: boolean;
}

/**
 * The room event's number, taken with the write (RoomSequence), when the write path announced it live before
 * answering (`*.stored`); the follow-up work then delivers `*.created` with the same number and `live: true`,
 * and the broadcaster logs it under that number (and sends it again when `live` is false: a sweep after a
 * crash cannot know whether viewers got it; clients drop the duplicate by eventSeq).
 */
interface Numbered {
  eventSeq?: number;
  live?: boolean;
  /** False when the post holds no acknowledged personal data, so the review queue need not read it. */
  reviewable?: boolean;
}

export interface ForumEventPayloads {
  /**
   * `references`: the mentions and quotes the follow-up work resolved, which it stores only when it ends (absent:
   * read them from the stored post). Never sent to sockets.
   */
  'post.created': Live['post.created'] & { references?: PostReferences } & Redelivery & Numbered;
  /** Stored and numbered, before the answer: live viewers of the topic are told now, the rest follows. */
  'post.stored': Live['post.created'] & { eventSeq: number };
  'post.updated': Live['post.updated'];
  'post.redacted': Live['post.redacted'];
  'post.removed': Live['post.removed'];
  'post.held': Live['post.held'] & Redelivery;
  'post.liked': Live['post.liked'];
  'topic.created': Live['topic.created'];
  'topic.locked': Live['topic.locked'];
  'topic.updated': Live['topic.updated'];
  'message.created': Live['message.created'] & Redelivery & Numbered;
  'message.stored': Live['message.created'] & { eventSeq: number };
  'message.updated': Live['message.updated'];
  'message.redacted': Live['message.redacted'];
  'message.removed': Live['message.removed'];
  /** A board message waiting for a moderator (review policy): to that forum's moderators only. */
  'message.held': Live['message.held'] & Redelivery;
  'notification.created': { userId: string; notification: Record<string, unknown> };
  'user.restricted': { userId: string; status: 'silenced' | 'suspended' | 'active'; until?: string };
  'user.deleted': { userId: string; deletePosts: boolean };
  /**
   * Who moderates what changed: a user's roles or forums, or a forum's own moderator list. The two lists are
   * mirrors (a user's `moderatedForumIds`, a forum's `moderatorIds`): `added`/`removed` say what the other side
   * must follow (forum ids for a user's change, user ids for a forum's), so one definition of "moderator" holds.
   */
  'moderation.rights_changed':
    | { userId: string; added?: string[]; removed?: string[] }
    | { forumId: string; added?: string[]; removed?: string[] };
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
  /**
   * Sessions ended (logout, a reused refresh token, a password change), stored already: their sockets go too,
   * on every instance. `sessionId`: that one session; otherwise every session of the user but `exceptSessionId`.
   */
  'session.ended': {
    userId: string;
    reason: SessionEndReason;
    sessionId?: string;
    exceptSessionId?: string;
  };
  /**
   * Emitted with user.deleted: the account's former username, for the listeners that erase copies of it in
   * other users' content (quote headers, mentions, search text). In-process only, never sent to a socket.
   */
  'user.erased': { userId: string; username: string };
}

export type SessionEndReason = 'logout' | 'refresh_reused' | 'password_changed';
