import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { canModerateForum } from '../auth/forum-moderation.policy';
import { ForumsService } from '../forums/forums.service';
import { ForumEvent, type ForumEventPayloads } from '../infra/events/forum-events';
import { toAuthUser } from '../users/user';
import { UsersService } from '../users/users.service';
import { userRoom, type SocketData } from './socket-data';
import { parseRoom, roomName } from './socket-protocol';
import { SocketServerRef } from './socket-server.ref';

/** What this needs of a socket that may live on another instance (socket.io's RemoteSocket). */
interface RoomMember {
  data: SocketData;
  rooms: Set<string>;
  leave(room: string): void;
}

/**
 * Mod rooms carry held posts and messages, personal data included. When someone's moderation rights shrink
 * (roles, their forums, a forum's own moderator list), their sockets leave every mod room they may no longer
 * follow, on every instance, at once: joining authorises with the account as it is now, but a socket already
 * in the room would otherwise keep hearing it until it disconnects.
 */
@Injectable()
export class ModeratorRoomsListener {
  constructor(
    private readonly serverRef: SocketServerRef,
    private readonly users: UsersService,
    private readonly forums: ForumsService,
  ) {}

  @OnEvent(ForumEvent.ModerationRightsChanged, { async: true, promisify: true })
  async rightsChanged(change: ForumEventPayloads['moderation.rights_changed']): Promise<void> {
    const server = this.serverRef.get();
    if (!server) return;
    const room = 'userId' in change ? userRoom(change.userId) : roomName('mod', change.forumId);
    const sockets = await server.in(room).fetchSockets();
    await Promise.all(sockets.map((socket) => this.recheck(socket)));
  }

  private async recheck(socket: RoomMember): Promise<void> {
    const userId = socket.data?.user?.id;
    const account = userId ? await this.users.findById(userId) : null;
    const user = account && !account.deleted ? toAuthUser(account) : undefined;
    for (const room of socket.rooms) {
      const ref = parseRoom(room);
      if (ref?.kind !== 'mod') continue;
      const forum = await this.forums.findById(ref.key);
      if (!forum || !canModerateForum(user, forum.id)) socket.leave(room);
    }
  }
}
