import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { ServerEvent } from '../../src/realtime/socket-protocol';
import { createForum, type TestForum } from '../factories/forum.factory';
import { acknowledgeNotice, createTopic, registerAuthor, reply } from '../factories/topic.factory';
import { createUser, type TestUser } from '../factories/user.factory';
import { connectSocket } from '../helpers/socket-client';
import { startApp, type TestApp } from '../helpers/start-app';
import { inboxOf } from './moderation.helpers';

describe('Notifications inbox', () => {
  let api: TestApp;
  let forum: TestForum;
  let ann: TestUser;
  let bob: TestUser;

  const unread = async (user: TestUser) =>
    (await api.settled(), await api.http.get('/api/notifications/unread-count').set(user.auth).expect(200))
      .body.unread as number;

  beforeAll(async () => {
    api = await startApp();
    const admin = await createUser(api, { roles: ['admin'] });
    await acknowledgeNotice(api, admin);
    forum = await createForum(api, admin);
    ann = await registerAuthor(api);
    bob = await registerAuthor(api);
  });
  afterAll(async () => {
    await api.close();
  });

  it('tells an author about a reply to their topic, with a short excerpt, and not about their own replies', async () => {
    const topic = await createTopic(api, ann, forum.slug);
    await reply(api, ann, topic.id, 'Adding a detail myself');
    await reply(api, bob, topic.id, `Thanks, this helped a lot. ${'More words follow here. '.repeat(20)}`);
    const items = (await inboxOf(api, ann)).filter(
      (n) => (n.link as { topicId: string }).topicId === topic.id,
    );
    expect(items).toEqual([
      expect.objectContaining({
        type: 'reply',
        kind: 'replies',
        summary: `${bob.username} replied to your post`,
      }),
    ]);
    const excerpt = items[0].excerpt as string;
    expect(excerpt.startsWith('Thanks, this helped a lot.')).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(121);
  });

  it('tells the author of the post replied to, and a mentioned user', async () => {
    const carol = await registerAuthor(api);
    const topic = await createTopic(api, ann, forum.slug);
    const bobs = await reply(api, bob, topic.id, 'My answer');
    const res = await api.http
      .post(`/api/topics/${topic.id}/posts`)
      .set(carol.auth)
      .send({ body: `I agree, and @${ann.username} should see this`, replyTo: bobs.seq })
      .expect(201);
    const postId = res.body.post.id as string;
    const toBob = (await inboxOf(api, bob)).filter((n) => (n.link as { postId: string }).postId === postId);
    expect(toBob).toEqual([expect.objectContaining({ type: 'reply' })]);
    const toAnn = (await inboxOf(api, ann)).filter((n) => (n.link as { postId: string }).postId === postId);
    expect(toAnn).toEqual([expect.objectContaining({ type: 'mention', kind: 'mentions' })]);
  });

  it('respects a user who turned reply notifications off', async () => {
    const quiet = await registerAuthor(api);
    await api.http
      .patch('/api/me/preferences')
      .set(quiet.auth)
      .send({ replies: { inApp: false } })
      .expect(200);
    const topic = await createTopic(api, quiet, forum.slug);
    await reply(api, bob, topic.id, 'Replying to someone who does not want to know');
    expect(await inboxOf(api, quiet)).toEqual([]);
  });

  it('counts unread notifications, marks one or all read, and keeps each inbox private', async () => {
    const dana = await registerAuthor(api);
    const topic = await createTopic(api, dana, forum.slug);
    await reply(api, bob, topic.id, 'first');
    await reply(api, ann, topic.id, 'second');
    await reply(api, bob, topic.id, 'third');
    expect(await unread(dana)).toBe(3);
    const [newest] = await inboxOf(api, dana);
    await api.http.post(`/api/notifications/${newest.id}/read`).set(bob.auth).expect(404);
    const read = await api.http.post(`/api/notifications/${newest.id}/read`).set(dana.auth).expect(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    expect(await unread(dana)).toBe(2);
    const all = await api.http.post('/api/notifications/read-all').set(dana.auth).expect(200);
    expect(all.body).toEqual({ marked: 2, unread: 0 });
    await api.http.get('/api/notifications').expect(401);
  });

  it('pages the inbox newest first by cursor', async () => {
    const erin = await registerAuthor(api);
    const topic = await createTopic(api, erin, forum.slug);
    for (let i = 0; i < 5; i += 1) await reply(api, bob, topic.id, `reply ${i}`);
    await api.settled();
    const first = await api.http.get('/api/notifications').query({ limit: 3 }).set(erin.auth).expect(200);
    expect(first.body.items).toHaveLength(3);
    const second = await api.http
      .get('/api/notifications')
      .query({ limit: 3, cursor: first.body.nextCursor })
      .set(erin.auth)
      .expect(200);
    expect(second.body.items).toHaveLength(2);
    expect(second.body.nextCursor).toBeNull();
    const excerpts = [...first.body.items, ...second.body.items].map((n: { excerpt: string }) => n.excerpt);
    expect(excerpts).toEqual(['reply 4', 'reply 3', 'reply 2', 'reply 1', 'reply 0']);
  });

  it('delivers a notification live to the user’s connected socket', async () => {
    const topic = await createTopic(api, ann, forum.slug);
    const socket = await connectSocket(api.url, { token: ann.token });
    try {
      await reply(api, bob, topic.id, 'Live reply');
      const [live] = await socket.waitFor(ServerEvent.Notification, 1, (d) => d.type === 'reply');
      expect(live.data).toMatchObject({ userId: ann.id, excerpt: 'Live reply' });
    } finally {
      socket.close();
    }
  });

  it('puts the inbox and filed reports in the export without other people’s text', async () => {
    const frank = await registerAuthor(api);
    const topic = await createTopic(api, frank, forum.slug);
    const post = await reply(api, bob, topic.id, 'Bob’s own words');
    await api.http
      .post('/api/reports')
      .set(frank.auth)
      .send({ targetType: 'post', targetId: post.id, reason: 'spam', note: 'looks automated' })
      .expect(201);
    await api.settled(); // the reply's notification is follow-up work, stored a moment after the answer
    const exported = await api.http.get('/api/me/export').set(frank.auth).expect(200);
    expect(exported.body.notifications).toEqual([expect.objectContaining({ type: 'reply' })]);
    expect(exported.body.reportsFiled).toEqual([
      expect.objectContaining({ targetId: post.id, reason: 'spam', note: 'looks automated' }),
    ]);
    expect(JSON.stringify(exported.body.notifications)).not.toContain('Bob’s own words');
  });

  it('forgets a deleted account’s inbox and filed reports', async () => {
    const gina = await registerAuthor(api);
    const topic = await createTopic(api, gina, forum.slug);
    const post = await reply(api, bob, topic.id, 'Something to report');
    await api.http
      .post('/api/reports')
      .set(gina.auth)
      .send({ targetType: 'post', targetId: post.id, reason: 'other', note: 'gina wrote this note' })
      .expect(201);
    expect(await inboxOf(api, gina)).toHaveLength(1);
    await api.http.delete('/api/me').set(gina.auth).send({ password: gina.password }).expect(204);
    const db = api.app.get<Connection>(getConnectionToken()).db;
    if (!db) throw new Error('no database connection');
    expect(await db.collection('notifications').countDocuments({ userId: gina.id })).toBe(0);
    expect(await db.collection('reports').countDocuments({ reporterId: gina.id })).toBe(0);
  });
});
