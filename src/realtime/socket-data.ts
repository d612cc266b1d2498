import type { BroadcastOperator, Server, Socket } from 'socket.io';
import type { AuthUser } from '../auth/access-policy';
import type { ServerViews } from '../infra/events/forum-events';
import type { SentMessage } from '../boards/board-messaging.service';
import type {
  Ack,
  ClientCommandName,
  CommandReplies,
  RoomEventName,
  RoomEventPayload,
  ServerToClientEvents,
} from './socket-protocol';

/** What the server keeps on each socket (restored with it by connection state recovery). */
export interface SocketData {
  /** Undefined for anonymous sockets (read-only on public areas). */
  user?: AuthUser;
  /** The handshake's access token, re-verified before each write so a suspension or logout applies at once. */
  token?: string;
  /** The session (access token `sid`) the socket signed in with: logging out ends this socket too. */
  sessionId?: string;
  /** Last time this socket announced typing, per room (throttle). */
  typingAt?: Record<string, number>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- socket.io's own default event map type
type AnyEvents = Record<string, (...args: any[]) => void>;
/** The server's views in the protocol's maps (the web client supplies its generated types for the same views). */
export interface ServerSocketViews extends ServerViews {
  sentMessage: SentMessage;
}

/** What this server emits, checked against the protocol's event map (the web client reads the same map). */
export type ParleyEmits = ServerToClientEvents<ServerSocketViews>;

/** What the gateway answers a command with, as the protocol's map says. */
export type CommandReply<C extends ClientCommandName> = Ack<CommandReplies<ServerSocketViews>[C]>;
export type ParleySocket = Socket<AnyEvents, ParleyEmits, AnyEvents, SocketData>;
export type ParleyServer = Server<AnyEvents, ParleyEmits, AnyEvents, SocketData>;

/** The private room of one user's sockets: notifications, and the target of a suspension disconnect. */
export const userRoom = (userId: string) => `user:${userId}`;

/** The sockets of one sign-in session, so ending that session (logout) disconnects exactly them. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/**
 * Emits to this one socket synchronously. With connection state recovery on, `socket.emit` goes through the
 * adapter, and the Redis adapter delivers only after its stream write: a replay or a disconnect reason could
 * then arrive after the acknowledgement or the disconnect that follows it. A local emit keeps the order.
 */
export function emitNow<E extends keyof ParleyEmits>(
  socket: ParleySocket,
  event: E,
  payload: EmitArg<E>,
): void {
  emitEvent(socket.nsp.local.to(socket.id), event, payload);
}

/** A room event to a room, for a name known as a type parameter (TypeScript cannot reduce EmitArg<E> there). */
export function emitRoomEvent<E extends RoomEventName>(
  target: { emit: BroadcastOperator<ParleyEmits, SocketData>['emit'] },
  event: E,
  payload: RoomEventPayload<ServerViews, E>,
): void {
  emitEvent(target, event, payload as EmitArg<RoomEventName>);
}

/** The one argument an event of this name carries. */
export type EmitArg<E extends keyof ParleyEmits> = Parameters<ParleyEmits[E]>[0];

/**
 * Emits an event whose name is a type parameter (a helper's `E`) to a socket, a room or a server: socket.io's own
 * typing resolves only a literal name, so the map is checked here, on the caller's arguments.
 */
export function emitEvent<E extends keyof ParleyEmits>(
  target: { emit: BroadcastOperator<ParleyEmits, SocketData>['emit'] },
  event: E,
  payload: EmitArg<E>,
): void {
  (target.emit as (event: string, payload: unknown) => boolean).call(target, event, payload);
}
