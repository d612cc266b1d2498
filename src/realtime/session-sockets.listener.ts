import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ForumEvent, type ForumEventPayloads, type SessionEndReason } from '../infra/events/forum-events';
import { sessionRoom, userRoom } from './socket-data';
import { ServerEvent } from './socket-protocol';
import { SocketServerRef } from './socket-server.ref';

/** What the client shows in its connection badge after the cut. */
const MESSAGES: Record<SessionEndReason, string> = {
  logout: 'You signed out of this session',
  refresh_reused: 'Your session was ended because its sign-in was used twice: sign in again',
  password_changed: 'Your password was changed: sign in again',
};

/**
 * An ended session keeps no socket: without this, a socket opened before logout or a password change kept its
 * rooms and its private user room (held posts for a moderator, notifications) until it disconnected by itself.
 * Each socket is in its session's room (socket-connections.service), so a logout cuts that session's sockets
 * only, and a password change every other session's. `in(room).disconnectSockets()` goes through the adapter,
 * so sockets on other instances go as well (Redis streams adapter when REDIS_URL is set).
 */
@Injectable()
export class SessionSocketsListener {
  constructor(private readonly serverRef: SocketServerRef) {}

  @OnEvent(ForumEvent.SessionEnded, { async: true, promisify: true })
  sessionEnded(ended: ForumEventPayloads['session.ended']): void {
    const server = this.serverRef.get();
    if (!server) return;
    const reason = { code: 'session_ended', message: MESSAGES[ended.reason] };
    if (ended.sessionId) {
      const room = sessionRoom(ended.sessionId);
      server.to(room).emit(ServerEvent.Disconnecting, reason);
      server.in(room).disconnectSockets(true);
      return;
    }
    const everyone = server.in(userRoom(ended.userId));
    const others = ended.exceptSessionId ? everyone.except(sessionRoom(ended.exceptSessionId)) : everyone;
    others.emit(ServerEvent.Disconnecting, reason);
    others.disconnectSockets(true);
  }
}
