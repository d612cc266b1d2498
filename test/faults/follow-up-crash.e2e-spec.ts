import { freePort } from '../../src/infra/database/engine-chain';
import { ClientCommand, ServerEvent, type JoinReply } from '../../src/realtime/socket-protocol';
import { createForum } from '../factories/forum.factory';
import { createTopic } from '../factories/topic.factory';
import { acknowledgedMember } from '../factories/board.factory';
import { createUser } from '../factories/user.factory';
import { spawnApp, type AppProcess } from '../helpers/app-process';
import { connectSocket } from '../helpers/socket-client';
import { startApp, type TestApp } from '../helpers/start-app';

/**
 * The outbox's promise: a reply answered 201 keeps all its follow-up work (counters, the author's read mark,
 * notifications, the room logs) even when the process dies between the answer and that work. The first server
 * waits before doing follow-up work itself (FOLLOW_UP_FIRST_TRY_DELAY_MS), so a SIGKILL right after the answers
 * leaves all of it; a second server's sweep finds it and does it exactly once.
 */
describe('Follow-up work across a crash between the answer and the work', () => {
  let api: TestApp;
  let first: AppProcess | undefined;
  let second: AppProcess | undefined;

  beforeAll(async () => {
    api = await startApp({ env: { FOLLOW_UP_SWEEP_MS: '0' } });
  });

  afterAll(async () => {
    for (const server of [first, second]) {
      if (server && server.pid) server.signal('SIGKILL');
    }
    await api?.close();
  });

  it('does every acknowledged reply’s counters, notifications and room log once after a kill -9', async () => {
    const admin = await createUser(api, { roles: ['admin'] });
    const ann = await acknowledgedMember(api);
    const bob = await acknowledgedMember(api);
    const forum = await createForum(api, admin);
    const topic = await createTopic(api, ann, forum.slug);
    await api.settled();
    const before = (await api.http.get(`/api/topics/${topic.id}`).expect(200)).body.topic;

    const mongoUri = process.env.PARLEY_TEST_MONGODB_URI!;
    const env = {
      FOLLOW_UP_SWEEP_MS: '0',
      FOLLOW_UP_FIRST_TRY_DELAY_MS: '600000',
      FOLLOW_UP_LEASE_MS: '500',
    };
    first = await spawnApp({ port: await freePort(), mongoUri, dbName: api.dbName, env });
    const viewer = await connectSocket(first.url);
    const ack = await viewer.send<JoinReply>(ClientCommand.Join, { room: `topic:${topic.id}` });
    if (!ack.ok) throw new Error(`join: ${JSON.stringify(ack.error)}`);
    const joined = ack;
    const replies = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await first.http
        .post(`/api/topics/${topic.id}/posts`)
        .set(bob.auth)
        .send({ body: `Reply ${i} before the crash, @${ann.username}`, replyTo: 1 })
        .expect(201);
      replies.push(res.body.post as { id: string; seq: number });
    }
    // Live delivery happened in the request; nothing else did yet.
    await viewer.waitFor(ServerEvent.PostCreated, replies.length);
    viewer.close();
    const stored = (await api.http.get(`/api/topics/${topic.id}`).expect(200)).body.topic;
    expect(stored.replyCount).toBe(before.replyCount);
    first.signal('SIGKILL');
    await first.exited;

    // A rejoin between the crash and the sweep still gets every reply: replay reads them from the posts.
    const early = await connectSocket(api.url);
    const replayed = await early.send<JoinReply>(ClientCommand.Join, {
      room: `topic:${topic.id}`,
      lastEventSeq: joined.lastEventSeq,
    });
    expect(replayed).toMatchObject({ ok: true, resync: false, replayed: replies.length });
    early.close();

    second = await spawnApp({
      port: await freePort(),
      mongoUri,
      dbName: api.dbName,
      env: { FOLLOW_UP_SWEEP_MS: '200' },
    });
    await waitUntil(async () => {
      const shown = (await api.http.get(`/api/topics/${topic.id}`).expect(200)).body.topic;
      return shown.replyCount === before.replyCount + replies.length;
    });
    await api.settled(); // nothing left pending anywhere
    const inbox = (await api.http.get('/api/notifications').set(ann.auth).expect(200)).body.items as Array<{
      type: string;
      link: { postId: string };
    }>;
    // One reply notification per reply (the mention of the replied-to author is not told twice).
    expect(
      inbox
        .filter((n) => n.type === 'reply')
        .map((n) => n.link.postId)
        .sort(),
    ).toEqual(replies.map((r) => r.id).sort());
    expect(inbox.filter((n) => n.type === 'mention')).toHaveLength(0);
    const forums = (await api.http.get('/api/forums').expect(200)).body.items as Array<{
      id: string;
      postCount: number;
    }>;
    expect(forums.find((f) => f.id === forum.id)?.postCount).toBe(1 + replies.length);
    // The room log holds each reply once, under the number it went out with.
    const late = await connectSocket(api.url);
    const events: Array<{ eventSeq: number; post: { id: string } }> = [];
    late.socket.on(ServerEvent.PostCreated, (data: { eventSeq: number; post: { id: string } }) =>
      events.push(data),
    );
    await late.send<JoinReply>(ClientCommand.Join, {
      room: `topic:${topic.id}`,
      lastEventSeq: joined.lastEventSeq,
    });
    late.close();
    expect(events.map((e) => e.post.id)).toEqual(replies.map((r) => r.id));
    expect(events.map((e) => e.eventSeq)).toEqual(replies.map((_, i) => joined.lastEventSeq + 1 + i));
  }, 120_000);
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('the sweep did not finish the follow-up work in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
