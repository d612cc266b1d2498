import { startApp, type TestApp } from '../helpers/start-app';
import {
  acknowledgeNotice,
  createForum,
  createTopic,
  readyMember,
  reply,
  type Member,
} from './publishing.helpers';

describe('Publishing after the notice changes', () => {
  let api: TestApp;
  let admin: Member;
  let author: Member;
  let topicId: string;

  beforeAll(async () => {
    api = await startApp();
    admin = await readyMember(api, { roles: ['admin'] });
    author = await readyMember(api);
    topicId = await createTopic(api, author, (await createForum(api, admin, 'warn')).slug);
  });
  afterAll(async () => {
    await api.close();
  });

  it('requires every author to acknowledge a new notice version before posting again', async () => {
    await reply(api, author, topicId, 'Before the change').expect(201);
    const text = '## Forums are public\n\nAnyone can read, copy and reuse what you post here.';
    const published = await api.http
      .put('/api/notices/public-area')
      .set(admin.auth)
      .send({ text })
      .expect(200);
    expect(published.body).toMatchObject({ version: 2, text });

    const refused = await reply(api, author, topicId, 'After the change').expect(428);
    expect(refused.body.details).toMatchObject({ notice: { version: 2, text }, acknowledgedVersion: 1 });
    const state = await api.http.get('/api/notices/public-area').set(author.auth).expect(200);
    expect(state.body).toMatchObject({ version: 2, acknowledged: false });

    await acknowledgeNotice(api, author);
    await reply(api, author, topicId, 'After the change').expect(201);
    const after = await api.http.get('/api/notices/public-area').set(author.auth).expect(200);
    expect(after.body).toMatchObject({ version: 2, acknowledged: true });
  });

  it('tells each reader of the forum list and a topic which notice version is current and whether they acknowledged it', async () => {
    const reader = await readyMember(api);
    const noticeOf = async (path: string, user?: Member) => {
      const req = api.http.get(path);
      if (user) req.set(user.auth);
      return (await req.expect(200)).body.notice;
    };
    const version = (await api.http.get('/api/notices/public-area').expect(200)).body.version;
    for (const path of ['/api/forums', `/api/topics/${topicId}`, `/api/topics/${topicId}/posts`]) {
      expect(await noticeOf(path)).toEqual({ version, acknowledged: false });
      expect(await noticeOf(path, reader)).toEqual({ version, acknowledged: true });
    }
    const text = '## Still public\n\nAnyone can read, copy and reuse what you post in forums and boards.';
    await api.http.put('/api/notices/public-area').set(admin.auth).send({ text }).expect(200);
    expect(await noticeOf('/api/forums', reader)).toEqual({ version: version + 1, acknowledged: false });
  });
});
