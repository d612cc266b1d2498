import { randomUUID } from 'node:crypto';
import { UsersService } from '../../src/users/users.service';
import { ClientCommand, ServerEvent, type JoinReply } from '../../src/realtime/socket-protocol';
import {
  acknowledgedMember,
  createBoard,
  ensureAcknowledged,
  postMessage,
  type TestBoard,
} from '../factories/board.factory';
import { createForum, type TestForum } from '../factories/forum.factory';
import { createTopic, reply } from '../factories/topic.factory';
import { createUser, type TestUser } from '../factories/user.factory';
import { connectSocket, disconnected, refusedHandshake, type TestSocket } from '../helpers/socket-client';
import { startApp, type TestApp } from '../helpers/start-app';

type Joined = { ok: true } & JoinReply;

describe('Real time on one instance', () => {
  let api: TestApp;
  let admin: TestUser;
  let forum: TestForum;
  let board: TestBoard;
  let ann: TestUser;
  let bob: TestUser;
  const sockets: TestSocket[] = [];

  const connect = async (user?: TestUser) => {
    const socket = await connectSocket(api.url, { token: user?.token });
    sockets.push(socket);
    return socket;
  };
  const join = async (socket: TestSocket, room: string, lastEventSeq?: number) => {
    const reply = await socket.send<JoinReply>(ClientCommand.Join, { room, lastEventSeq });
    if (!reply.ok) throw new Error(`join ${room}: ${JSON.stringify(reply.error)}`);
    return reply as Joined;
  };
  const sendMessage = (socket: TestSocket, body: string, extra: Record<string, unknown> = {}) =>
    socket.send<{ message: { seq: number; html: string } }>(ClientCommand.MessageSend, {
      board: board.slug,
      body,
      ...extra,
    });

  beforeAll(async () => {
    api = await startApp();
    admin = await createUser(api, { roles: ['admin'] });
    await ensureAcknowledged(api, admin);
    forum = await createForum(api, admin, { phoneRegion: 'GB' });
    board = await createBoard(api, admin, forum.slug);
    ann = await acknowledgedMember(api);
    bob = await acknowledgedMember(api);
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(async () => {
    await api.close();
  });

  it('shows two members in a board each other’s messages, in order', async () => {
    const annSocket = await connect(ann);
    const bobSocket = await connect(bob);
    const joined = await join(annSocket, `board:${board.slug}`);
    await join(bobSocket, `board:${board.slug}`);
    expect(joined).toMatchObject({
      room: `board:${board.slug}`,
      resync: false,
      notice: { acknowledged: true },
    });
    for (let i = 1; i <= 3; i += 1) {
      expect(await sendMessage(annSocket, `ann ${i}`)).toMatchObject({ ok: true });
      expect(await sendMessage(bobSocket, `bob ${i}`)).toMatchObject({ ok: true });
    }
    for (const socket of [annSocket, bobSocket]) {
      const seen = await socket.waitFor(ServerEvent.MessageCreated, 6);
      const texts = seen.map((e) => (e.data.message as { html: string }).html.replace(/<\/?p>\n?/g, ''));
      expect(texts).toEqual(['ann 1', 'bob 1', 'ann 2', 'bob 2', 'ann 3', 'bob 3']);
      const eventSeqs = seen.map((e) => e.data.eventSeq as number);
      expect(eventSeqs).toEqual(eventSeqs.map((_, i) => eventSeqs[0] + i));
      expect(seen.every((e) => e.data.room === `board:${board.slug}`)).toBe(true);
    }
  });

  it('delivers a reply posted over REST to everyone viewing the topic, anonymous viewers included', async () => {
    const topic = await createTopic(api, ann, forum.slug);
    await api.settled(); // the first post's announcement is numbered in the topic room by its follow-up work
    const viewer = await connect();
    const joined = await join(viewer, `topic:${topic.id}`);
    expect(joined.notice.acknowledged).toBe(false);
    const post = await reply(api, bob, topic.id, 'A reply over REST');
    const [event] = await viewer.waitFor(ServerEvent.PostCreated);
    expect(event.data).toMatchObject({ topicId: topic.id, seq: post.seq, eventSeq: joined.lastEventSeq + 1 });
    expect((event.data.post as { id: string }).id).toBe(post.id);
  });

  it('numbers concurrent replies in the forum room without gaps or repeats, live and on replay', async () => {
    const topics = [await createTopic(api, ann, forum.slug), await createTopic(api, bob, forum.slug)];
    await api.settled();
    const room = `forum:${forum.slug}`;
    const viewer = await connect();
    const joined = await join(viewer, room);
    // Replies arriving together each take their own number; live they may arrive in either order (the client
    // orders by eventSeq), the replay is in order.
    const posts = await Promise.all(
      Array.from({ length: 24 }, (_, i) => reply(api, i % 2 ? ann : bob, topics[i % 2].id, `Reply ${i}`)),
    );
    const live = await viewer.waitFor(ServerEvent.PostCreated, posts.length);
    const expected = posts.map((_, i) => joined.lastEventSeq + 1 + i);
    expect(live.map((e) => e.data.eventSeq as number).sort((x, y) => x - y)).toEqual(expected);
    const ids = (events: typeof live) => events.map((e) => (e.data.post as { id: string }).id).sort();
    expect(ids(live)).toEqual(posts.map((post) => post.id).sort());
    const late = await connect();
    await join(late, room, joined.lastEventSeq);
    const replayed = late.named(ServerEvent.PostCreated);
    expect(replayed.map((e) => e.data.eventSeq)).toEqual(expected);
    expect(ids(replayed)).toEqual(ids(live));
  });

  it('produces the same message.created event for a socket send and a REST post', async () => {
    const viewer = await connect();
    await join(viewer, `board:${board.slug}`);
    const annSocket = await connect(ann);
    await sendMessage(annSocket, 'over the socket');
    await postMessage(api, ann, board.slug, 'over REST');
    const [fromSocket, fromRest] = await viewer.waitFor(ServerEvent.MessageCreated, 2);
    expect(Object.keys(fromSocket.data).sort()).toEqual(Object.keys(fromRest.data).sort());
    expect(Object.keys(fromSocket.data.message as object).sort()).toEqual(
      Object.keys(fromRest.data.message as object).sort(),
    );
  });

  it('lets an anonymous socket read a public board but not send to it', async () => {
    const anonymous = await connect();
    await join(anonymous, `board:${board.slug}`);
    const answer = await sendMessage(anonymous, 'let me in');
    expect(answer).toEqual({
      ok: false,
      error: expect.objectContaining({ statusCode: 401, code: 'unauthenticated' }),
    });
    const typing = await anonymous.send(ClientCommand.Typing, { room: `board:${board.slug}` });
    expect(typing).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('refuses an anonymous socket a board of a members-only forum, as REST does', async () => {
    const members = await createForum(api, admin, { visibility: 'members' });
    const hidden = await createBoard(api, admin, members.slug);
    const anonymous = await connect();
    const refused = await anonymous.send(ClientCommand.Join, { room: `board:${hidden.slug}` });
    expect(refused).toMatchObject({ ok: false, error: { statusCode: 401, code: 'unauthenticated' } });
    const member = await connect(ann);
    await join(member, `board:${hidden.slug}`);
  });

  it('answers a phone number with the personal-data error through the callback, and publishes after acknowledgement', async () => {
    const viewer = await connect(bob);
    await join(viewer, `board:${board.slug}`);
    const annSocket = await connect(ann);
    const body = 'Ring me on 020 7946 0958 after the keynote';
    const refused = await sendMessage(annSocket, body);
    expect(refused.ok).toBe(false);
    const error = (
      refused as { error: { statusCode: number; code: string; details: Record<string, unknown> } }
    ).error;
    expect(error).toMatchObject({
      statusCode: 422,
      code: 'personal_data_detected',
      details: { policy: 'warn' },
    });
    expect(error.details.findings).toEqual([expect.objectContaining({ type: 'phone', start: 11, end: 24 })]);
    expect(viewer.named(ServerEvent.MessageCreated)).toHaveLength(0);
    const accepted = await sendMessage(annSocket, body, {
      acknowledgePersonalData: error.details.findingsDigest,
    });
    expect(accepted).toMatchObject({ ok: true, message: { html: expect.stringContaining('020 7946 0958') } });
    await viewer.waitFor(ServerEvent.MessageCreated, 1);
  });

  it('answers validation errors in the REST error shape', async () => {
    const annSocket = await connect(ann);
    const answer = await annSocket.send(ClientCommand.MessageSend, { board: board.slug, body: '', extra: 1 });
    expect(answer).toMatchObject({ ok: false, error: { statusCode: 400, code: 'validation_failed' } });
    const fields = (answer as { error: { details: { fields: { field: string }[] } } }).error.details.fields;
    expect(fields.map((f) => f.field).sort()).toEqual(['body', 'extra']);
  });

  it('sends a reconnecting client exactly the three messages it missed', async () => {
    const own = await createBoard(api, admin, forum.slug);
    const room = `board:${own.slug}`;
    const first = await connect(bob);
    const joined = await join(first, room);
    await postMessage(api, ann, own.slug, 'seen before the drop');
    const [seen] = await first.waitFor(ServerEvent.MessageCreated);
    const lastEventSeq = seen.data.eventSeq as number;
    first.close();
    for (const text of ['missed one', 'missed two', 'missed three'])
      await postMessage(api, ann, own.slug, text);
    const again = await connect(bob);
    const rejoined = await join(again, room, lastEventSeq);
    expect(rejoined).toMatchObject({ replayed: 3, resync: false, lastEventSeq: joined.lastEventSeq + 4 });
    const replayed = again.named(ServerEvent.MessageCreated);
    expect(replayed.map((e) => e.data.eventSeq)).toEqual([
      lastEventSeq + 1,
      lastEventSeq + 2,
      lastEventSeq + 3,
    ]);
    expect(replayed.map((e) => (e.data.message as { html: string }).html)).toEqual([
      '<p>missed one</p>\n',
      '<p>missed two</p>\n',
      '<p>missed three</p>\n',
    ]);
    await postMessage(api, ann, own.slug, 'live again');
    await again.waitFor(ServerEvent.MessageCreated, 4);
  });

  it('tells a client that claims more than the room has to reload it (resync)', async () => {
    const socket = await connect(bob);
    const joined = await join(socket, `board:${board.slug}`, 1_000_000);
    expect(joined).toMatchObject({ resync: true, replayed: 0 });
  });

  it('keeps missed events out of the replay log once a moderator removed the message', async () => {
    const own = await createBoard(api, admin, forum.slug);
    const message = await postMessage(api, ann, own.slug, 'regrettable words');
    await api.http.post(`/api/moderation/messages/${message.id}/delete`).set(admin.auth).send({}).expect(200);
    const late = await connect();
    await join(late, `board:${own.slug}`, 0);
    const events = await late.waitFor(ServerEvent.MessageRemoved);
    expect(events).toHaveLength(1);
    expect(JSON.stringify(late.received)).not.toContain('regrettable');
  });

  it('recovers a dropped connection with socket.io connection state recovery, missed packets included', async () => {
    const socket = await connectSocket(api.url, { token: bob.token, reconnection: true });
    sockets.push(socket);
    await join(socket, `board:${board.slug}`);
    // Recovery resumes from the offset of the last room packet received, so one arrives first.
    await postMessage(api, ann, board.slug, 'before the connection drops');
    await socket.waitFor(ServerEvent.MessageCreated);
    const reconnected = new Promise<void>((resolve) => socket.socket.once('connect', () => resolve()));
    socket.socket.io.engine.close();
    await postMessage(api, ann, board.slug, 'sent while the connection was down');
    await reconnected;
    expect(socket.socket.recovered).toBe(true);
    const [, event] = await socket.waitFor(ServerEvent.MessageCreated, 2);
    expect((event.data.message as { html: string }).html).toContain('sent while the connection was down');
  });

  it('shows others who is typing, not the typist, and only once per interval', async () => {
    const annSocket = await connect(ann);
    const bobSocket = await connect(bob);
    await join(annSocket, `board:${board.slug}`);
    await join(bobSocket, `board:${board.slug}`);
    expect(await annSocket.send(ClientCommand.Typing, { room: `board:${board.slug}` })).toEqual({
      ok: true,
      throttled: false,
    });
    expect(await annSocket.send(ClientCommand.Typing, { room: `board:${board.slug}` })).toEqual({
      ok: true,
      throttled: true,
    });
    const [typing] = await bobSocket.waitFor(ServerEvent.Typing);
    expect(typing.data).toEqual({
      room: `board:${board.slug}`,
      userId: ann.id,
      username: ann.username,
      expiresInMs: 5000,
    });
    expect(annSocket.named(ServerEvent.Typing)).toHaveLength(0);
  });

  it('counts the viewers of a room', async () => {
    const own = await createBoard(api, admin, forum.slug);
    const room = `board:${own.slug}`;
    const one = await connect();
    const two = await connect(ann);
    await join(one, room);
    await join(two, room);
    await one.waitFor(ServerEvent.Presence, 1, (data) => data.viewers === 2);
    two.close();
    await one.waitFor(ServerEvent.Presence, 1, (data) => data.viewers === 1);
  });

  it('records the last message read on a board', async () => {
    const annSocket = await connect(ann);
    const message = await postMessage(api, bob, board.slug, 'read me');
    const answer = await annSocket.send(ClientCommand.Read, {
      room: `board:${board.slug}`,
      seq: message.seq,
    });
    expect(answer).toEqual({ ok: true, room: `board:${board.slug}`, lastReadSeq: message.seq });
    const page = await api.http.get(`/api/boards/${board.slug}/messages?limit=1`).set(ann.auth).expect(200);
    expect(page.body.lastReadSeq).toBe(message.seq);
  });

  it('tells moderators, and only them, about a message held for review', async () => {
    const review = await createBoard(api, admin, forum.slug, { piiPolicy: 'review' });
    const moderator = await createUser(api, { moderatedForumIds: [forum.id] });
    const modSocket = await connect(moderator);
    const memberSocket = await connect(bob);
    expect((await join(modSocket, `board:${review.slug}`)).moderator).toBe(true);
    await join(memberSocket, `board:${review.slug}`);
    const refused = await memberSocket.send(ClientCommand.Join, { room: `mod:${forum.id}` });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const body = 'write to ann.private@example.com';
    const first = await api.http.post(`/api/boards/${review.slug}/messages`).set(ann.auth).send({ body });
    await api.http
      .post(`/api/boards/${review.slug}/messages`)
      .set(ann.auth)
      .send({ body, acknowledgePersonalData: first.body.details.findingsDigest })
      .expect(201);
    const [held] = await modSocket.waitFor(ServerEvent.MessageHeld);
    expect(held.data).toMatchObject({ forumId: forum.id, reason: 'personal data' });
    await postMessage(api, ann, review.slug, 'a visible one');
    await memberSocket.waitFor(ServerEvent.MessageCreated);
    expect(memberSocket.named(ServerEvent.MessageHeld)).toHaveLength(0);
  });

  it('disconnects a suspended user’s sockets at once, saying why', async () => {
    const carl = await acknowledgedMember(api);
    const socket = await connect(carl);
    await join(socket, `board:${board.slug}`);
    const gone = disconnected(socket.socket);
    await api.app.get(UsersService).restrict(carl.id, { status: 'suspended', reason: 'spam' });
    expect(await gone).toBe('io server disconnect');
    expect(socket.named(ServerEvent.Disconnecting)[0]?.data).toMatchObject({ code: 'account_suspended' });
    const refused = await refusedHandshake(api.url, { token: carl.token });
    expect(refused.data).toMatchObject({ code: 'account_suspended' });
  });

  it('refuses a handshake from another site’s origin and accepts its own', async () => {
    const refused = await refusedHandshake(api.url, { origin: 'https://evil.example' });
    expect(refused.message).toMatch(/websocket error|xhr poll error/i);
    const same = await connectSocket(api.url, { origin: api.url });
    sockets.push(same);
    expect(same.socket.connected).toBe(true);
  });

  it('refuses a handshake with a forged token, and accepts the access cookie', async () => {
    const refused = await refusedHandshake(api.url, { token: 'not-a-token' });
    expect(refused.data).toMatchObject({ statusCode: 401, code: 'unauthenticated' });
    const viaCookie = await connectSocket(api.url, { cookie: `parley_at=${ann.token}` });
    sockets.push(viaCookie);
    const typing = await viaCookie.send(ClientCommand.Typing, { room: `board:${board.slug}` });
    // Signed in through the cookie: refused only because the room was not joined, not for being anonymous.
    expect(typing).toMatchObject({ ok: false, error: { code: 'not_in_room' } });
  });

  it('disconnects a socket that floods events, with the reason first, and keeps its user out for a while', async () => {
    const member = await acknowledgedMember(api);
    const flooder = await connect(member);
    const gone = disconnected(flooder.socket);
    for (let i = 0; i < 100; i += 1)
      flooder.socket.emit(ClientCommand.Leave, { room: `board:${board.slug}` });
    expect(await gone).toBe('io server disconnect');
    expect(flooder.named(ServerEvent.Disconnecting)[0]?.data).toMatchObject({
      code: 'rate_limited',
      message: expect.stringContaining('reconnect in 30 s'),
    });
    // Reconnecting at once is refused with the wait; anyone else on the same address still connects.
    const refused = await refusedHandshake(api.url, { token: member.token });
    expect(refused.data).toEqual({
      statusCode: 429,
      code: 'rate_limited',
      message: expect.stringMatching(/reconnect in (29|30) s/),
      details: { retryAfterSeconds: expect.any(Number) },
    });
    await connect(bob);
    await connect();
  });

  it('disconnects a socket that sends an oversized event, with the reason first', async () => {
    const big = await connect(ann);
    const gone = disconnected(big.socket);
    big.socket.emit(ClientCommand.MessageSend, {
      board: board.slug,
      body: 'x'.repeat(20_000),
      clientId: randomUUID(),
    });
    expect(await gone).toBe('io server disconnect');
    expect(big.named(ServerEvent.Disconnecting)[0]?.data).toMatchObject({ code: 'payload_too_large' });
  });

  it('counts open sockets in the metrics', async () => {
    await connect(ann);
    const metrics = await api.http.get('/metrics').expect(200);
    const open = Number(/socketio_open_connections (\d+)/.exec(metrics.text)?.[1]);
    expect(open).toBeGreaterThanOrEqual(1);
  });
});
