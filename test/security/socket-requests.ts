import { ClientCommand, type Ack } from '../../src/realtime/socket-protocol';
import type { TestSocket } from '../helpers/socket-client';
import type { AuthorizationWorld, Scope } from './authorization-world';

/**
 * For every socket command and variant of SOCKET_POLICY, a valid command on the actor's socket (a suspended
 * actor has none: the handshake refused it). Rooms are named as the web client names them.
 */
export type SocketRequest = (
  w: AuthorizationWorld,
  socket: TestSocket,
) => Promise<Ack<Record<string, unknown>>>;

type RoomKind = 'forum' | 'topic' | 'board' | 'mod';

export function roomOf(w: AuthorizationWorld, kind: RoomKind, scope: Scope): string {
  const fixture = w.scope(scope);
  switch (kind) {
    case 'forum':
      return `forum:${fixture.forum.slug}`;
    case 'topic':
      return `topic:${fixture.topic.id}`;
    case 'board':
      return `board:${fixture.board.slug}`;
    case 'mod':
      return `mod:${fixture.forum.id}`;
  }
}

const join =
  (kind: RoomKind, scope: Scope): SocketRequest =>
  (w, socket) =>
    socket.send(ClientCommand.Join, { room: roomOf(w, kind, scope) });

/** Typing is announced in a room one has joined: join first (whatever it answers), then type. */
const typing =
  (kind: RoomKind, scope: Scope): SocketRequest =>
  async (w, socket) => {
    const room = roomOf(w, kind, scope);
    await socket.send(ClientCommand.Join, { room });
    return socket.send(ClientCommand.Typing, { room });
  };

const send =
  (scope: Scope): SocketRequest =>
  (w, socket) =>
    socket.send(ClientCommand.MessageSend, {
      board: w.scope(scope).board.slug,
      body: 'Sent over the socket',
    });

const read =
  (kind: RoomKind, scope: Scope): SocketRequest =>
  (w, socket) =>
    socket.send(ClientCommand.Read, { room: roomOf(w, kind, scope), seq: 1 });

export const SOCKET_REQUESTS: Record<string, Record<string, SocketRequest>> = {
  [ClientCommand.Join]: {
    'forum/public': join('forum', 'public'),
    'forum/members': join('forum', 'members'),
    'topic/public': join('topic', 'public'),
    'topic/members': join('topic', 'members'),
    'board/public': join('board', 'public'),
    'board/members': join('board', 'members'),
    'mod/public': join('mod', 'public'),
    'mod/members': join('mod', 'members'),
  },
  [ClientCommand.Leave]: {
    any: (w, socket) => socket.send(ClientCommand.Leave, { room: roomOf(w, 'board', 'members') }),
  },
  [ClientCommand.MessageSend]: { public: send('public'), members: send('members') },
  [ClientCommand.Typing]: {
    'topic/public': typing('topic', 'public'),
    'board/members': typing('board', 'members'),
  },
  [ClientCommand.Read]: {
    'board/public': read('board', 'public'),
    'topic/members': read('topic', 'members'),
  },
};
