import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { createForum, type TestForum } from '../factories/forum.factory';
import { createTopic, registerAuthor, type TestTopic } from '../factories/topic.factory';
import { createUser, type TestUser } from '../factories/user.factory';
import { startApp, type TestApp } from '../helpers/start-app';

const OPERATORS: unknown[] = [
  { $gt: '' },
  { $ne: null },
  { $where: 'sleep(1000) || true' },
  { $regex: '.*' },
  { $in: ['a', 'b'] },
  ['$gt', ''],
];
const QUERY_OPERATORS = ['[$gt]=', '[$ne]=x', '[$regex]=.*', '[$where]=1', '[]=a'];
const COLLECTIONS = ['forums', 'topics', 'posts', 'post_revisions', 'post_likes', 'topic_reads'];

interface WriteRoute {
  method: 'post' | 'patch' | 'put';
  path: () => string;
  valid: () => Record<string, unknown>;
  fields: string[];
}

describe('Operator objects in forum and post requests', () => {
  let api: TestApp;
  let admin: TestUser;
  let author: TestUser;
  let forum: TestForum;
  let topic: TestTopic;
  let connection: Connection;

  beforeAll(async () => {
    api = await startApp();
    admin = await createUser(api, { roles: ['admin', 'moderator'] });
    forum = await createForum(api, admin);
    author = await registerAuthor(api);
    topic = await createTopic(api, author, forum.slug, { title: 'Target topic', body: 'original body' });
    connection = api.app.get<Connection>(getConnectionToken());
  });
  afterAll(async () => {
    await api.close();
  });

  const snapshot = async () => {
    await api.settled(); // follow-up work of the fixture's own writes is not a change made by the request
    const result: Record<string, unknown[]> = {};
    for (const name of COLLECTIONS) result[name] = await connection.collection(name).find({}).toArray();
    return JSON.stringify(result);
  };

  const writes = (): WriteRoute[] => [
    {
      method: 'post',
      path: () => '/api/forums',
      valid: () => ({ slug: 'new-forum', name: 'New', productName: 'New product', description: 'd' }),
      fields: [
        'slug',
        'name',
        'productName',
        'description',
        'visibility',
        'piiPolicy',
        'phoneRegion',
        'moderatorIds',
      ],
    },
    {
      method: 'patch',
      path: () => `/api/forums/${forum.id}`,
      valid: () => ({ name: 'Renamed' }),
      fields: [
        'name',
        'productName',
        'description',
        'visibility',
        'piiPolicy',
        'phoneRegion',
        'archived',
        'position',
      ],
    },
    {
      method: 'put',
      path: () => '/api/forums/order',
      valid: () => ({ forumIds: [forum.id] }),
      fields: ['forumIds'],
    },
    {
      method: 'post',
      path: () => `/api/forums/${forum.slug}/topics`,
      valid: () => ({ title: 'A new topic', body: 'text' }),
      fields: ['title', 'body', 'tags', 'clientId', 'acknowledgePersonalData'],
    },
    {
      method: 'post',
      path: () => `/api/topics/${topic.id}/posts`,
      valid: () => ({ body: 'a reply' }),
      fields: ['body', 'replyTo', 'clientId', 'acknowledgePersonalData'],
    },
    {
      method: 'patch',
      path: () => `/api/posts/${topic.firstPostId}`,
      valid: () => ({ body: 'edited' }),
      fields: ['body', 'title', 'reason', 'acknowledgePersonalData'],
    },
    { method: 'put', path: () => `/api/topics/${topic.id}/read`, valid: () => ({ seq: 1 }), fields: ['seq'] },
    {
      method: 'post',
      path: () => `/api/moderation/topics/${topic.id}/unlock`,
      valid: () => ({ reason: 'open again' }),
      fields: ['reason'],
    },
  ];

  it('answers 400 to an operator object in every body field, and changes nothing', async () => {
    const before = await snapshot();
    const accepted: string[] = [];
    for (const route of writes()) {
      for (const field of route.fields) {
        for (const operator of OPERATORS) {
          const body = { ...route.valid(), [field]: operator };
          const res = await api.http[route.method](route.path()).set(admin.auth).send(body);
          if (res.status !== 400) accepted.push(`${route.method} ${route.path()} ${field}: ${res.status}`);
        }
      }
    }
    expect(accepted).toEqual([]);
    expect(await snapshot()).toBe(before);
  });

  it('answers 400 to operators in every query parameter', async () => {
    const reads: Array<{ path: string; params: string[] }> = [
      { path: `/api/forums/${forum.slug}/topics`, params: ['cursor', 'limit'] },
      { path: `/api/topics/${topic.id}/posts`, params: ['after', 'before', 'limit'] },
      {
        path: '/api/search',
        params: ['q', 'forum', 'author', 'from', 'to', 'order', 'before', 'offset', 'limit'],
      },
    ];
    const accepted: string[] = [];
    for (const { path, params } of reads) {
      for (const param of params) {
        for (const operator of QUERY_OPERATORS) {
          const base = path === '/api/search' && param !== 'q' ? 'q=target&' : '';
          const res = await api.http.get(`${path}?${base}${param}${operator}`).set(admin.auth);
          if (res.status !== 400) accepted.push(`${path} ${param}${operator}: ${res.status}`);
        }
      }
    }
    expect(accepted).toEqual([]);
  });

  it('answers 400 to operators and non-ids in path parameters, and changes nothing', async () => {
    const before = await snapshot();
    const hostile = [encodeURIComponent('{"$gt":""}'), '$gt', encodeURIComponent('[$ne]'), 'a.b'];
    const accepted: string[] = [];
    for (const value of hostile) {
      const requests: Array<[string, Promise<{ status: number }>]> = [
        ['GET forum topics', api.http.get(`/api/forums/${value}/topics`)],
        ['GET topic', api.http.get(`/api/topics/${value}`)],
        ['GET topic posts', api.http.get(`/api/topics/${value}/posts`)],
        ['POST reply', api.http.post(`/api/topics/${value}/posts`).set(admin.auth).send({ body: 'x' })],
        ['PATCH post', api.http.patch(`/api/posts/${value}`).set(admin.auth).send({ body: 'x' })],
        ['DELETE post', api.http.delete(`/api/posts/${value}`).set(admin.auth)],
        ['POST like', api.http.post(`/api/posts/${value}/like`).set(admin.auth)],
        ['GET revisions', api.http.get(`/api/posts/${value}/revisions`).set(admin.auth)],
        ['PATCH forum', api.http.patch(`/api/forums/${value}`).set(admin.auth).send({ name: 'x' })],
      ];
      for (const [name, pending] of requests) {
        const res = await pending;
        if (res.status !== 400) accepted.push(`${name} with ${value}: ${res.status}`);
      }
    }
    expect(accepted).toEqual([]);
    expect(await snapshot()).toBe(before);
  });

  it('treats regular-expression syntax in a search as text: words only, none in ".*"', async () => {
    const refused = await api.http.get('/api/search?q=.*').expect(400);
    expect(refused.body).toMatchObject({ code: 'validation_failed', details: { fields: [{ field: 'q' }] } });
    const found = await api.http.get('/api/search?q=original%20body').expect(200);
    expect(found.body.items.map((hit: { topicId: string }) => hit.topicId)).toEqual([topic.id]);
  });
});
