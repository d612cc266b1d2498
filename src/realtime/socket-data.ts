import type { Server, Socket } from 'socket.io';
import type { AuthUser } from '../auth/access-policy';

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
export type ParleySocket = Socket<AnyEvents, AnyEvents, AnyEvents, SocketData>;
export type ParleyServer = Server<AnyEvents, AnyEvents, AnyEvents, SocketData>;

/** The private room of one user's sockets: notifications, and the target of a suspension disconnect. */
export const userRoom = (userId: string) => `user:${userId}`;

/** The sockets of one sign-in session, so ending that session (logout) disconnects exactly them. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/**
 * Emits to this one socket synchronously. With connection state recovery on, `socket.emit` goes through the
 * adapter, and the Redis adapter delivers only after its stream write: a replay or a disconnect reason could
 * then arrive after the acknowledgement or the disconnect that follows it. A local emit keeps the order.
 */
export function emitNow(socket: ParleySocket, event: string, payload: object): void {
  socket.nsp.local.to(socket.id).emit(event, payload);
}
