import { UnsubscribeService } from '../../src/privacy/unsubscribe.service';
import { createForum, type TestForum } from '../factories/forum.factory';
import { acknowledgeNotice, createTopic } from '../factories/topic.factory';
import { confirmEmail, createUser, registerUser, type TestUser } from '../factories/user.factory';
import { startApp, type TestApp } from '../helpers/start-app';

describe('Privacy rights', () => {
  let api: TestApp;
  let forum: TestForum;

  beforeAll(async () => {
    api = await startApp();
    const admin = await createUser(api, { roles: ['admin'] });
    forum = await createForum(api, admin);
  });
  afterAll(async () => {
    await api.close();
  });

  const author = async (): Promise<TestUser> => {
    const user = await registerUser(api);
    await acknowledgeNotice(api, user);
    return user;
  };

  describe('export', () => {
    it("contains the user's own profile, posts and acknowledgements, and nothing from another user", async () => {
      const me = await author();
      const other = await author();
      await createTopic(api, me, forum.slug, { title: 'My own question', body: 'Written by me, exported.' });
      await createTopic(api, other, forum.slug, { title: 'Their topic', body: 'Someone else wrote this.' });
      const res = await api.http.get('/api/me/export').set(me.auth).expect(200);
      expect(res.headers['content-disposition']).toMatch(/attachment/);
      expect(res.body.profile).toMatchObject({ id: me.id, username: me.username, email: me.email });
      expect(res.body.noticeAcknowledgements).toEqual([
        { version: expect.any(Number), acknowledgedAt: expect.any(String) },
      ]);
      expect(res.body.forumPosts.map((p: { source: string }) => p.source)).toEqual([
        'Written by me, exported.',
      ]);
      expect(res.body.accountActions).toEqual([]);
      const text = JSON.stringify(res.body);
      for (const foreign of [other.id, other.username, other.email, 'Someone else wrote this.']) {
        expect(text).not.toContain(foreign);
      }
      expect(text).not.toMatch(/passwordHash|scrypt\$/);
    });

    it('lists actions taken on the account without naming who took them', async () => {
      const admin = await createUser(api, { roles: ['admin'] });
      const me = await registerUser(api);
      await api.http
        .put(`/api/admin/users/${me.id}/status`)
        .set(admin.auth)
        .send({
          status: 'silenced',
          until: new Date(Date.now() + 60_000).toISOString(),
          reason: 'heated thread',
        })
        .expect(200);
      const res = await api.http.get('/api/me/export').set(me.auth).expect(200);
      expect(res.body.accountActions).toEqual([
        { at: expect.any(String), action: 'user.silenced', actorRole: 'admin', reason: 'heated thread' },
      ]);
      expect(JSON.stringify(res.body)).not.toContain(admin.id);
    });

    it('needs a signed-in user', async () => {
      await api.http.get('/api/me/export').expect(401);
    });
  });

  describe('notification preferences', () => {
    it('turns one kind and channel off and leaves the others as they were', async () => {
      const me = await registerUser(api);
      const res = await api.http
        .patch('/api/me/preferences')
        .set(me.auth)
        .send({ replies: { email: false }, mailings: { inApp: false } })
        .expect(200);
      expect(res.body).toEqual({
        replies: { inApp: true, email: false },
        mentions: { inApp: true, email: true },
        moderation: { inApp: true, email: true },
        mailings: { inApp: false, email: false },
      });
      const again = await api.http.get('/api/me').set(me.auth).expect(200);
      expect(again.body.notificationPreferences.replies.email).toBe(false);
    });

    it('refuses an unknown kind with 400 naming the field', async () => {
      const me = await registerUser(api);
      const res = await api.http
        .patch('/api/me/preferences')
        .set(me.auth)
        .send({ spam: { email: true } })
        .expect(400);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.details.fields[0].field).toBe('spam');
    });
  });

  describe('one-click unsubscribe', () => {
    const preferences = async (user: TestUser) =>
      (await api.http.get('/api/me').set(user.auth).expect(200)).body.notificationPreferences;

    it('unsubscribes the user the link was made for, without signing in, and is safe to click twice', async () => {
      const me = await registerUser(api);
      const link = api.app.get(UnsubscribeService).linkFor(me.id, 'mentions');
      const first = await api.http.get(link).expect(200);
      expect(first.body).toEqual({ unsubscribed: true, kind: 'mentions' });
      await api.http.get(link).expect(200);
      expect((await preferences(me)).mentions).toEqual({ inApp: true, email: false });
    });

    it("cannot be turned into a link for someone else: user X's token never unsubscribes user Y", async () => {
      const x = await registerUser(api);
      const y = await registerUser(api);
      const token = api.app.get(UnsubscribeService).tokenFor(x.id, 'replies');
      const [, signature] = token.split('.');
      const payloadForY = Buffer.from(JSON.stringify({ u: y.id, k: 'replies', p: 'unsubscribe' })).toString(
        'base64url',
      );
      const forged = await api.http
        .get('/api/unsubscribe')
        .query({ token: `${payloadForY}.${signature}` })
        .expect(400);
      expect(forged.body.code).toBe('link_invalid');
      await api.http.get('/api/unsubscribe').query({ token }).set(y.auth).expect(200);
      expect((await preferences(y)).replies.email).toBe(true);
      expect((await preferences(x)).replies.email).toBe(false);
    });

    it('accepts the RFC 8058 one-click POST from mail clients', async () => {
      const me = await registerUser(api);
      const token = api.app.get(UnsubscribeService).tokenFor(me.id, 'mailings');
      await api.http
        .post('/api/unsubscribe')
        .query({ token })
        .type('form')
        .send('List-Unsubscribe=One-Click')
        .expect(200);
      expect((await preferences(me)).mailings.email).toBe(false);
    });
  });

  describe('account deletion', () => {
    it('needs the password', async () => {
      const me = await registerUser(api);
      const res = await api.http.delete('/api/me').set(me.auth).send({ password: 'not mine' }).expect(403);
      expect(res.body.code).toBe('wrong_password');
      await api.http.get('/api/me').set(me.auth).expect(200);
    });

    it('erases the account: it can no longer sign in, its sessions end and its email can register again', async () => {
      const me = await author();
      await confirmEmail(api, me); // so the address signed in before the erasure
      await api.http.post('/api/auth/login').send({ login: me.email, password: me.password }).expect(200);
      const topic = await createTopic(api, me, forum.slug, { body: 'A post that outlives its author.' });
      await api.http.delete('/api/me').set(me.auth).send({ password: me.password }).expect(204);
      await api.http.get('/api/me').set(me.auth).expect(401);
      const login = await api.http.post('/api/auth/login').send({ login: me.email, password: me.password });
      expect(login.status).toBe(401);
      expect(login.body.code).toBe('invalid_credentials');
      const posts = await api.http.get(`/api/topics/${topic.id}/posts`).expect(200);
      const text = JSON.stringify(posts.body);
      expect(text).toContain('A post that outlives its author.');
      expect(text).toContain('deleted user');
      expect(text).not.toContain(me.username);
      const again = await registerUser(api, { email: me.email });
      expect(again.id).not.toBe(me.id);
      // The name stays reserved, so nobody appears to be the author of the old posts.
      const impostor = await api.http
        .post('/api/auth/register')
        .send({ username: me.username, email: `other-${me.email}`, password: 'a long enough password' });
      expect(impostor.status).toBe(409);
      expect(impostor.body.details).toEqual({ field: 'username' });
    });
  });
});
