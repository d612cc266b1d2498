import { createForum } from '../factories/forum.factory';
import { createTopic, registerAuthor, reply } from '../factories/topic.factory';
import { createUser } from '../factories/user.factory';
import { startApp, type TestApp } from '../helpers/start-app';

describe('Profiles', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startApp();
  });
  afterAll(() => api.close());

  it('shows names, joined, post count and recent posts the viewer may read, never an email', async () => {
    const admin = await createUser(api, { roles: ['admin'] });
    const open = await createForum(api, admin);
    const closed = await createForum(api, admin, { visibility: 'members' });
    const ann = await registerAuthor(api);
    await api.http.patch('/api/me').set(ann.auth).send({ displayName: 'Ann from Ops' }).expect(200);
    const topic = await createTopic(api, ann, open.slug, {
      title: 'Dark mode',
      body: 'Is there a **dark** mode?',
    });
    await reply(api, ann, topic.id, 'Found it under Settings.');
    await createTopic(api, ann, closed.slug, { title: 'Members only', body: 'Only for members here.' });
    const deleted = await reply(api, ann, topic.id, 'I take this back.');
    await api.http.delete(`/api/posts/${deleted.id}`).set(ann.auth).expect(200);
    await api.settled();

    const seen = await api.http.get(`/api/profiles/${ann.username.toUpperCase()}`).expect(200);
    expect(seen.body).toMatchObject({ username: ann.username, displayName: 'Ann from Ops', postCount: 2 });
    expect(seen.body.recentPosts.map((p: { excerpt: string }) => p.excerpt)).toEqual([
      'Found it under Settings.',
      'Is there a dark mode?',
    ]);
    expect(seen.body.recentPosts[0]).toMatchObject({ topicId: topic.id, topicTitle: 'Dark mode', seq: 2 });
    expect(JSON.stringify(seen.body)).not.toContain(ann.email);

    const member = await registerAuthor(api);
    const asMember = await api.http.get(`/api/profiles/${ann.username}`).set(member.auth).expect(200);
    expect(asMember.body.postCount).toBe(3);
    expect(asMember.body.recentPosts[0]).toMatchObject({ topicTitle: 'Members only' });
  });

  it('answers 404 for nobody and for a deleted account, and 400 for a name that cannot be one', async () => {
    const gone = await registerAuthor(api);
    await api.http
      .delete('/api/me')
      .set(gone.auth)
      .send({ password: gone.password, deletePosts: false })
      .expect(204);
    expect((await api.http.get(`/api/profiles/${gone.username}`).expect(404)).body).toMatchObject({
      code: 'not_found',
    });
    await api.http.get('/api/profiles/no_such_member_here').expect(404);
    const bad = await api.http.get('/api/profiles/a.b').expect(400);
    expect(bad.body).toMatchObject({ code: 'validation_failed' });
  });
});
