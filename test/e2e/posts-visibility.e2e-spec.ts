import { EventEmitter2 } from '@nestjs/event-emitter';
import { getConnectionToken } from '@nestjs/mongoose';
import { Types, type Connection } from 'mongoose';
import { ForumEvent } from '../../src/infra/events/forum-events';
import { PostRevisionRepository } from '../../src/posts/post-revision.repository';
import { PostRevisingService } from '../../src/posts/post-revising.service';
import { PostRepository } from '../../src/posts/post.repository';
import { createForum, type TestForum } from '../factories/forum.factory';
import { createTopic, registerAuthor, reply } from '../factories/topic.factory';
import { createUser, type TestUser } from '../factories/user.factory';
import { startApp, type TestApp } from '../helpers/start-app';

const EMAIL_BODY = 'Write to me at ann.smith@example.com about the bug';

describe('Held, masked, hidden and deleted-account posts', () => {
  let api: TestApp;
  let admin: TestUser;
  let moderator: TestUser;
  let author: TestUser;
  let reader: TestUser;
  let reviewed: TestForum;
  let masked: TestForum;
  const events: Array<{ name: string; payload: Record<string, unknown> }> = [];

  beforeAll(async () => {
    api = await startApp();
    admin = await createUser(api, { roles: ['admin'] });
    reviewed = await createForum(api, admin, { piiPolicy: 'review' });
    masked = await createForum(api, admin, { piiPolicy: 'mask' });
    moderator = await createUser(api, { moderatedForumIds: [reviewed.id, masked.id] });
    author = await registerAuthor(api);
    reader = await registerAuthor(api);
    const emitter = api.app.get(EventEmitter2);
    for (const name of [ForumEvent.PostCreated, ForumEvent.PostHeld]) {
      emitter.on(name, (payload: Record<string, unknown>) => events.push({ name, payload }));
    }
  });
  afterAll(async () => {
    await api.close();
  });

  /** Posts, gets the 422, and resubmits acknowledging exactly those findings. */
  async function replyAcknowledging(topicId: string, body: string) {
    const first = await api.http
      .post(`/api/topics/${topicId}/posts`)
      .set(author.auth)
      .send({ body })
      .expect(422);
    expect(first.body.code).toBe('personal_data_detected');
    return api.http
      .post(`/api/topics/${topicId}/posts`)
      .set(author.auth)
      .send({ body, acknowledgePersonalData: first.body.details.findingsDigest })
      .expect(201);
  }

  it('holds an acknowledged post with an e-mail address in a review forum, visible to its author and moderators only', async () => {
    const topic = await createTopic(api, author, reviewed.slug);
    const res = await replyAcknowledging(topic.id, EMAIL_BODY);
    expect(res.body.post).toMatchObject({ status: 'held', pending: 'waiting for a moderator' });
    expect(res.body.post.findings).toMatchObject({ total: 1, byType: { email: 1, phone: 0 } });
    expect(JSON.stringify(res.body.post.findings)).not.toContain('example.com');
    const postId = res.body.post.id;
    const seqsFor = async (auth?: Record<string, string>) => {
      const request = api.http.get(`/api/topics/${topic.id}/posts`);
      const page = await (auth ? request.set(auth) : request).expect(200);
      return page.body.items.map((p: { id: string }) => p.id);
    };
    expect(await seqsFor()).not.toContain(postId);
    expect(await seqsFor(reader.auth)).not.toContain(postId);
    expect(await seqsFor(author.auth)).toContain(postId);
    expect(await seqsFor(moderator.auth)).toContain(postId);
    const held = events.filter((e) => e.payload.topicId === topic.id && e.name === ForumEvent.PostHeld);
    expect(held).toHaveLength(1);
    expect(held[0].payload).toMatchObject({ seq: 2, reason: expect.any(String) });
    const created = events.filter((e) => e.payload.topicId === topic.id && e.name === ForumEvent.PostCreated);
    expect(created.map((e) => e.payload.seq)).toEqual([1]);
    await api.http
      .get('/api/search?q=ann.smith')
      .expect(200, { items: [], nextBefore: null, nextOffset: null });
    const shown = await api.http.get(`/api/topics/${topic.id}`).expect(200);
    expect(shown.body.topic).toMatchObject({ replyCount: 0, lastSeq: 1 });
  });

  it('keeps the published text of a post whose edit is held, until a moderator accepts the edit', async () => {
    const topic = await createTopic(api, author, reviewed.slug);
    const post = await reply(api, author, topic.id, 'Meet us at the booth');
    const first = await api.http
      .patch(`/api/posts/${post.id}`)
      .set(author.auth)
      .send({ body: EMAIL_BODY })
      .expect(422);
    const edited = await api.http
      .patch(`/api/posts/${post.id}`)
      .set(author.auth)
      .send({ body: EMAIL_BODY, acknowledgePersonalData: first.body.details.findingsDigest })
      .expect(200);
    expect(edited.body).toMatchObject({ status: 'visible', pending: 'waiting for a moderator' });
    expect(edited.body.html).toContain('ann.smith');
    const textFor = async (auth?: Record<string, string>) => {
      const request = api.http.get(`/api/topics/${topic.id}/posts`);
      const page = await (auth ? request.set(auth) : request).expect(200);
      return JSON.stringify(page.body.items.find((p: { id: string }) => p.id === post.id));
    };
    expect(await textFor(reader.auth)).toContain('Meet us at the booth');
    expect(await textFor(reader.auth)).not.toContain('ann.smith');
    expect(await textFor(author.auth)).toContain('ann.smith');
    const held = events.filter((e) => e.name === ForumEvent.PostHeld && e.payload.topicId === topic.id);
    expect(held.map((e) => (e.payload.post as { pendingEdit?: boolean }).pendingEdit)).toEqual([true]);
    await api.app.get(PostRevisingService).approvePending(post.id);
    expect(await textFor()).toContain('ann.smith');
    const revisions = await api.http.get(`/api/posts/${post.id}/revisions`).set(author.auth).expect(200);
    expect(revisions.body.items.map((r: { previousSource: string }) => r.previousSource)).toEqual([
      'Meet us at the booth',
    ]);
  });

  it('rewrites every revision and a parked edit when a value is removed from a post', async () => {
    const topic = await createTopic(api, author, reviewed.slug);
    const post = await reply(api, author, topic.id, 'Ask for Zebulon at the desk');
    await api.http.patch(`/api/posts/${post.id}`).set(author.auth).send({ body: 'Ask Zebulon' }).expect(200);
    const first = await api.http
      .patch(`/api/posts/${post.id}`)
      .set(author.auth)
      .send({ body: `Zebulon: ${EMAIL_BODY}` });
    await api.http
      .patch(`/api/posts/${post.id}`)
      .set(author.auth)
      .send({ body: `Zebulon: ${EMAIL_BODY}`, acknowledgePersonalData: first.body.details.findingsDigest })
      .expect(200);
    const changed = await api.app
      .get(PostRevisionRepository)
      .replaceInAll(post.id, 'Zebulon', '[name removed]');
    expect(changed).toBe(1);
    const connection = api.app.get<Connection>(getConnectionToken());
    const revisions = await connection.collection('post_revisions').find({ postId: post.id }).toArray();
    const stored = await connection.collection('posts').findOne({ _id: new Types.ObjectId(post.id) });
    expect(JSON.stringify(revisions)).not.toContain('Zebulon');
    expect(JSON.stringify(stored?.pendingEdit)).not.toContain('Zebulon');
    expect(stored?.pendingEdit.html).toContain('[name removed]');
  });

  it('stores the masked text in a mask forum, never the address', async () => {
    const topic = await createTopic(api, author, masked.slug);
    const res = await replyAcknowledging(topic.id, EMAIL_BODY);
    expect(res.body.post.status).toBe('visible');
    expect(res.body.masked).toEqual([expect.objectContaining({ type: 'email' })]);
    const connection = api.app.get<Connection>(getConnectionToken());
    const stored = await connection
      .collection('posts')
      .findOne({ _id: new Types.ObjectId(res.body.post.id) });
    expect(JSON.stringify(stored)).not.toContain('ann.smith@example.com');
    expect(stored?.findings).toMatchObject({ byType: { email: 1 } });
  });

  it('finds personal data in a new topic title and locates it from the start of the title', async () => {
    const title = 'Call 415-555-0134 for help';
    const res = await api.http
      .post(`/api/forums/${reviewed.slug}/topics`)
      .set(author.auth)
      .send({ title, body: 'details inside' })
      .expect(422);
    const finding = res.body.details.findings[0];
    expect(finding.type).toBe('phone');
    expect(title.slice(finding.start, finding.end)).toContain('415');
  });

  it('shows a placeholder for a hidden post to readers and the text to moderators', async () => {
    const forum = await createForum(api, admin);
    const localModerator = await createUser(api, { moderatedForumIds: [forum.id] });
    const topic = await createTopic(api, author, forum.slug);
    const post = await reply(api, author, topic.id, 'something off-topic');
    await api.app.get(PostRepository).setStatus(post.id, 'hidden');
    const asReader = await api.http.get(`/api/topics/${topic.id}/posts`).set(reader.auth).expect(200);
    const seen = asReader.body.items.find((p: { id: string }) => p.id === post.id);
    expect(seen.html).toContain('hidden by a moderator');
    expect(JSON.stringify(seen)).not.toContain('off-topic');
    const asModerator = await api.http
      .get(`/api/topics/${topic.id}/posts`)
      .set(localModerator.auth)
      .expect(200);
    expect(asModerator.body.items.find((p: { id: string }) => p.id === post.id).html).toContain('off-topic');
  });

  it("exports a user's posts with their revisions, and shows them as by a deleted user after deletion", async () => {
    const forum = await createForum(api, admin);
    const leaving = await registerAuthor(api);
    const topic = await createTopic(api, leaving, forum.slug, { body: 'my first words' });
    await api.http
      .patch(`/api/posts/${topic.firstPostId}`)
      .set(leaving.auth)
      .send({ body: 'my edited words' });
    const exported = await api.http.get('/api/me/export').set(leaving.auth).expect(200);
    expect(JSON.stringify(exported.body)).toContain('my edited words');
    expect(JSON.stringify(exported.body)).toContain('my first words');
    await api.http
      .delete('/api/me')
      .set(leaving.auth)
      .send({ password: leaving.password })
      .expect((res) => {
        if (res.status >= 300) throw new Error(`delete account: ${res.status} ${JSON.stringify(res.body)}`);
      });
    const page = await api.http.get(`/api/topics/${topic.id}/posts`).expect(200);
    expect(page.body.items[0]).toMatchObject({ authorId: null, authorName: 'deleted user' });
    expect(page.body.items[0].html).toContain('my edited words');
    expect(JSON.stringify(page.body)).not.toContain(leaving.username);
  });
});
