import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { SearchTermsBackfill } from '../../src/posts/search-terms-backfill';
import { createForum, type TestForum } from '../factories/forum.factory';
import { createTopic, registerAuthor, reply } from '../factories/topic.factory';
import { createUser, registerUser, type TestUser } from '../factories/user.factory';
import { startApp, type TestApp } from '../helpers/start-app';

interface Hit {
  postId: string;
  topicId: string;
  topicTitle: string;
  forumSlug: string;
  authorName: string;
  excerpt: string;
  highlights: Array<[number, number]>;
}
interface Page {
  items: Hit[];
  nextBefore: string | null;
  nextOffset: number | null;
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
    return res.body as Page;
  };

  it('finds titles and post text case-insensitively, newest first when asked, with the topic and forum named', async () => {
    const older = await createTopic(api, author, open.slug, {
      title: 'Gizmotron pairing fails',
      body: 'details',
    });
    const newer = await createTopic(api, author, open.slug, {
      title: 'Other',
      body: 'my GIZMOTRON is stuck',
    });
    const found = await search('q=gizmotron&order=newest');
    expect(found.items.map((hit) => hit.topicId)).toEqual([newer.id, older.id]);
    expect(found.items[0]).toMatchObject({ forumSlug: open.slug, topicTitle: 'Other' });
    expect(found.items[0].excerpt.toLowerCase()).toContain('gizmotron');
  });

  it('pages through results with nextBefore, each result once', async () => {
    const topic = await createTopic(api, author, open.slug, { body: 'quuxword 0' });
    for (let i = 1; i < 5; i += 1) await reply(api, author, topic.id, `quuxword ${i}`);
    const seen: string[] = [];
    let query = 'q=quuxword&limit=2&order=newest';
    for (let round = 0; round < 5; round += 1) {
      const page = await search(query);
      seen.push(...page.items.map((hit) => hit.postId));
      if (!page.nextBefore) break;
      query = `q=quuxword&limit=2&order=newest&before=${page.nextBefore}`;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    const ranked: string[] = [];
    query = 'q=quuxword&limit=2';
    for (let round = 0; round < 5; round += 1) {
      const page = await search(query);
      ranked.push(...page.items.map((hit) => hit.postId));
      if (page.nextOffset === null) break;
      query = `q=quuxword&limit=2&offset=${page.nextOffset}`;
    }
    expect(new Set(ranked)).toEqual(new Set(seen));
    expect(ranked).toHaveLength(5);
  });

  it('finds a post holding both words apart, in other forms, and marks them in a snippet of the rendered text', async () => {
    const topic = await createTopic(api, author, open.slug, {
      title: 'Rendering question',
      body: 'The **Markdówn** renderer drops the last row when I paste Tables from a spreadsheet &amp; more.',
    });
    await createTopic(api, author, open.slug, { body: 'Markdown only, no grid here.' });
    const found = await search('q=markdown%20table');
    expect(found.items.map((hit) => hit.topicId)).toEqual([topic.id]);
    const [hit] = found.items;
    expect(hit.excerpt).not.toContain('**');
    expect(hit.highlights.map(([start, end]) => hit.excerpt.slice(start, end))).toEqual([
      'Markdówn',
      'Tables',
    ]);
  });

  it('ranks a title hit above an older passing mention and a newer one', async () => {
    const mention = await createTopic(api, author, open.slug, {
      body: 'by the way, frobnicator pairing works',
    });
    const titled = await createTopic(api, author, open.slug, {
      title: 'Frobnicator pairing fails after update',
      body: 'Steps to reproduce below.',
    });
    const later = await createTopic(api, author, open.slug, {
      body: 'unrelated, but frobnicator pairing once',
    });
    const found = await search('q=frobnicator%20pairing');
    expect(found.items.map((hit) => hit.topicId)).toEqual([titled.id, later.id, mention.id]);
  });

  it('filters by author and by day', async () => {
    const other = await registerAuthor(api);
    const mine = await createTopic(api, author, open.slug, { body: 'zanzibarite in my setup' });
    await createTopic(api, other, open.slug, { body: 'zanzibarite in theirs' });
    const byAuthor = await search(`q=zanzibarite&author=${author.username}`);
    expect(byAuthor.items.map((hit) => hit.topicId)).toEqual([mine.id]);
    expect((await search('q=zanzibarite&author=nobody_here_at_all')).items).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await search(`q=zanzibarite&from=${today}&to=${today}`)).items).toHaveLength(2);
    expect((await search('q=zanzibarite&to=2020-01-01')).items).toEqual([]);
    expect((await search('q=zanzibarite&from=2999-01-01')).items).toEqual([]);
    await api.http.get('/api/search?q=zanzibarite&from=yesterday').expect(400);
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

  it('refuses queries shorter than 2 or longer than 100 characters, or with no word in them', async () => {
    await api.http.get('/api/search?q=a').expect(400);
    await api.http.get(`/api/search?q=${'a'.repeat(101)}`).expect(400);
    await api.http.get('/api/search?q=%20%20%20').expect(400);
    const noWord = await api.http.get(`/api/search?q=${encodeURIComponent('(+)*')}`).expect(400);
    expect(noWord.body).toMatchObject({ code: 'validation_failed', details: { fields: [{ field: 'q' }] } });
  });

  it('reads regular-expression characters as punctuation between words', async () => {
    const topic = await createTopic(api, author, open.slug, {
      title: 'Pricing (quibblex+)* rule',
      body: 'x',
    });
    expect((await search(`q=${encodeURIComponent('(quibblex+)*')}`)).items.map((hit) => hit.topicId)).toEqual(
      [topic.id],
    );
    expect((await search(`q=${encodeURIComponent('quibblex.*')}`)).items).toHaveLength(1);
  });

  it('is served from the terms index, not a collection scan', async () => {
    const plan = await api.app
      .get<Connection>(getConnectionToken())
      .collection('posts')
      .find({ searchTerms: { $all: ['gizmotron'] }, status: 'visible' })
      .sort({ _id: -1 })
      .limit(20)
      .explain('executionStats');
    expect(JSON.stringify(plan)).toContain('IXSCAN');
    expect(JSON.stringify(plan)).toContain('searchTerms_1__id_-1');
  });

  it('indexes posts stored before word search once a server starts, and finds them afterwards', async () => {
    const topic = await createTopic(api, author, open.slug, { body: 'an older grommetized post' });
    const posts = api.app.get<Connection>(getConnectionToken()).collection('posts');
    await posts.updateOne({ topicId: topic.id }, { $unset: { searchTerms: 1 } });
    expect((await search('q=grommetized')).items).toEqual([]);
    const restarted = await startApp({ dbName: api.dbName });
    try {
      await restarted.app.get(SearchTermsBackfill).finished();
      const found = await restarted.http.get('/api/search?q=grommetized').expect(200);
      expect(found.body.items.map((hit: Hit) => hit.topicId)).toEqual([topic.id]);
    } finally {
      await restarted.close();
    }
  });
});
