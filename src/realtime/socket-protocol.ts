/**
 * The socket.io protocol shared by the server and the web client. Framework-free on purpose (no Nest, no
 * Node APIs): the React client imports this file as is. docs/realtime.md describes the delivery guarantee.
 */

import type { EventViews, RoomEventName, RoomEventPayload } from '../infra/events/room-event-map';

// The room events' map lives beside the domain events that fill it; clients read it from here.
export type {
  EventViews,
  RemovalStatus,
  RoomEnvelope,
  RoomEvent,
  RoomEventFacts,
  RoomEventName,
  RoomEventPayload,
} from '../infra/events/room-event-map';

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
  /** Sent just before the server disconnects a socket (DisconnectReason). */
  Disconnecting: 'disconnect.reason',
  /** A command sent without an acknowledgement failed (ErrorBody); with one, the acknowledgement says so. */
  Exception: 'exception',
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

/** Every room event, for clients that listen to them all (each carries `room` and `eventSeq`). */
export const RoomEvents = [
  ServerEvent.PostCreated,
  ServerEvent.PostUpdated,
  ServerEvent.PostRedacted,
  ServerEvent.PostRemoved,
  ServerEvent.PostHeld,
  ServerEvent.PostLiked,
  ServerEvent.TopicLocked,
  ServerEvent.TopicCreated,
  ServerEvent.TopicUpdated,
  ServerEvent.MessageCreated,
  ServerEvent.MessageUpdated,
  ServerEvent.MessageRedacted,
  ServerEvent.MessageRemoved,
  ServerEvent.MessageHeld,
] as const satisfies readonly RoomEventName[];

/** Sent just before the server disconnects a socket. */
export interface DisconnectReason {
  code: string;
  message: string;
  /** True (code `server_restarting`): reconnect and rejoin; otherwise the client must not just come back. */
  reconnect?: boolean;
}

/** socket.io's server-to-client event map: every event the server sends, with its one argument. */
export type ServerToClientEvents<V extends EventViews> = {
  [E in RoomEventName]: (payload: RoomEventPayload<V, E>) => void;
} & {
  typing: (event: TypingEvent) => void;
  presence: (event: PresenceEvent) => void;
  notification: (notification: V['notification']) => void;
  'disconnect.reason': (reason: DisconnectReason) => void;
  exception: (error: ErrorBody) => void;
};

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

export interface LeavePayload {
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

interface CommandPayloads {
  join: JoinPayload;
  leave: LeavePayload;
  'message.send': MessageSendPayload;
  typing: TypingPayload;
  read: ReadPayload;
}

/** What each command's acknowledgement carries besides `ok: true`. */
export interface CommandReplies<V extends EventViews> {
  join: JoinReply;
  leave: { room: string };
  'message.send': V['sentMessage'];
  /** `throttled`: the indicator went out less than typingIntervalMs ago, so this one was not sent. */
  typing: { throttled: boolean };
  read: { room: string; lastReadSeq: number };
}

/** socket.io's client-to-server map: every command with its payload and its acknowledgement. */
export type ClientToServerEvents<V extends EventViews> = {
  [C in ClientCommandName]: (
    payload: CommandPayloads[C],
    ack: (reply: Ack<CommandReplies<V>[C]>) => void,
  ) => void;
};

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
