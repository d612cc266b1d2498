/**
 * The room events' map: what each event a socket room receives carries, by name. Framework-free and without
 * imports (the web client compiles it through src/realtime/socket-protocol.ts). The domain events in
 * forum-events.ts are built from it, so an event cannot tell viewers less than this map promises.
 */

/** Every room event carries the room and its per-room `eventSeq` (1, 2, 3 … with no gaps). */
export interface RoomEnvelope {
  room: string;
  eventSeq: number;
}

/**
 * The content views events carry, supplied by each side: the server passes its own views, the web client the
 * types openapi-typescript generates from the same views, so one event map types both ends.
 */
export interface EventViews {
  /** A post as GET /api/topics/:id/posts answers it to a reader of the topic. */
  post: unknown;
  /** A board message as GET /api/boards/:slug/messages answers it. */
  message: unknown;
  /** The fields of a topic that changed (pinned, title …), as the topic view names them. */
  topicChange: unknown;
  /** A notification as GET /api/notifications answers it. */
  notification: unknown;
  /** What POST /api/boards/:slug/messages answers (and `message.send` acknowledges). */
  sentMessage: unknown;
}

interface TopicFacts {
  forumId: string;
  topicId: string;
  seq: number;
}

interface BoardFacts {
  boardId: string;
  boardSlug: string;
  seq: number;
}

/** Why content went: deleted by its author or removed by a moderator (absent: removed). */
export type RemovalStatus = 'deleted' | 'removed';

/**
 * What each room event carries besides its envelope, by name: the one map the broadcaster, the replay, the socket
 * types and the web client's handlers are checked against (test/types/socket-events.types.ts).
 */
export interface RoomEventFacts<V extends EventViews> {
  'post.created': TopicFacts & { post: V['post'] };
  'post.updated': TopicFacts & { post: V['post'] };
  /** `title`: the topic's title after redaction, when the post is the first one (the title may have changed). */
  'post.redacted': TopicFacts & { post: V['post']; counts: Record<string, number>; title?: string };
  'post.removed': TopicFacts & { postId: string; reason?: string; status?: RemovalStatus };
  /** To the forum's moderators only (`mod:` room). */
  'post.held': TopicFacts & { post: V['post']; reason: string };
  /** The post's new like count (never who liked). */
  'post.liked': TopicFacts & { postId: string; likeCount: number };
  'topic.locked': TopicFacts & { locked: boolean; byUserId: string };
  'topic.created': { forumId: string; forumSlug: string; topicId: string; title: string };
  'topic.updated': TopicFacts & { topic: V['topicChange'] };
  'message.created': BoardFacts & { message: V['message'] };
  'message.updated': BoardFacts & { message: V['message'] };
  'message.redacted': BoardFacts & { message: V['message']; counts: Record<string, number> };
  'message.removed': BoardFacts & { messageId: string; reason?: string; status?: RemovalStatus };
  /** To the forum's moderators only (`mod:` room). */
  'message.held': BoardFacts & { forumId: string; message: V['message']; reason: string };
}

export type RoomEventName = keyof RoomEventFacts<EventViews>;

export type RoomEventPayload<V extends EventViews, E extends RoomEventName> = RoomEventFacts<V>[E] &
  RoomEnvelope;

/** One room event as a handler receives it: narrowing on `name` types `payload`. */
export type RoomEvent<V extends EventViews> = {
  [E in RoomEventName]: { name: E; payload: RoomEventPayload<V, E> };
}[RoomEventName];
