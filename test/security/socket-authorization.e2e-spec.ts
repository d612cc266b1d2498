import { ClientCommand } from '../../src/realtime/socket-protocol';
import { UsersService } from '../../src/users/users.service';
import { ACTORS, HANDSHAKE, SOCKET_POLICY, type Actor, type Expected } from './authorization-policy';
import { AuthorizationWorld } from './authorization-world';
import { roomOf, SOCKET_REQUESTS } from './socket-requests';
import { connectSocket, refusedHandshake, type TestSocket } from '../helpers/socket-client';
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
      await api.http.post('/api/auth/logout').set(user.auth).expect(204);
      const refusals = [
        await socket.send(ClientCommand.Read, { room, seq: 2 }),
        await socket.send(ClientCommand.Typing, { room }),
      ].map((ack) => (ack.ok ? 'ok' : ack.error.code));
      expect(refusals).toEqual(['unauthenticated', 'unauthenticated']);
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
