import { ClientCommand, ServerEvent } from '../../src/realtime/socket-protocol';
import { createForum } from '../factories/forum.factory';
import { acknowledgeNotice, createTopic, registerAuthor, reply } from '../factories/topic.factory';
import { createUser } from '../factories/user.factory';
import { connectSocket } from '../helpers/socket-client';
import { startApp, type TestApp } from '../helpers/start-app';
import { auditOf, inboxOf, moderationWorld, type ModerationWorld } from './moderation.helpers';

describe('Moderators acting on topics and accounts', () => {
  let api: TestApp;
  let w: ModerationWorld;
  let globalMod: Awaited<ReturnType<typeof createUser>>;

  const onTopic = (
    user: { auth: Record<string, string> },
    topicId: string,
    action: string,
    body: object = {},
  ) => api.http.post(`/api/moderation/topics/${topicId}/${action}`).set(user.auth).send(body);
  const onUser = (user: { auth: Record<string, string> }, userId: string, action: string, body: object) =>
    api.http.post(`/api/moderation/users/${userId}/${action}`).set(user.auth).send(body);

  beforeAll(async () => {
    api = await startApp();
    w = await moderationWorld(api);
    globalMod = await createUser(api, { roles: ['moderator'] });
    await acknowledgeNotice(api, globalMod);
  });
  afterAll(async () => {
    await api.close();
  });

  it('locking a topic stops replies at once, tells viewers live, and unlocking opens it again', async () => {
    const topic = await createTopic(api, w.author, w.forumA.slug);
    const viewer = await connectSocket(api.url, { token: w.reader.token });
    try {
      expect((await viewer.send(ClientCommand.Join, { room: `topic:${topic.id}` })).ok).toBe(true);
      await onTopic(w.modA, topic.id, 'lock', { reason: 'Cooling off' }).expect(200);
      const [locked] = await viewer.waitFor(ServerEvent.TopicLocked);
      expect(locked.data).toMatchObject({ topicId: topic.id, locked: true });
    } finally {
      viewer.close();
    }
    const refused = await api.http
      .post(`/api/topics/${topic.id}/posts`)
      .set(w.reader.auth)
      .send({ body: 'hello' });
    expect(refused.status).toBe(409);
    await onTopic(w.modA, topic.id, 'unlock').expect(200);
    await reply(api, w.reader, topic.id, 'hello again');
    const actions = (await auditOf(api, w.admin, topic.id)).map((entry) => entry.action);
    expect(actions).toEqual(['topic.unlocked', 'topic.locked']);
    const told = (await inboxOf(api, w.author)).filter(
      (n) => n.kind === 'moderation' && (n.link as { topicId?: string }).topicId === topic.id,
    );
    expect(told.map((n) => n.action)).toEqual(['unlock', 'lock']);
    expect(told[1]).toMatchObject({ reason: 'Cooling off' });
  });

  it('pins and closes a topic, each audited once', async () => {
    const topic = await createTopic(api, w.author, w.forumA.slug);
    const pinned = await onTopic(w.modA, topic.id, 'pin').expect(200);
    expect(pinned.body.pinned).toBe(true);
    const closed = await onTopic(w.modA, topic.id, 'close', { reason: 'Answered' }).expect(200);
    expect(closed.body.locked).toBe(true);
    expect((await auditOf(api, w.admin, topic.id)).map((e) => e.action)).toEqual([
      'topic.closed',
      'topic.pinned',
    ]);
  });

  it('moves a topic and its posts to another forum the moderator also moderates', async () => {
    const other = await createForum(api, w.admin);
    const topic = await createTopic(api, w.author, w.forumA.slug, { title: 'Wrong place' });
    await reply(api, w.reader, topic.id, 'A reply that moves along');
    await onTopic(w.modA, topic.id, 'move', { forumId: other.id }).expect(403);
    const res = await onTopic(globalMod, topic.id, 'move', { forumId: other.id }).expect(200);
    expect(res.body.forumId).toBe(other.id);
    const listing = await api.http.get(`/api/forums/${other.slug}/topics`).expect(200);
    expect(JSON.stringify(listing.body)).toContain(topic.id);
    const audit = await auditOf(api, w.admin, topic.id);
    expect(audit).toEqual([expect.objectContaining({ action: 'topic.moved', forumId: w.forumA.id })]);
  });

  it('answers 403 to a moderator of forum A acting on a topic of forum B', async () => {
    await onTopic(w.modA, w.topicB, 'lock').expect(403);
  });

  it('silencing stops a member posting at once, and the silence ends by itself', async () => {
    const member = await registerAuthor(api);
    const until = new Date(Date.now() + 2500).toISOString();
    const res = await onUser(globalMod, member.id, 'silence', { until, reason: 'Spamming links' }).expect(
      200,
    );
    expect(res.body).toMatchObject({ status: 'silenced', restrictionReason: 'Spamming links' });
    const refused = await api.http
      .post(`/api/topics/${w.topicA}/posts`)
      .set(member.auth)
      .send({ body: 'more links' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('account_silenced');
    const told = await inboxOf(api, member);
    expect(told[0]).toMatchObject({
      type: 'account_restricted',
      reason: 'Spamming links',
      action: 'silence',
    });
    await waitUntil(async () => {
      const me = await api.http.get('/api/me').set(member.auth);
      return me.body.status === 'active';
    });
    await reply(api, member, w.topicA, 'Back, and calmer');
  });

  it('suspending signs a member out at once and refuses sign-in until lifted', async () => {
    const member = await registerAuthor(api);
    await onUser(globalMod, member.id, 'suspend', { reason: 'Harassment' }).expect(200);
    const me = await api.http.get('/api/me').set(member.auth);
    expect(me.status).toBe(403);
    expect(me.body.code).toBe('account_suspended');
    await api.http
      .post('/api/auth/login')
      .send({ login: member.username, password: member.password })
      .expect(403);
    await onUser(globalMod, member.id, 'lift', { reason: 'Appeal accepted' }).expect(200);
    await api.http
      .post('/api/auth/login')
      .send({ login: member.username, password: member.password })
      .expect(200);
    const actions = (await auditOf(api, w.admin, member.id)).map((e) => e.action);
    expect(actions).toEqual(['user.restriction_lifted', 'user.suspended']);
  });

  it('a suspension ends by itself at the time given', async () => {
    const member = await registerAuthor(api);
    const until = new Date(Date.now() + 2500).toISOString();
    await onUser(globalMod, member.id, 'suspend', { until, reason: 'Cool down' }).expect(200);
    await api.http
      .post('/api/auth/login')
      .send({ login: member.username, password: member.password })
      .expect(403);
    await waitUntil(async () => {
      const res = await api.http
        .post('/api/auth/login')
        .send({ login: member.username, password: member.password });
      return res.status === 200;
    });
  });

  it('keeps account restrictions to global moderators and admins, never on an admin or oneself', async () => {
    const member = await registerAuthor(api);
    await onUser(w.modA, member.id, 'silence', { reason: 'x' }).expect(403);
    await onUser(globalMod, w.admin.id, 'suspend', { reason: 'x' }).expect(403);
    await onUser(globalMod, globalMod.id, 'silence', { reason: 'x' }).expect(403);
    await onUser(globalMod, member.id, 'silence', { reason: 'x', until: '2001-01-01T00:00:00Z' }).expect(400);
    await onUser(globalMod, member.id, 'silence', {}).expect(400);
  });
});

/** Restrictions end at a stored time; this polls the real routes until they say so (no clock faking). */
async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the restriction did not end');
}
