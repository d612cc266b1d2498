import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { BoardReadingService } from '../boards/board-reading.service';
import { AppError } from '../infra/errors/app-error';
import { NoticeStateService } from '../notices/notice-state.service';
import { TopicReadingService } from '../posts/topic-reading.service';
import { BroadcasterListener } from './broadcaster.listener';
import { PresenceService } from './presence.service';
import { RoomAccessService } from './room-access.service';
import { SocketConnectionsService } from './socket-connections.service';
import type { ParleySocket } from './socket-data';
import { parseRoom, roomName, SocketLimits, type JoinReply, type RoomRef } from './socket-protocol';

/** join / leave / read: authorise like REST, replay what was missed, keep presence and read marks. */
@Injectable()
export class RoomSubscriptionService {
  constructor(
    private readonly access: RoomAccessService,
    private readonly broadcaster: BroadcasterListener,
    private readonly presence: PresenceService,
    private readonly connections: SocketConnectionsService,
    private readonly notices: NoticeStateService,
    private readonly boardReading: BoardReadingService,
    private readonly topicReading: TopicReadingService,
  ) {}

  async join(socket: ParleySocket, room: string, lastEventSeq?: number): Promise<JoinReply | null> {
    const ref = requireRoom(room);
    const user = socket.data.user;
    const grant = await this.access.authorize(user, ref);
    if (!socket.rooms.has(room) && joinedRooms(socket) >= SocketLimits.maxRoomsPerSocket) {
      this.connections.kick(
        socket,
        'too_many_rooms',
        `A socket may join at most ${SocketLimits.maxRoomsPerSocket} rooms`,
      );
      return null;
    }
    const viewer = { user, moderator: grant.moderator };
    const replay = await this.broadcaster.joinWithReplay(socket, room, viewer, lastEventSeq);
    // Moderators also hear held posts and messages of this forum (post.held, message.held).
    if (grant.moderator && ref.kind !== 'mod') await socket.join(roomName('mod', grant.forumId));
    this.presence.changed(room);
    return { room, ...replay, notice: await this.notices.forUser(user), moderator: grant.moderator };
  }

  async leave(socket: ParleySocket, room: string): Promise<{ room: string }> {
    requireRoom(room);
    await socket.leave(room);
    this.presence.changed(room);
    return { room };
  }

  async read(user: AuthUser, room: string, seq: number): Promise<{ room: string; lastReadSeq: number }> {
    const ref = requireRoom(room);
    if (ref.kind === 'board') return { room, ...(await this.boardReading.markRead(user, ref.key, seq)) };
    if (ref.kind === 'topic') {
      const { lastReadSeq } = await this.topicReading.markRead(user, ref.key, seq);
      return { room, lastReadSeq };
    }
    throw new AppError('room_not_supported', 'Read positions are kept for board and topic rooms');
  }
}

function requireRoom(room: string): RoomRef {
  const ref = parseRoom(room);
  if (!ref)
    throw new AppError(
      'room_invalid',
      'room must be forum:<slug>, topic:<id>, board:<slug> or mod:<forumId>',
    );
  return ref;
}

/** Rooms the client asked for (not its own id room or its private user room). */
function joinedRooms(socket: ParleySocket): number {
  return [...socket.rooms].filter((room) => parseRoom(room) !== null).length;
}
