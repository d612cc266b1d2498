import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { PostRevisionRecord } from '../../src/posts/post-revision.schema';
import { PostRecord } from '../../src/posts/post.schema';
import { UserRecord } from '../../src/users/user.schema';
import { acknowledgedMember, ensureAcknowledged } from '../factories/board.factory';
import { createForum, type TestForum } from '../factories/forum.factory';
import { createTopic, reply } from '../factories/topic.factory';
import { createUser, registerUser, type TestUser } from '../factories/user.factory';
import { startApp, type TestApp } from '../helpers/start-app';

const deleteAccount = (api: TestApp, user: TestUser, deletePosts: boolean) =>
  api.http.delete('/api/me').set(user.auth).send({ password: user.password, deletePosts }).expect(204);

const registerName = (api: TestApp, username: string) =>
  api.http
    .post('/api/auth/register')
    .send({ username, email: `${username}-again@example.test`, password: 'a long enough password' });

/** Deleting an account erases it from other people's inboxes, quotes and search, and purges its posts. */
describe('Account deletion erases the account everywhere', () => {
  let api: TestApp;
  let forum: TestForum;
  let mod: TestUser;

  beforeAll(async () => {
    api = await startApp();
    const admin = await ensureAcknowledged(api, await createUser(api, { roles: ['admin'] }));
    forum = await createForum(api, admin);
    mod = await ensureAcknowledged(api, await createUser(api, { moderatedForumIds: [forum.id] }));
  });
  afterAll(async () => {
    await api.close();
  });

  it('leaves no name, id or words of the account in other people’s notifications, quotes and search', async () => {
    const ann = await acknowledgedMember(api);
    const bob = await acknowledgedMember(api);
    const bobsTopic = await createTopic(api, bob, forum.slug);
    await api.http
      .post(`/api/topics/${bobsTopic.id}/posts`)
      .set(ann.auth)
      .send({ body: 'Agreed, the violet one', replyTo: 1 })
      .expect(201);
    const annsTopic = await createTopic(api, ann, forum.slug, {
      body: `Which colour is best, @${bob.username}?`,
    });
    const quoting = await reply(
      api,
      bob,
      annsTopic.id,
      `> @${ann.username} wrote (#1):\n> Which colour is best?\n\nGreen, @${ann.username}.`,
    );
    await api.settled();
    const before = (await api.http.get('/api/notifications').set(bob.auth).expect(200)).body.items;
    expect(before.filter((n: { actorId: string }) => n.actorId === ann.id)).toHaveLength(2);

    await deleteAccount(api, ann, false);
    await api.settled();

    const inbox = (await api.http.get('/api/notifications').set(bob.auth).expect(200)).body.items;
    const fromAnn = inbox.filter((n: { type: string }) => n.type === 'reply' || n.type === 'mention');
    expect(fromAnn).toHaveLength(2);
    for (const n of fromAnn) {
      expect(n).toMatchObject({
        actorId: null,
        excerpt: null,
        summary: expect.stringMatching(/^A deleted user /),
      });
    }
    expect(JSON.stringify(inbox)).not.toContain(ann.username);

    const page = await api.http.get(`/api/topics/${annsTopic.id}/posts`).set(bob.auth).expect(200);
    const quote = (page.body.items as Array<Record<string, unknown>>).find((p) => p.id === quoting.id);
    expect(quote?.html).toContain('a deleted user wrote (#1):');
    expect(quote?.source).toBe(
      '> a deleted user wrote (#1):\n> Which colour is best?\n\nGreen, a deleted user.',
    );
    expect(quote?.quotedPostIds).toEqual([annsTopic.firstPostId]);
    expect(JSON.stringify(page.body)).not.toContain(ann.username);

    const search = await api.http.get('/api/search').query({ q: ann.username }).set(bob.auth).expect(200);
    expect(search.body.items).toEqual([]);
  });

  it('with deletePosts purges the text, every revision and the topic titles, and keeps the name reserved', async () => {
    const carl = await acknowledgedMember(api);
    const title = `Carl's secret garden ${Date.now()}`;
    const topic = await createTopic(api, carl, forum.slug, {
      title,
      body: 'My garden is at the end of Elm Lane',
    });
    await api.http
      .patch(`/api/posts/${topic.firstPostId}`)
      .set(carl.auth)
      .send({ body: 'My garden is somewhere nice' })
      .expect(200);
    await api.settled();

    await deleteAccount(api, carl, true);
    await api.settled();

    const stored = await api.app
      .get<Model<PostRecord>>(getModelToken(PostRecord.name))
      .findById(topic.firstPostId)
      .lean()
      .exec();
    expect(stored).toMatchObject({ source: '', html: '', searchText: '', status: 'deleted' });
    const revisions = api.app.get<Model<PostRevisionRecord>>(getModelToken(PostRevisionRecord.name));
    expect(await revisions.countDocuments({ postId: topic.firstPostId })).toBe(0);
    const history = await api.http.get(`/api/posts/${topic.firstPostId}/revisions`).set(mod.auth).expect(200);
    expect(history.body.items).toEqual([]);
    const shown = await api.http.get(`/api/topics/${topic.id}`).set(mod.auth).expect(200);
    expect(JSON.stringify(shown.body)).not.toContain('secret garden');
    const page = await api.http.get(`/api/topics/${topic.id}/posts`).set(mod.auth).expect(200);
    expect(JSON.stringify(page.body)).not.toMatch(/Elm Lane|somewhere nice/);
    const search = await api.http.get('/api/search').query({ q: 'secret garden' }).set(mod.auth).expect(200);
    expect(search.body.items).toEqual([]);

    const impostor = await registerName(api, carl.username);
    expect(impostor.status).toBe(409);
    expect(impostor.body.details).toEqual({ field: 'username' });
  });
});

describe('A deleted username’s reservation period', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startApp({ env: { DELETED_USERNAME_RESERVED_DAYS: '30' } });
  });
  afterAll(async () => {
    await api.close();
  });

  it('refuses the name within the period and lets it be registered once the period is over', async () => {
    const dana = await registerUser(api);
    await deleteAccount(api, dana, false);
    expect((await registerName(api, dana.username)).status).toBe(409);
    // The deletion happened 31 days ago, as far as the reservation can tell.
    await api.app
      .get<Model<UserRecord>>(getModelToken(UserRecord.name))
      .updateOne({ _id: dana.id }, { $set: { deletedAt: new Date(Date.now() - 31 * 86_400_000) } })
      .exec();
    const newcomer = await registerName(api, dana.username);
    expect(newcomer.status).toBe(201);
    expect(newcomer.body.user.id).not.toBe(dana.id);
  });
});
