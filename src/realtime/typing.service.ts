import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { AppError } from '../infra/errors/app-error';
import { BroadcasterListener } from './broadcaster.listener';
import type { ParleySocket } from './socket-data';
import { parseRoom, ServerEvent, SocketLimits, type TypingEvent } from './socket-protocol';

/**
 * "Someone is typing": at most one announcement per socket and room every typingIntervalMs; the others
 * in the room drop the indicator after expiresInMs unless it is repeated, so no "stopped typing" is needed.
 */
@Injectable()
export class TypingService {
  constructor(private readonly broadcaster: BroadcasterListener) {}

  typed(socket: ParleySocket, user: AuthUser, room: string): { throttled: boolean } {
    // "Someone is typing" announces a post: a silenced account may not post, so it does not announce one.
    if (user.status === 'silenced') {
      throw new AppError('account_silenced', 'Your account is silenced: you cannot post for now');
    }
    const kind = parseRoom(room)?.kind;
    if (kind !== 'board' && kind !== 'topic') {
      throw new AppError('room_not_supported', 'Typing is shown in board and topic rooms only');
    }
    if (!socket.rooms.has(room)) throw new AppError('not_in_room', 'Join the room first');
    const now = Date.now();
    const typingAt = (socket.data.typingAt ??= {});
    if (now - (typingAt[room] ?? 0) < SocketLimits.typingIntervalMs) return { throttled: true };
    typingAt[room] = now;
    const event: TypingEvent = {
      room,
      userId: user.id,
      username: user.username,
      expiresInMs: SocketLimits.typingExpiresMs,
    };
    this.broadcaster.emitEphemeral(room, ServerEvent.Typing, event, socket.id);
    return { throttled: false };
  }

  /** A sent message ends the typing it announced: the next keystroke there announces again at once. */
  sent(socket: ParleySocket, room: string): void {
    if (socket.data.typingAt) delete socket.data.typingAt[room];
  }
}
