import { newObjectId } from '../../src/infra/database/object-id';
import { randomUUID } from 'node:crypto';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { getModelToken } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import { ForumEvent } from '../../src/infra/events/forum-events';
import { TopicReadRecord } from '../../src/posts/topic-read.schema';
import { TopicRepository } from '../../src/posts/topic.repository';
import { createForum, type TestForum } from '../factories/forum.factory';
import { createTopic, registerAuthor, reply } from '../factories/topic.factory';
import { createUser, type TestUser } from '../factories/user.factory';
import { startApp, type TestApp } from '../helpers/start-app';

describe('Topics and replies', () => {
  let api: TestApp;
  let admin: TestUser;
  let forum: TestForum;
  let ann: TestUser;
  let bob: TestUser;
  const events: Array<{ name: string; payload: Record<string, unknown> }> = [];

  beforeAll(async () => {
    api = await startApp();
    admin = await createUser(api, { roles: ['admin'] });
    forum = await createForum(api, admin);
    ann = await registerAuthor(api);
    bob = await registerAuthor(api);
    const emitter = api.app.get(EventEmitter2);
    for (const name of Object.values(ForumEvent)) {
      emitter.on(name, (payload: Record<string, unknown>) => events.push({ name, payload }));
    }
  });
  afterAll(async () => {
    await api.close();
  });

  const eventsFor = (name: string, topicId: string) =>
    events.filter((event) => event.name === name && event.payload.topicId === topicId);

  it('starts a topic whose body is the first post, rendered and stored with sequence number 1', async () => {
    const res = await api.http
      .post(`/api/forums/${forum.slug}/topics`)
      .set(ann.auth)
      .send({ title: 'Sync stops after the update', body: 'Since **2.3** sync stops.', tags: ['sync'] })
      .expect(201);
    expect(res.body.topic).toMatchObject({ title: 'Sync stops after the update', replyCount: 0, lastSeq: 1 });
    expect(res.body.post).toMatchObject({
      seq: 1,
      status: 'visible',
      authorId: ann.id,
      authorName: ann.username,
    });
    expect(res.body.post.html).toBe('<p>Since <strong>2.3</strong> sync stops.</p>\n');
    const topicId = res.body.topic.id;
    await api.settled();
    expect(eventsFor(ForumEvent.PostCreated, topicId)).toHaveLength(1);
    expect(events.some((e) => e.name === ForumEvent.TopicCreated && e.payload.topicId === topicId)).toBe(
      true,
    );
    const page = await api.http.get(`/api/topics/${topicId}/posts`).expect(200);
    expect(page.body.items.map((p: { seq: number }) => p.seq)).toEqual([1]);
  });

  it('refuses a title shorter than 3 characters', async () => {
    const res = await api.http
      .post(`/api/forums/${forum.slug}/topics`)
      .set(ann.auth)
      .send({ title: 'Hi', body: 'short title' })
      .expect(400);
    expect(res.body.code).toBe('validation_failed');
  });

  it('numbers replies in order, links the answered post, and counts them on the topic', async () => {
    const topic = await createTopic(api, ann, forum.slug);
    const res = await api.http
      .post(`/api/topics/${topic.id}/posts`)
      .set(bob.auth)
      .send({ body: 'Same here.', replyTo: 1 })
      .expect(201);
    expect(res.body.post).toMatchObject({ seq: 2, replyTo: 1, authorId: bob.id });
    const second = await reply(api, ann, topic.id, 'Thanks');
    expect(second.seq).toBe(3);
    await api.settled();
    const shown = await api.http.get(`/api/topics/${topic.id}`).expect(200);
    expect(shown.body.topic).toMatchObject({ replyCount: 2, lastSeq: 3 });
    expect(shown.body.notice).toMatchObject({ version: expect.any(Number) });
    // Each post is announced once by its own follow-up work; those run side by side, so in any order.
    const created = eventsFor(ForumEvent.PostCreated, topic.id).map((e) => e.payload.seq as number);
    expect([...created].sort((x, y) => x - y)).toEqual([1, 2, 3]);
  });

  it('gives concurrent replies distinct, gap-free sequence numbers and counts each once', async () => {
    const own = await createForum(api, admin);
    const topic = await createTopic(api, ann, own.slug);
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) => reply(api, i % 2 ? ann : bob, topic.id, `at once ${i}`)),
    );
    expect(replies.map((p) => p.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 2),
    );
    await api.settled();
    const shown = await api.http.get(`/api/topics/${topic.id}`).expect(200);
    expect(shown.body.topic).toMatchObject({ replyCount: 12, lastSeq: 13 });
    // Each reply moves the forum's counters with one atomic $inc: none is lost or counted twice.
    const forums = await api.http.get('/api/forums').expect(200);
    expect(forums.body.items.find((f: { id: string }) => f.id === own.id)).toMatchObject({
      topicCount: 1,
      postCount: 13,
    });
  });

  it('answers 400 when replying to a post number that does not exist', async () => {
    const topic = await createTopic(api, ann, forum.slug);
    const res = await api.http
      .post(`/api/topics/${topic.id}/posts`)
      .set(bob.auth)
      .send({ body: 'to nowhere', replyTo: 9 })
      .expect(400);
    expect(res.body.code).toBe('reply_target_missing');
  });

  it('refuses a reply to a locked topic with 409 topic_locked, and stores nothing', async () => {
    const moderator = await createUser(api, { roles: ['moderator'] });
    const topic = await createTopic(api, ann, forum.slug);
    const locked = await api.http
      .post(`/api/moderation/topics/${topic.id}/lock`)
      .set(moderator.auth)
      .send({});
    expect(locked.status).toBe(200);
    expect(locked.body.locked).toBe(true);
    expect(eventsFor(ForumEvent.TopicLocked, topic.id)).toEqual([
      expect.objectContaining({ payload: expect.objectContaining({ locked: true, seq: 1 }) }),
    ]);
    const res = await api.http
      .post(`/api/topics/${topic.id}/posts`)
      .set(bob.auth)
      .send({ body: 'hello?' })
      .expect(409);
    expect(res.body).toMatchObject({ code: 'topic_locked', message: expect.stringContaining('locked') });
    const page = await api.http.get(`/api/topics/${topic.id}/posts`).expect(200);
    expect(page.body.items).toHaveLength(1);
  });

  it("lets only moderators lock a topic: the author is refused, the forum's moderator locks it", async () => {
    const topic = await createTopic(api, ann, forum.slug);
    await api.http.post(`/api/moderation/topics/${topic.id}/lock`).set(ann.auth).send({}).expect(403);
    expect((await api.http.get(`/api/topics/${topic.id}`).expect(200)).body.topic.locked).toBe(false);
    const moderator = await createUser(api, { roles: ['moderator'], moderatedForumIds: [forum.id] });
    await api.http.post(`/api/moderation/topics/${topic.id}/lock`).set(moderator.auth).send({}).expect(200);
    expect((await api.http.get(`/api/topics/${topic.id}`).expect(200)).body.topic.locked).toBe(true);
    const late = await api.http
      .post(`/api/topics/${topic.id}/posts`)
      .set(ann.auth)
      .send({ body: 'after the lock' });
    expect(late.body.code).toBe('topic_locked');
  });

  it('stores a revision with the previous source for each edit, readable by the author only', async () => {
    const topic = await createTopic(api, ann, forum.slug, { title: 'Original title', body: 'first version' });
    const res = await api.http
      .patch(`/api/posts/${topic.firstPostId}`)
      .set(ann.auth)
      .send({ body: 'second *version*', title: 'Better title', reason: 'clearer' })
      .expect(200);
    expect(res.body).toMatchObject({ html: '<p>second <em>version</em></p>\n', revisionCount: 1 });
    expect(res.body.editedAt).toEqual(expect.any(String));
    const revisions = await api.http
      .get(`/api/posts/${topic.firstPostId}/revisions`)
      .set(ann.auth)
      .expect(200);
    expect(revisions.body.items).toEqual([
      expect.objectContaining({
        rev: 1,
        editorId: ann.id,
        reason: 'clearer',
        previousSource: 'first version',
        previousTitle: 'Original title',
      }),
    ]);
    const shown = await api.http.get(`/api/topics/${topic.id}`).expect(200);
    expect(shown.body.topic.title).toBe('Better title');
    await api.http.get(`/api/posts/${topic.firstPostId}/revisions`).set(bob.auth).expect(403);
    await api.http
      .patch(`/api/posts/${topic.firstPostId}`)
      .set(bob.auth)
      .send({ body: 'hijack' })
      .expect(403);
  });

  it('refuses an edit in a locked topic', async () => {
    const moderator = await createUser(api, { roles: ['moderator'] });
    const topic = await createTopic(api, ann, forum.slug);
    await api.http.post(`/api/moderation/topics/${topic.id}/lock`).set(moderator.auth).send({}).expect(200);
    const res = await api.http
      .patch(`/api/posts/${topic.firstPostId}`)
      .set(ann.auth)
      .send({ body: 'late edit' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('topic_locked');
  });

  it('returns the same post when a reply is repeated with the same clientId', async () => {
    const topic = await createTopic(api, ann, forum.slug);
    const clientId = randomUUID();
    const first = await api.http
      .post(`/api/topics/${topic.id}/posts`)
      .set(bob.auth)
      .send({ body: 'only once', clientId })
      .expect(201);
    const again = await api.http
      .post(`/api/topics/${topic.id}/posts`)
      .set(bob.auth)
      .send({ body: 'only once', clientId })
      .expect(201);
    expect(again.body.post.id).toBe(first.body.post.id);
    const page = await api.http.get(`/api/topics/${topic.id}/posts`).expect(200);
    expect(page.body.items.filter((p: { html: string }) => p.html.includes('only once'))).toHaveLength(1);
  });

  it('returns the same topic when a new topic is repeated with the same clientId, even concurrently', async () => {
    const clientId = randomUUID();
    const send = () =>
      api.http
        .post(`/api/forums/${forum.slug}/topics`)
        .set(bob.auth)
        .send({ title: 'Retried after a timeout', body: 'once please', clientId });
    const [a, b] = await Promise.all([send(), send()]);
    const c = await send();
    const ok = [a, b, c].filter((res) => res.status === 201);
    expect(ok.length).toBeGreaterThanOrEqual(2);
    expect(new Set(ok.map((res) => res.body.topic.id)).size).toBe(1);
    const list = await api.http.get(`/api/forums/${forum.slug}/topics?limit=100`).expect(200);
    const titles = list.body.items.filter((t: { title: string }) => t.title === 'Retried after a timeout');
    expect(titles).toHaveLength(1);
  });

  it('finishes a topic stored without its first post (process killed in between) when the request is retried', async () => {
    const clientId = randomUUID();
    // What a process killed between the two inserts leaves: the topic with this clientId, no post.
    const stranded = await api.app.get(TopicRepository).insert({
      forumId: forum.id,
      title: 'Stranded by a crash',
      authorId: bob.id,
      authorName: bob.username,
      tags: [],
      status: 'visible',
      clientKey: `${bob.id}:${clientId}`,
      firstPostId: newObjectId(),
      lastVisibleSeq: 1,
    });
    const send = () =>
      api.http
        .post(`/api/forums/${forum.slug}/topics`)
        .set(bob.auth)
        .send({ title: 'Stranded by a crash', body: 'sent before the crash', clientId });
    const retried = await send().expect(201);
    expect(retried.body.topic.id).toBe(stranded.id);
    expect(retried.body.post).toMatchObject({ seq: 1 });
    const again = await send().expect(201);
    expect(again.body.post.id).toBe(retried.body.post.id);
    const page = await api.http.get(`/api/topics/${stranded.id}/posts`).expect(200);
    expect(page.body.items.map((p: { seq: number }) => p.seq)).toEqual([1]);
  });

  it('returns every post exactly once across pages while new replies keep arriving', async () => {
    const topic = await createTopic(api, ann, forum.slug);
    for (let i = 0; i < 7; i += 1) await reply(api, bob, topic.id, `early ${i}`);
    const seen: number[] = [];
    let after = 0;
    for (let round = 0; round < 20; round += 1) {
      const page = await api.http.get(`/api/topics/${topic.id}/posts?after=${after}&limit=3`).expect(200);
      seen.push(...page.body.items.map((p: { seq: number }) => p.seq));
      if (round < 3) await reply(api, ann, topic.id, `arrived while paging ${round}`);
      if (page.body.items.length === 0) break;
      after = page.body.items[page.body.items.length - 1].seq;
    }
    expect(seen).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    const back = await api.http.get(`/api/topics/${topic.id}/posts?before=5&limit=3`).expect(200);
    expect(back.body.items.map((p: { seq: number }) => p.seq)).toEqual([2, 3, 4]);
    expect(back.body.hasMore).toBe(true);
  });

  it('refuses a page size over 100', async () => {
    const topic = await createTopic(api, ann, forum.slug);
    await api.http.get(`/api/topics/${topic.id}/posts?limit=1000`).expect(400);
  });

  it('shows unread counts on the topic list that drop after reading', async () => {
    const reader = await registerAuthor(api);
    const topic = await createTopic(api, ann, forum.slug, { title: 'Unread counting' });
    await reply(api, bob, topic.id, 'one');
    await reply(api, bob, topic.id, 'two');
    const unread = async () => {
      const res = await api.http
        .get(`/api/forums/${forum.slug}/topics?limit=100`)
        .set(reader.auth)
        .expect(200);
      return res.body.items.find((t: { id: string }) => t.id === topic.id).unreadCount;
    };
    expect(await unread()).toBe(3);
    await api.http.put(`/api/topics/${topic.id}/read`).set(reader.auth).send({ seq: 2 }).expect(200);
    expect(await unread()).toBe(1);
    await api.http.put(`/api/topics/${topic.id}/read`).set(reader.auth).send({ seq: 1 }).expect(200);
    expect(await unread()).toBe(1);
    await api.http.get(`/api/topics/${topic.id}/posts`).set(reader.auth).expect(200);
    expect(await unread()).toBe(0);
    await reply(api, bob, topic.id, 'three');
    expect(await unread()).toBe(1);
  });

  it('keeps moving a read mark stored before marks were keyed by reader and topic', async () => {
    const reader = await registerAuthor(api);
    const topic = await createTopic(api, ann, forum.slug, { title: 'Read long ago' });
    await reply(api, bob, topic.id, 'one');
    await reply(api, bob, topic.id, 'two');
    await api.settled();
    const marks = api.app.get<Model<TopicReadRecord>>(getModelToken(TopicReadRecord.name)).collection;
    await marks.insertOne({
      _id: new Types.ObjectId(),
      userId: reader.id,
      topicId: topic.id,
      forumId: forum.id,
      lastReadSeq: 1,
    } as never);
    const shown = async () =>
      (await api.http.get(`/api/topics/${topic.id}`).set(reader.auth).expect(200)).body.topic.unreadCount;
    expect(await shown()).toBe(2);
    await api.http.get(`/api/topics/${topic.id}/posts`).set(reader.auth).expect(200);
    expect(await shown()).toBe(0);
    expect(await marks.countDocuments({ userId: reader.id, topicId: topic.id })).toBe(1);
  });

  it('shows a placeholder for a post its author deleted, and keeps it out of search', async () => {
    const topic = await createTopic(api, ann, forum.slug);
    const post = await reply(api, bob, topic.id, 'regrettable words xylophone');
    await api.http.delete(`/api/posts/${post.id}`).set(ann.auth).expect(403);
    await api.http.delete(`/api/posts/${post.id}`).set(bob.auth).expect(200);
    const page = await api.http.get(`/api/topics/${topic.id}/posts`).expect(200);
    const shown = page.body.items.find((p: { id: string }) => p.id === post.id);
    expect(shown).toMatchObject({
      status: 'deleted',
      html: expect.stringContaining('deleted by its author'),
    });
    expect(JSON.stringify(shown)).not.toContain('regrettable');
    const search = await api.http.get('/api/search?q=xylophone').expect(200);
    expect(search.body.items).toEqual([]);
    expect(eventsFor(ForumEvent.PostRemoved, topic.id).map((e) => e.payload.postId)).toEqual([post.id]);
  });

  it("leaves moderator work to the moderation routes: a moderator's DELETE of another's post is refused, the moderation delete is audited", async () => {
    const moderator = await createUser(api, { roles: ['moderator'] });
    const topic = await createTopic(api, ann, forum.slug);
    const post = await reply(api, bob, topic.id, 'moderated away');
    const refused = await api.http.delete(`/api/posts/${post.id}`).set(moderator.auth);
    expect([refused.status, refused.body.code]).toEqual([403, 'forbidden']);
    expect(refused.body.message).toContain('/api/moderation/posts/:id/delete');
    const statusOf = async () =>
      (await api.http.get(`/api/topics/${topic.id}/posts`).expect(200)).body.items.find(
        (p: { id: string }) => p.id === post.id,
      ).status;
    expect(await statusOf()).toBe('visible');
    await api.http
      .post(`/api/moderation/posts/${post.id}/delete`)
      .set(moderator.auth)
      .send({ reason: 'off topic' })
      .expect(200);
    expect(await statusOf()).toBe('removed');
    const audit = await api.http.get('/api/moderation/audit').query({ forum: forum.id }).set(moderator.auth);
    expect(audit.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ targetId: post.id, reason: 'off topic' })]),
    );
  });

  it('counts only visible replies: a deleted, hidden or removed reply leaves the topic and forum counts', async () => {
    const own = await createForum(api, admin);
    const topic = await createTopic(api, ann, own.slug);
    const posts = [];
    for (const body of ['one', 'two', 'three']) posts.push(await reply(api, bob, topic.id, body));
    const counts = async () => {
      await api.settled();
      const shown = await api.http.get(`/api/topics/${topic.id}`).expect(200);
      const forums = await api.http.get('/api/forums').expect(200);
      const listed = forums.body.items.find((f: { id: string }) => f.id === own.id);
      return { replies: shown.body.topic.replyCount, posts: listed.postCount, topics: listed.topicCount };
    };
    expect(await counts()).toEqual({ replies: 3, posts: 4, topics: 1 });
    await api.http.delete(`/api/posts/${posts[0].id}`).set(bob.auth).expect(200);
    const moderate = (id: string, action: string) =>
      api.http.post(`/api/moderation/posts/${id}/${action}`).set(admin.auth).send({ reason: 'test' });
    await moderate(posts[1].id, 'hide').expect(200);
    expect(await counts()).toEqual({ replies: 1, posts: 2, topics: 1 });
    await moderate(posts[1].id, 'unhide').expect(200);
    expect(await counts()).toEqual({ replies: 2, posts: 3, topics: 1 });
    await moderate(posts[2].id, 'delete').expect(200);
    expect(await counts()).toEqual({ replies: 1, posts: 2, topics: 1 });
    // A deleted post deleted again changes nothing.
    await api.http.delete(`/api/posts/${posts[0].id}`).set(bob.auth);
    expect(await counts()).toEqual({ replies: 1, posts: 2, topics: 1 });
  });

  it('counts one like per user however often they like, and takes it back', async () => {
    const topic = await createTopic(api, ann, forum.slug);
    const like = () => api.http.post(`/api/posts/${topic.firstPostId}/like`).set(bob.auth);
    const results = await Promise.all([like(), like(), like()]);
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    const page = await api.http.get(`/api/topics/${topic.id}/posts`).set(bob.auth).expect(200);
    expect(page.body.items[0]).toMatchObject({ likeCount: 1, likedByMe: true });
    const unliked = await api.http.delete(`/api/posts/${topic.firstPostId}/like`).set(bob.auth).expect(200);
    expect(unliked.body).toMatchObject({ liked: false, likeCount: 0 });
  });

  it('shows a like, an edit, a new reply and a deletion on a page that was read just before each', async () => {
    const topic = await createTopic(api, ann, forum.slug, {
      title: 'Read it again',
      body: 'as first written',
    });
    const page = async () => (await api.http.get(`/api/topics/${topic.id}/posts`).expect(200)).body.items;
    expect((await page())[0]).toMatchObject({ likeCount: 0, html: '<p>as first written</p>\n' });
    await api.http.post(`/api/posts/${topic.firstPostId}/like`).set(bob.auth).expect(201);
    expect((await page())[0]).toMatchObject({ likeCount: 1 });
    await api.http
      .patch(`/api/posts/${topic.firstPostId}`)
      .set(ann.auth)
      .send({ body: 'as edited' })
      .expect(200);
    expect((await page())[0]).toMatchObject({ html: '<p>as edited</p>\n' });
    const later = await reply(api, bob, topic.id, 'a later reply');
    expect((await page()).map((p: { id: string }) => p.id)).toEqual([topic.firstPostId, later.id]);
    await api.http.delete(`/api/posts/${later.id}`).set(bob.auth).expect(200);
    expect((await page())[1]).toMatchObject({ id: later.id, status: 'deleted' });
  });

  it('resolves @mentions to users and quotes to post ids, and names the mentioned users in post.created', async () => {
    const topic = await createTopic(api, ann, forum.slug);
    const body = `> @${ann.username} wrote (#1):\n> the first post\n\nI agree, @${ann.username}. cc @nobody-here`;
    const post = await api.http
      .post(`/api/topics/${topic.id}/posts`)
      .set(bob.auth)
      .send({ body })
      .expect(201);
    expect(post.body.post.html).toContain('<blockquote>');
    // Resolved after the answer, by the post's follow-up work.
    await api.settled();
    const stored = await api.http.get(`/api/topics/${topic.id}/posts`).expect(200);
    expect(stored.body.items[1]).toMatchObject({
      mentionedUserIds: [ann.id],
      quotedPostIds: [topic.firstPostId],
    });
    const created = eventsFor(ForumEvent.PostCreated, topic.id).find((e) => e.payload.seq === 2);
    expect(created?.payload.post).toMatchObject({ mentionedUserIds: [ann.id] });
  });

  it('asks for the notice before a first post (428) and stores nothing', async () => {
    const newcomer = await createUser(api);
    const topic = await createTopic(api, ann, forum.slug);
    const res = await api.http.post(`/api/topics/${topic.id}/posts`).set(newcomer.auth).send({ body: 'hi' });
    expect(res.status).toBe(428);
    const page = await api.http.get(`/api/topics/${topic.id}/posts`).expect(200);
    expect(page.body.items).toHaveLength(1);
  });
});
