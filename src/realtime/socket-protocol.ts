/**
 * The socket.io protocol shared by the server and the web client. Framework-free on purpose (no Nest, no
 * Node APIs): the React client imports this file as is. docs/realtime.md describes the delivery guarantee.
 */

/** Commands a client sends; each takes one payload object and an acknowledgement callback. */
export const ClientCommand = {
  Join: 'join',
  Leave: 'leave',
  MessageSend: 'message.send',
  Typing: 'typing',
  Read: 'read',
} as const;
export type ClientCommandName = (typeof ClientCommand)[keyof typeof ClientCommand];

/** Events the server sends: past-tense facts, plus presence, typing and the reason before a forced disconnect. */
export const ServerEvent = {
  PostCreated: 'post.created',
  PostUpdated: 'post.updated',
  PostRedacted: 'post.redacted',
  PostRemoved: 'post.removed',
  PostHeld: 'post.held',
  PostLiked: 'post.liked',
  TopicLocked: 'topic.locked',
  TopicCreated: 'topic.created',
  TopicUpdated: 'topic.updated',
  MessageCreated: 'message.created',
  MessageUpdated: 'message.updated',
  MessageRedacted: 'message.redacted',
  MessageRemoved: 'message.removed',
  MessageHeld: 'message.held',
  Typing: 'typing',
  Presence: 'presence',
  Notification: 'notification',
  /**
   * Sent just before the server disconnects a socket: `{ code, message, reconnect? }`. `reconnect: true`
   * (code `server_restarting`) asks the client to reconnect and rejoin; otherwise it must not just come back.
   */
  Disconnecting: 'disconnect.reason',
} as const;
export type ServerEventName = (typeof ServerEvent)[keyof typeof ServerEvent];

/** `forum:<slug>`, `topic:<id>`, `board:<slug>`, or `mod:<forumId>` (moderators of that forum only). */
export type RoomKind = 'forum' | 'topic' | 'board' | 'mod';
export interface RoomRef {
  kind: RoomKind;
  key: string;
}

const ROOM = /^(forum|topic|board|mod):([A-Za-z0-9_-]{1,64})$/;

export function parseRoom(room: string): RoomRef | null {
  const match = ROOM.exec(room);
  return match ? { kind: match[1] as RoomKind, key: match[2] } : null;
}

export const roomName = (kind: RoomKind, key: string) => `${kind}:${key}`;

/** Every room event carries the room and its per-room `eventSeq` (1, 2, 3 … with no gaps). */
export interface RoomEventEnvelope {
  room: string;
  eventSeq: number;
  [field: string]: unknown;
}

export interface JoinPayload {
  room: string;
  /** The last eventSeq the client applied for this room; omitted on a first join (no replay). */
  lastEventSeq?: number;
}

export interface JoinReply {
  room: string;
  /** The room's newest eventSeq once the replay (sent as ordinary events before this reply) is done. */
  lastEventSeq: number;
  /** How many missed events were sent again before this reply. */
  replayed: number;
  /** True when the gap was too large (or too old) to replay: reload the room over REST, then use lastEventSeq. */
  resync: boolean;
  notice: { version: number; acknowledged: boolean };
  moderator: boolean;
}

export interface MessageSendPayload {
  board: string;
  body: string;
  replyTo?: number;
  clientId?: string;
  acknowledgePersonalData?: string;
}

export interface TypingPayload {
  room: string;
}

export interface ReadPayload {
  room: string;
  seq: number;
}

/** The same body the REST API answers errors with. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

export type Ack<T> = ({ ok: true } & T) | { ok: false; error: ErrorBody };

export interface PresenceEvent {
  room: string;
  viewers: number;
}

export interface TypingEvent {
  room: string;
  userId: string;
  username: string;
  /** The indicator disappears after this long unless another typing event arrives. */
  expiresInMs: number;
}

/** Server limits the client should respect (exceeding them ends in `disconnecting` and a disconnect). */
export const SocketLimits = {
  maxRoomsPerSocket: 50,
  eventsPerSecond: 20,
  eventBurst: 40,
  maxPacketBytes: 16 * 1024,
  typingIntervalMs: 2000,
  typingExpiresMs: 5000,
  replayBound: 500,
} as const;
