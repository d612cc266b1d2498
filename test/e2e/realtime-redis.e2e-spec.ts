import { UsersService } from '../../src/users/users.service';
import { ClientCommand, ServerEvent } from '../../src/realtime/socket-protocol';
import {
  acknowledgedMember,
  createBoard,
  ensureAcknowledged,
  postMessage,
  type TestBoard,
} from '../factories/board.factory';
import { createForum } from '../factories/forum.factory';
import { createUser, type TestUser } from '../factories/user.factory';
import { disconnected, type TestSocket } from '../helpers/socket-client';
import type { TestApp } from '../helpers/start-app';
import { startTwoInstances, type TwoInstances } from '../helpers/two-instances';

/** Two application instances sharing one database and one real Redis (Debian's redis-server). */
describe('Real time across two instances with Redis', () => {
  let two: TwoInstances;
  let a: TestApp;
  let b: TestApp;
  let board: TestBoard;
  let ann: TestUser;
  let bob: TestUser;

  const connect = (api: TestApp, user?: TestUser) => two.connect(api, user);
  const join = (socket: TestSocket, room: string, lastEventSeq?: number) =>
    two.join(socket, room, lastEventSeq);

  beforeAll(async () => {
    two = await startTwoInstances();
    ({ a, b } = two);
    const admin = await createUser(a, { roles: ['admin'] });
    await ensureAcknowledged(a, admin);
    const forum = await createForum(a, admin);
    board = await createBoard(a, admin, forum.slug);
    ann = await acknowledgedMember(a);
    bob = await acknowledgedMember(a);
  });
  afterEach(() => two.closeSockets());
  afterAll(async () => {
    await two?.close();
  });

  it('reports Redis in the health check', async () => {
    const res = await a.http.get('/api/health').expect(200);
    expect(res.body.checks).toEqual({ database: 'up', redis: 'up' });
  });

  it('delivers a message posted on instance A to a socket connected to instance B, in order', async () => {
    const onB = await connect(b, bob);
    await join(onB, `board:${board.slug}`);
    const onA = await connect(a, ann);
    await join(onA, `board:${board.slug}`);
    for (let i = 1; i <= 3; i += 1) {
      const answer = await onA.send(ClientCommand.MessageSend, { board: board.slug, body: `from A ${i}` });
      expect(answer).toMatchObject({ ok: true });
    }
    await postMessage(b, bob, board.slug, 'from B over REST');
    for (const socket of [onA, onB]) {
      const seen = await socket.waitFor(ServerEvent.MessageCreated, 4);
      expect(seen.map((e) => (e.data.message as { html: string }).html)).toEqual([
        '<p>from A 1</p>\n',
        '<p>from A 2</p>\n',
        '<p>from A 3</p>\n',
        '<p>from B over REST</p>\n',
      ]);
    }
  });

  it('replays missed events on the other instance after a reconnect', async () => {
    const first = await connect(a, bob);
    await join(first, `board:${board.slug}`);
    await postMessage(a, ann, board.slug, 'before');
    const [seen] = await first.waitFor(ServerEvent.MessageCreated);
    first.close();
    await postMessage(a, ann, board.slug, 'missed on A');
    await postMessage(b, ann, board.slug, 'missed on B');
    const again = await connect(b, bob);
    const rejoined = await join(again, `board:${board.slug}`, seen.data.eventSeq as number);
    expect(rejoined).toMatchObject({ replayed: 2, resync: false });
    expect(
      again.named(ServerEvent.MessageCreated).map((e) => (e.data.message as { html: string }).html),
    ).toEqual(['<p>missed on A</p>\n', '<p>missed on B</p>\n']);
  });

  it('counts viewers on both instances together and shows typing across them', async () => {
    const own = await createBoard(
      a,
      await adminOf(a),
      (await a.http.get(`/api/boards/${board.slug}`)).body.forumSlug,
    );
    const room = `board:${own.slug}`;
    const onA = await connect(a, ann);
    const onB = await connect(b, bob);
    await join(onA, room);
    await join(onB, room);
    await onA.waitFor(ServerEvent.Presence, 1, (data) => data.viewers === 2);
    await onB.waitFor(ServerEvent.Presence, 1, (data) => data.viewers === 2);
    await onA.send(ClientCommand.Typing, { room });
    const [typing] = await onB.waitFor(ServerEvent.Typing);
    expect(typing.data).toMatchObject({ room, userId: ann.id });
  });

  it('disconnects a suspended user’s socket on the other instance', async () => {
    const carl = await acknowledgedMember(a);
    const onB = await connect(b, carl);
    await join(onB, `board:${board.slug}`);
    const gone = disconnected(onB.socket);
    await a.app.get(UsersService).restrict(carl.id, { status: 'suspended', reason: 'spam' });
    expect(await gone).toBe('io server disconnect');
    expect(onB.named(ServerEvent.Disconnecting)[0]?.data).toMatchObject({ code: 'account_suspended' });
  });

  it('cuts the socket on instance B within a second when its session logs out on instance A', async () => {
    const dora = await acknowledgedMember(a);
    const onB = await connect(b, dora);
    await join(onB, `board:${board.slug}`);
    const gone = disconnected(onB.socket);
    const started = Date.now();
    await a.http.post('/api/auth/logout').set(dora.auth).expect(204);
    expect(await gone).toBe('io server disconnect');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(onB.named(ServerEvent.Disconnecting)[0]?.data).toMatchObject({
      code: 'session_ended',
      message: 'You signed out of this session',
    });
  });
});

async function adminOf(api: TestApp): Promise<TestUser> {
  const admin = await createUser(api, { roles: ['admin'] });
  await ensureAcknowledged(api, admin);
  return admin;
}
