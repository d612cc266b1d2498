import { startApp, type TestApp } from '../helpers/start-app';
import { reply } from '../factories/topic.factory';
import { registerAuthor } from '../factories/topic.factory';
import { createUser } from '../factories/user.factory';
import { moderationWorld, queueOf, replyAcknowledging, type ModerationWorld } from './moderation.helpers';

describe('Reports and the review queue', () => {
  let api: TestApp;
  let w: ModerationWorld;

  beforeAll(async () => {
    api = await startApp();
    w = await moderationWorld(api);
  });
  afterAll(async () => {
    await api.close();
  });

  it('puts a reported post in the queue with its reason, report count, marked spans and age', async () => {
    const post = await replyAcknowledging(api, w.author, w.topicA, 'Spam! Write to deals@example.com now');
    const res = await api.http
      .post('/api/reports')
      .set(w.reader.auth)
      .send({ targetType: 'post', targetId: post.id, reason: 'spam', note: 'selling things' })
      .expect(201);
    expect(res.body).toMatchObject({ targetId: post.id, reason: 'spam', status: 'open', reportCount: 1 });

    const queue = await queueOf(api, w.modA, { reason: 'reported' });
    const item = queue.items.find((entry) => entry.targetId === post.id);
    expect(item).toMatchObject({
      targetType: 'post',
      forumId: w.forumA.id,
      status: 'open',
      priority: 'high',
      reportCount: 1,
      author: { id: w.author.id, previousActions: 0 },
    });
    expect(item?.reasons).toEqual(expect.arrayContaining(['reported:spam', 'pii_acknowledged']));
    const content = item?.content as {
      source: string;
      spans: Array<{ type: string; start: number; end: number }>;
    };
    expect(content.spans).toEqual([expect.objectContaining({ type: 'email' })]);
    const [span] = content.spans;
    expect(content.source.slice(span.start, span.end)).toBe('deals@example.com');
    expect(typeof item?.ageSeconds).toBe('number');
  });

  it('groups reports on one post into one entry and counts them', async () => {
    const post = await reply(api, w.author, w.topicA, 'An opinion some people dislike');
    const second = await registerAuthor(api);
    await api.http
      .post('/api/reports')
      .set(w.reader.auth)
      .send({ targetType: 'post', targetId: post.id, reason: 'abuse' })
      .expect(201);
    const res = await api.http
      .post('/api/reports')
      .set(second.auth)
      .send({ targetType: 'post', targetId: post.id, reason: 'off_topic' })
      .expect(201);
    expect(res.body.reportCount).toBe(2);
    const entries = (await queueOf(api, w.admin)).items.filter((entry) => entry.targetId === post.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ reportCount: 2 });
    expect(entries[0].reasons).toEqual(expect.arrayContaining(['reported:abuse', 'reported:off_topic']));
  });

  it('accepts one report per member per post, and none on one’s own post', async () => {
    const post = await reply(api, w.author, w.topicA, 'Reported once');
    const body = { targetType: 'post', targetId: post.id, reason: 'other' };
    await api.http.post('/api/reports').set(w.reader.auth).send(body).expect(201);
    const again = await api.http.post('/api/reports').set(w.reader.auth).send(body).expect(409);
    expect(again.body.code).toBe('already_reported');
    await api.http.post('/api/reports').set(w.author.auth).send(body).expect(400);
    await api.http
      .post('/api/reports')
      .set(w.reader.auth)
      .send({ ...body, reason: 'boring' })
      .expect(400);
    await api.http.post('/api/reports').send(body).expect(401);
  });

  it('slows down a member who reports many posts in a short time', async () => {
    const reporter = await registerAuthor(api);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      const post = await reply(api, w.author, w.topicA, `Post number ${i} for the throttle`);
      const res = await api.http
        .post('/api/reports')
        .set(reporter.auth)
        .send({ targetType: 'post', targetId: post.id, reason: 'spam' });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(201));
    expect(statuses[10]).toBe(429);
  });

  it('holds a post under the review policy and queues it for that forum’s moderators only', async () => {
    const held = await replyAcknowledging(api, w.author, w.topicB, 'Call me on 020 7946 0958');
    expect(held.status).toBe('held');
    const forB = await queueOf(api, w.modB);
    expect(forB.items.find((entry) => entry.targetId === held.id)).toMatchObject({
      reasons: ['personal_data'],
      priority: 'high',
    });
    const forA = await queueOf(api, w.modA);
    expect(forA.items.find((entry) => entry.targetId === held.id)).toBeUndefined();
  });

  it('answers 403 to a moderator of forum A who asks for forum B’s queue, and 403 to a member', async () => {
    const res = await api.http
      .get('/api/moderation/queue')
      .query({ forum: w.forumB.id })
      .set(w.modA.auth)
      .expect(403);
    expect(res.body.code).toBe('forbidden');
    await api.http.get('/api/moderation/queue').set(w.reader.auth).expect(403);
    await api.http.get('/api/moderation/queue').query({ forum: w.forumA.id }).set(w.modA.auth).expect(200);
  });

  it('lists held and reported items before acknowledged ones, oldest first, page by page', async () => {
    const world = await moderationWorld(api);
    const acknowledged = await replyAcknowledging(api, world.author, world.topicA, 'Mail ann@example.org');
    const reported: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const post = await reply(api, world.author, world.topicA, `Reported post ${i}`);
      await api.http
        .post('/api/reports')
        .set(world.reader.auth)
        .send({ targetType: 'post', targetId: post.id, reason: 'spam' })
        .expect(201);
      reported.push(post.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await queueOf(api, world.modA, {
        forum: world.forumA.id,
        limit: '2',
        ...(cursor ? { cursor } : {}),
      });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.targetId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...reported, acknowledged.id]);
    const onlyAcknowledged = await queueOf(api, world.modA, {
      forum: world.forumA.id,
      reason: 'pii_acknowledged',
    });
    expect(onlyAcknowledged.items.map((item) => item.targetId)).toEqual([acknowledged.id]);
  });

  it('shows a moderator of two forums both forums’ items when no forum is named', async () => {
    const both = await createUser(api, { moderatedForumIds: [w.forumA.id, w.forumB.id] });
    const inA = await reply(api, w.author, w.topicA, 'Reported in A');
    await api.http
      .post('/api/reports')
      .set(w.reader.auth)
      .send({ targetType: 'post', targetId: inA.id, reason: 'spam' })
      .expect(201);
    const inB = await replyAcknowledging(api, w.author, w.topicB, 'Held in B: 020 7946 0958');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await queueOf(api, both, { limit: '5', ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((item) => item.targetId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expect.arrayContaining([inA.id, inB.id]));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('refuses a cursor the server did not give out', async () => {
    const res = await api.http
      .get('/api/moderation/queue')
      .query({ cursor: 'bm9wZQ' })
      .set(w.admin.auth)
      .expect(400);
    expect(res.body.code).toBe('cursor_invalid');
  });
});
