import { ClientCommand, ServerEvent } from '../../src/realtime/socket-protocol';
import { UsersService } from '../../src/users/users.service';
import { ACTORS, HANDSHAKE, SOCKET_POLICY, type Actor, type Expected } from './authorization-policy';
import { AuthorizationWorld } from './authorization-world';
import { roomOf, SOCKET_REQUESTS } from './socket-requests';
import { connectSocket, disconnected, refusedHandshake, type TestSocket } from '../helpers/socket-client';
import { startApp, type TestApp } from '../helpers/start-app';

type Connection = { socket: TestSocket } | { refused: { statusCode?: number; code?: string } };

/**
 * The socket half of the authorization matrix: every command × variant × actor, over a real socket.io
 * connection per actor, answered (in the acknowledgement) as SOCKET_POLICY declares.
 */
describe('Authorization matrix over sockets', () => {
  let api: TestApp;
  let world: AuthorizationWorld;
  const connections = new Map<Actor, Connection>();

  beforeAll(async () => {
    api = await startApp();
    world = await AuthorizationWorld.build(api, { scopes: true });
    for (const actor of ACTORS) {
      const token = world.user(actor)?.token;
      if (HANDSHAKE[actor] === 'ok') {
        connections.set(actor, { socket: await connectSocket(api.url, { token }) });
      } else {
        const error = await refusedHandshake(api.url, { token });
        connections.set(actor, { refused: (error.data ?? {}) as { statusCode?: number; code?: string } });
      }
    }
  });
  afterAll(async () => {
    for (const connection of connections.values()) if ('socket' in connection) connection.socket.close();
    await api.close();
  });

  it('accepts every handshake but a suspended account’s, which it refuses saying why', () => {
    const refused = [...connections].filter(([, c]) => 'refused' in c).map(([actor, c]) => [actor, c]);
    expect(refused).toEqual([
      ['suspended', { refused: expect.objectContaining({ statusCode: 403, code: 'account_suspended' }) }],
    ]);
  });

  it('stops a socket whose session ended from keeping read marks or announcing typing', async () => {
    const user = await world.clone('member');
    const socket = await connectSocket(api.url, { token: user.token });
    try {
      const room = roomOf(world, 'topic', 'public');
      expect((await socket.send(ClientCommand.Join, { room })).ok).toBe(true);
      expect((await socket.send(ClientCommand.Read, { room, seq: 1 })).ok).toBe(true);
      // The session's sockets end with it (session.ended), so nothing more can be sent as that user.
      const gone = disconnected(socket.socket);
      await api.http.post('/api/auth/logout').set(user.auth).expect(204);
      expect(await gone).toBe('io server disconnect');
      expect(socket.named(ServerEvent.Disconnecting)[0]?.data).toMatchObject({ code: 'session_ended' });
    } finally {
      socket.close();
    }
  });

  it('stops a member silenced after connecting from announcing typing at once', async () => {
    const user = await world.clone('member');
    const socket = await connectSocket(api.url, { token: user.token });
    try {
      const room = roomOf(world, 'board', 'public');
      expect((await socket.send(ClientCommand.Join, { room })).ok).toBe(true);
      await api.app.get(UsersService).restrict(user.id, { status: 'silenced', reason: 'cool down' });
      const ack = await socket.send(ClientCommand.Typing, { room });
      expect(ack.ok ? 'ok' : ack.error.code).toBe('account_silenced');
    } finally {
      socket.close();
    }
  });

  it('takes the mod room away from a moderator whose forums are taken away, at once and for good', async () => {
    const moderator = await world.clone('moderator');
    const socket = await connectSocket(api.url, { token: moderator.token });
    const witness = connections.get('globalModerator');
    if (!witness || !('socket' in witness)) throw new Error('the global moderator is not connected');
    try {
      const forumRoom = roomOf(world, 'forum', 'members');
      const joined = await socket.send<{ moderator: boolean }>(ClientCommand.Join, { room: forumRoom });
      expect(joined.ok && joined.moderator).toBe(true);
      expect((await witness.socket.send(ClientCommand.Join, { room: forumRoom })).ok).toBe(true);
      await api.http
        .put(`/api/admin/users/${moderator.id}/moderated-forums`)
        .set(world.users.admin.auth)
        .send({ forumIds: [] })
        .expect(200);
      const held = await world.freshPost('members', 'held');
      const aboutHeld = (data: Record<string, unknown>) => (data.post as { id?: string })?.id === held.id;
      await witness.socket.waitFor(ServerEvent.PostHeld, 1, aboutHeld);
      // Anything the server sent this socket before the witness got the event arrives before this answer.
      await socket.send(ClientCommand.Leave, { room: roomOf(world, 'board', 'public') });
      expect(socket.named(ServerEvent.PostHeld).filter(({ data }) => aboutHeld(data))).toEqual([]);
      const again = await socket.send(ClientCommand.Join, { room: roomOf(world, 'mod', 'members') });
      expect(again.ok ? 'ok' : again.error.code).toBe('forbidden');
      const rejoined = await socket.send<{ moderator: boolean }>(ClientCommand.Join, { room: forumRoom });
      expect(rejoined.ok && rejoined.moderator).toBe(false);
    } finally {
      socket.close();
    }
  });

  describe.each(Object.keys(SOCKET_POLICY))('%s', (command) => {
    it('answers every actor as the policy declares', async () => {
      const cases = Object.entries(SOCKET_POLICY[command]).flatMap(([variant, row]) =>
        ACTORS.map((actor) => ({ variant, actor, expected: row[actor] })),
      );
      const results = await Promise.all(
        cases.map(async ({ variant, actor, expected }) => {
          const connection = connections.get(actor)!;
          let got: Expected | number | undefined;
          let detail = '';
          if ('refused' in connection) {
            got = connection.refused.statusCode;
            detail = `refused at the handshake: ${connection.refused.code}`;
          } else {
            const ack = await SOCKET_REQUESTS[command][variant](world, connection.socket);
            got = ack.ok ? 'ok' : ack.error.statusCode;
            detail = ack.ok ? '' : `${ack.error.code} ${ack.error.message}`;
          }
          return got === expected ? null : { variant, actor, expected, got: `${got} ${detail}`.trim() };
        }),
      );
      expect(results.filter((result) => result !== null)).toEqual([]);
    });
  });
});
