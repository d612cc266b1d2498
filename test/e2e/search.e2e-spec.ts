import { createForum, type TestForum } from '../factories/forum.factory';
import { createTopic, registerAuthor, reply } from '../factories/topic.factory';
import { createUser, registerUser, type TestUser } from '../factories/user.factory';
import { startApp, type TestApp } from '../helpers/start-app';

interface Hit {
  postId: string;
  topicId: string;
  topicTitle: string;
  forumSlug: string;
  excerpt: string;
}

describe('Search', () => {
  let api: TestApp;
  let author: TestUser;
  let open: TestForum;
  let members: TestForum;

  beforeAll(async () => {
    api = await startApp();
    const admin = await createUser(api, { roles: ['admin'] });
    open = await createForum(api, admin);
    members = await createForum(api, admin, { visibility: 'members' });
    author = await registerAuthor(api);
  });
  afterAll(async () => {
    await api.close();
  });

  const search = async (query: string, auth?: Record<string, string>) => {
    const request = api.http.get(`/api/search?${query}`);
    const res = await (auth ? request.set(auth) : request).expect(200);
    return res.body as { items: Hit[]; nextBefore: string | null };
  };

  it('finds titles and post text case-insensitively, newest first, with the topic and forum named', async () => {
    const older = await createTopic(api, author, open.slug, {
      title: 'Gizmotron pairing fails',
      body: 'details',
    });
    const newer = await createTopic(api, author, open.slug, {
      title: 'Other',
      body: 'my GIZMOTRON is stuck',
    });
    const found = await search('q=gizmotron');
    expect(found.items.map((hit) => hit.topicId)).toEqual([newer.id, older.id]);
    expect(found.items[0]).toMatchObject({ forumSlug: open.slug, topicTitle: 'Other' });
    expect(found.items[0].excerpt.toLowerCase()).toContain('gizmotron');
  });

  it('pages through results with nextBefore, each result once', async () => {
    const topic = await createTopic(api, author, open.slug, { body: 'quuxword 0' });
    for (let i = 1; i < 5; i += 1) await reply(api, author, topic.id, `quuxword ${i}`);
    const seen: string[] = [];
    let query = 'q=quuxword&limit=2';
    for (let round = 0; round < 5; round += 1) {
      const page = await search(query);
      seen.push(...page.items.map((hit) => hit.postId));
      if (!page.nextBefore) break;
      query = `q=quuxword&limit=2&before=${page.nextBefore}`;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('searches a members forum only for signed-in readers', async () => {
    await createTopic(api, author, members.slug, { title: 'Secret roadmap flumbergast' });
    expect((await search('q=flumbergast')).items).toEqual([]);
    const member = await registerUser(api);
    expect((await search('q=flumbergast', member.auth)).items).toHaveLength(1);
    await api.http.get(`/api/search?q=flumbergast&forum=${members.slug}`).expect(401);
  });

  it('searches within one forum when asked', async () => {
    const other = await createForum(api, await createUser(api, { roles: ['admin'] }));
    await createTopic(api, author, open.slug, { title: 'Wobblefrost in the open forum' });
    await createTopic(api, author, other.slug, { title: 'Wobblefrost elsewhere' });
    const found = await search(`q=wobblefrost&forum=${other.slug}`);
    expect(found.items.map((hit) => hit.forumSlug)).toEqual([other.slug]);
  });

  it('refuses queries shorter than 2 or longer than 100 characters', async () => {
    await api.http.get('/api/search?q=a').expect(400);
    await api.http.get(`/api/search?q=${'a'.repeat(101)}`).expect(400);
    await api.http.get('/api/search?q=%20%20%20').expect(400);
  });

  it('matches regular-expression characters literally', async () => {
    await createTopic(api, author, open.slug, { title: 'Price (a+b)* in C++', body: 'what is (a+b)*?' });
    expect((await search(`q=${encodeURIComponent('(a+b)*')}`)).items.length).toBeGreaterThanOrEqual(1);
    expect((await search(`q=${encodeURIComponent('c+++')}`)).items).toEqual([]);
  });
});
