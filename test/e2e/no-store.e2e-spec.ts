import { UnsubscribeService } from '../../src/privacy/unsubscribe.service';
import { createForum } from '../factories/forum.factory';
import { acknowledgeNotice, createTopic } from '../factories/topic.factory';
import { createUser, registerUser, type TestUser } from '../factories/user.factory';
import { startApp, type TestApp } from '../helpers/start-app';

/** Answers that carry someone's personal data must not stay in a browser's or a proxy's cache. */
describe('Cache-Control: no-store on answers with personal data', () => {
  let api: TestApp;
  let ann: TestUser;
  let postId: string;

  beforeAll(async () => {
    api = await startApp();
    const admin = await createUser(api, { roles: ['admin'] });
    await acknowledgeNotice(api, admin);
    const forum = await createForum(api, admin);
    ann = await registerUser(api);
    await acknowledgeNotice(api, ann);
    postId = (await createTopic(api, ann, forum.slug)).firstPostId;
  });
  afterAll(async () => {
    await api.close();
  });

  it.each([
    ['/api/me'],
    ['/api/me/export'],
    ['/api/notifications'],
    ['/api/notifications/unread-count'],
    ['/api/notices/public-area/acknowledgements'],
    ['revisions'],
  ])('sends no-store on GET %s for the signed-in user', async (route) => {
    const path = route === 'revisions' ? `/api/posts/${postId}/revisions` : route;
    const res = await api.http.get(path).set(ann.auth).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('sends no-store on the sign-in answer (it carries the account and an access token)', async () => {
    const res = await api.http
      .post('/api/auth/login')
      .send({ login: ann.username, password: ann.password })
      .expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('sends no-store on an unsubscribe link, which works without signing in', async () => {
    const link = api.app.get(UnsubscribeService).linkFor(ann.id, 'replies');
    const res = await api.http.get(link).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('leaves public pages read anonymously cacheable', async () => {
    const res = await api.http.get('/api/forums').expect(200);
    expect(res.headers['cache-control']).toBeUndefined();
  });
});
