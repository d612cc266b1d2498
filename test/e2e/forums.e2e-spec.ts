import { createForum } from '../factories/forum.factory';
import { createTopic, registerAuthor } from '../factories/topic.factory';
import { createUser, registerUser, type TestUser } from '../factories/user.factory';
import { startApp, type TestApp } from '../helpers/start-app';

describe('Forums', () => {
  let api: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    api = await startApp();
    admin = await createUser(api, { roles: ['admin'] });
  });
  afterAll(async () => {
    await api.close();
  });

  it('lets an admin create a forum with the default personal-data policy and phone region', async () => {
    const res = await api.http
      .post('/api/forums')
      .set(admin.auth)
      .send({ slug: 'acme-cloud', name: 'Acme Cloud', productName: 'Acme Cloud Storage' })
      .expect(201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^[a-f0-9]{24}$/),
      slug: 'acme-cloud',
      visibility: 'public',
      piiPolicy: 'warn',
      phoneRegion: 'US',
      topicCount: 0,
      postCount: 0,
      archived: false,
    });
    expect(res.body._id).toBeUndefined();
  });

  it('refuses forum creation to a member (403) and to an anonymous caller (401)', async () => {
    const member = await registerUser(api);
    const body = { slug: 'not-allowed', name: 'Nope', productName: 'Nope' };
    await api.http.post('/api/forums').set(member.auth).send(body).expect(403);
    await api.http.post('/api/forums').send(body).expect(401);
    const list = await api.http.get('/api/forums').set(admin.auth).expect(200);
    expect(list.body.items.map((f: { slug: string }) => f.slug)).not.toContain('not-allowed');
  });

  it('answers a second forum with the same slug with 409 slug_taken', async () => {
    await createForum(api, admin, { slug: 'twice' });
    const res = await api.http
      .post('/api/forums')
      .set(admin.auth)
      .send({ slug: 'twice', name: 'Again', productName: 'Again' })
      .expect(409);
    expect(res.body).toMatchObject({ code: 'slug_taken', message: expect.stringContaining('twice') });
  });

  it('lets anyone read a public forum without signing in, with the notice state', async () => {
    const forum = await createForum(api, admin, { visibility: 'public' });
    const author = await registerAuthor(api);
    await createTopic(api, author, forum.slug, { title: 'Hello from the public forum' });
    await api.settled();
    const list = await api.http.get('/api/forums').expect(200);
    expect(list.body.notice).toEqual({ version: expect.any(Number), acknowledged: false });
    const listed = list.body.items.find((f: { slug: string }) => f.slug === forum.slug);
    expect(listed).toMatchObject({ topicCount: 1, postCount: 1, lastActivityAt: expect.any(String) });
    const topics = await api.http.get(`/api/forums/${forum.slug}/topics`).expect(200);
    expect(topics.body.items.map((t: { title: string }) => t.title)).toEqual(['Hello from the public forum']);
    expect(topics.body.notice).toMatchObject({ acknowledged: false });
  });

  it('keeps a members forum from anonymous readers but shows it to signed-in members', async () => {
    const forum = await createForum(api, admin, { visibility: 'members' });
    const member = await registerAuthor(api);
    const topic = await createTopic(api, member, forum.slug, { title: 'Members only talk' });
    const anonymous = await api.http.get(`/api/forums/${forum.slug}/topics`).expect(401);
    expect(anonymous.body.code).toBe('unauthenticated');
    await api.http.get(`/api/topics/${topic.id}`).expect(401);
    await api.http.get(`/api/topics/${topic.id}/posts`).expect(401);
    const anonList = await api.http.get('/api/forums').expect(200);
    expect(anonList.body.items.map((f: { slug: string }) => f.slug)).not.toContain(forum.slug);
    const reader = await registerUser(api);
    const page = await api.http.get(`/api/forums/${forum.slug}/topics`).set(reader.auth).expect(200);
    expect(page.body.items.map((t: { id: string }) => t.id)).toEqual([topic.id]);
    expect(page.body.notice).toEqual({ version: expect.any(Number), acknowledged: false });
  });

  it('lets an admin reorder and archive forums; archived forums take no new topics', async () => {
    const first = await createForum(api, admin, { position: 1 });
    const second = await createForum(api, admin, { position: 2 });
    await api.http
      .put('/api/forums/order')
      .set(admin.auth)
      .send({ forumIds: [second.id, first.id] })
      .expect(200);
    const list = await api.http.get('/api/forums').expect(200);
    const slugs = list.body.items.map((f: { slug: string }) => f.slug);
    expect(slugs.indexOf(second.slug)).toBeLessThan(slugs.indexOf(first.slug));
    await api.http.patch(`/api/forums/${first.id}`).set(admin.auth).send({ archived: true }).expect(200);
    const after = await api.http.get('/api/forums').expect(200);
    expect(after.body.items.map((f: { slug: string }) => f.slug)).not.toContain(first.slug);
    const author = await registerAuthor(api);
    const res = await api.http
      .post(`/api/forums/${first.slug}/topics`)
      .set(author.auth)
      .send({ title: 'Too late', body: 'anyone here?' })
      .expect(409);
    expect(res.body.code).toBe('forum_archived');
  });

  it('counts topics with unread posts on the forum list, and the count drops after reading', async () => {
    const forum = await createForum(api, admin);
    const author = await registerAuthor(api);
    const reader = await registerAuthor(api);
    const topic = await createTopic(api, author, forum.slug);
    await createTopic(api, author, forum.slug);
    const unreadOf = async () => {
      const res = await api.http.get('/api/forums').set(reader.auth).expect(200);
      return res.body.items.find((f: { slug: string }) => f.slug === forum.slug).unreadTopicCount;
    };
    expect(await unreadOf()).toBe(2);
    await api.http.get(`/api/topics/${topic.id}/posts`).set(reader.auth).expect(200);
    expect(await unreadOf()).toBe(1);
  });

  it('lists pinned topics first, then the rest by last activity, each once across cursor pages', async () => {
    const forum = await createForum(api, admin);
    const author = await registerAuthor(api);
    const created = [];
    for (let i = 0; i < 5; i += 1)
      created.push(await createTopic(api, author, forum.slug, { title: `Topic ${i}` }));
    await api.http.post(`/api/moderation/topics/${created[0].id}/pin`).set(admin.auth).send({}).expect(200);
    await api.http
      .post(`/api/topics/${created[1].id}/posts`)
      .set(author.auth)
      .send({ body: 'bump' })
      .expect(201);
    await api.settled();
    const first = await api.http.get(`/api/forums/${forum.slug}/topics?limit=2`).expect(200);
    expect(first.body.pinned.map((t: { id: string }) => t.id)).toEqual([created[0].id]);
    const order = first.body.items.map((t: { id: string }) => t.id);
    let cursor = first.body.nextCursor;
    while (cursor) {
      const page = await api.http
        .get(`/api/forums/${forum.slug}/topics?limit=2&cursor=${cursor}`)
        .expect(200);
      expect(page.body.pinned).toEqual([]);
      order.push(...page.body.items.map((t: { id: string }) => t.id));
      cursor = page.body.nextCursor;
    }
    expect(order).toEqual([created[1].id, created[4].id, created[3].id, created[2].id]);
  });

  it('answers 400 to a cursor it did not issue', async () => {
    const forum = await createForum(api, admin);
    const res = await api.http.get(`/api/forums/${forum.slug}/topics?cursor=bm90LWEtY3Vyc29y`).expect(400);
    expect(res.body.code).toBe('cursor_invalid');
  });

  it('documents the forum, topic, post and search routes in OpenAPI', async () => {
    const res = await api.http.get('/api/docs/openapi.json').expect(200);
    const paths = Object.keys(res.body.paths);
    for (const path of [
      '/api/forums',
      '/api/forums/{slug}/topics',
      '/api/topics/{id}',
      '/api/topics/{id}/posts',
      '/api/posts/{id}',
      '/api/posts/{id}/revisions',
      '/api/posts/{id}/like',
      '/api/search',
    ]) {
      expect(paths).toContain(path);
    }
    expect(JSON.stringify(res.body.components.schemas.CreateTopicDto)).toContain('clientId');
  });
});
