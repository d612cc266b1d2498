import {
  confirmEmail,
  cookieJar,
  cookieSession,
  registerUser,
  sessionFromResponse,
} from '../factories/user.factory';
import { linkIn, waitForMails } from '../helpers/mailpit';
import { startApp, type TestApp } from '../helpers/start-app';

describe('Accounts: sessions, refresh tokens and CSRF', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startApp();
  });
  afterAll(async () => {
    await api.close();
  });

  const refresh = (session: { cookies: string[]; csrfHeader: Record<string, string> }) =>
    api.http.post('/api/auth/refresh').set('Cookie', session.cookies).set(session.csrfHeader);

  it('rotates the refresh cookie on every refresh and answers a fresh access token', async () => {
    const user = await registerUser(api);
    const first = await cookieSession(api, user);
    const res = await refresh(first).expect(200);
    expect(res.body.user.id).toBe(user.id);
    const second = sessionFromResponse(res.headers['set-cookie']);
    const oldRefresh = cookieJar(first.cookies.map((c) => `${c};`)).parley_rt;
    const newRefresh = cookieJar(second.cookies.map((c) => `${c};`)).parley_rt;
    expect(newRefresh).toBeDefined();
    expect(newRefresh).not.toBe(oldRefresh);
    await api.http.get('/api/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    await refresh(second).expect(200);
  });

  it('ends the whole session when a rotated refresh token is presented again', async () => {
    const user = await registerUser(api);
    const stolen = await cookieSession(api, user);
    const rotated = sessionFromResponse((await refresh(stolen).expect(200)).headers['set-cookie']);
    const replay = await refresh(stolen).expect(401);
    expect(replay.body.code).toBe('unauthenticated');
    // The legitimate holder of the newer token is signed out too: the family is revoked.
    await refresh(rotated).expect(401);
    await api.http.get('/api/me').set('Cookie', rotated.cookies).expect(401);
  });

  it('signs out: the refresh cookie stops working and the access token with it', async () => {
    const user = await registerUser(api);
    const session = await cookieSession(api, user);
    const out = await api.http
      .post('/api/auth/logout')
      .set('Cookie', session.cookies)
      .set(session.csrfHeader)
      .expect(204);
    expect((out.headers['set-cookie'] as unknown as string[]).join('\n')).toMatch(/parley_rt=;/);
    await refresh(session).expect(401);
    await api.http.get('/api/me').set('Cookie', session.cookies).expect(401);
  });

  it('signs out a bearer client by ending the session of its access token', async () => {
    const user = await registerUser(api);
    await api.http.get('/api/me').set(user.auth).expect(200);
    await api.http.post('/api/auth/logout').set(user.auth).expect(204);
    await api.http.get('/api/me').set(user.auth).expect(401);
  });

  it('refuses a cookie-authenticated change without the CSRF header', async () => {
    const user = await registerUser(api);
    const session = await cookieSession(api, user);
    const res = await api.http
      .patch('/api/me')
      .set('Cookie', session.cookies)
      .send({ displayName: 'Changed by another site' })
      .expect(403);
    expect(res.body.code).toBe('csrf_failed');
    const wrong = await api.http
      .patch('/api/me')
      .set('Cookie', session.cookies)
      .set('X-CSRF-Token', 'guessed')
      .send({ displayName: 'Changed by another site' })
      .expect(403);
    expect(wrong.body.code).toBe('csrf_failed');
    const me = await api.http.get('/api/me').set('Cookie', session.cookies).expect(200);
    expect(me.body.displayName).toBe(user.username);
  });

  it('accepts a cookie-authenticated change that repeats the CSRF cookie in the header', async () => {
    const user = await registerUser(api);
    const session = await cookieSession(api, user);
    const res = await api.http
      .patch('/api/me')
      .set('Cookie', session.cookies)
      .set(session.csrfHeader)
      .send({ displayName: 'Ada Lovelace' })
      .expect(200);
    expect(res.body.displayName).toBe('Ada Lovelace');
  });

  it('does not ask bearer clients for a CSRF token', async () => {
    const user = await registerUser(api);
    await api.http.patch('/api/me').set(user.auth).send({ displayName: 'Script' }).expect(200);
  });

  it('refuses to refresh by cookie without the CSRF header', async () => {
    const user = await registerUser(api);
    const session = await cookieSession(api, user);
    const res = await api.http.post('/api/auth/refresh').set('Cookie', session.cookies).expect(403);
    expect(res.body.code).toBe('csrf_failed');
  });

  it('changes the password with the current one, ending the other sessions', async () => {
    const user = await registerUser(api);
    await confirmEmail(api, user); // the address signs in once confirmed
    const laptop = await cookieSession(api, user);
    await api.http
      .patch('/api/me/password')
      .set(user.auth)
      .send({ currentPassword: 'not it', newPassword: 'a new password' })
      .expect(403);
    await api.http
      .patch('/api/me/password')
      .set(user.auth)
      .send({ currentPassword: user.password, newPassword: 'a new password' })
      .expect(204);
    await api.http.get('/api/me').set(user.auth).expect(200);
    await api.http.get('/api/me').set('Cookie', laptop.cookies).expect(401);
    await refresh(laptop).expect(401);
    await api.http
      .post('/api/auth/login')
      .send({ login: user.username, password: user.password })
      .expect(401);
    await api.http
      .post('/api/auth/login')
      .send({ login: user.email, password: 'a new password' })
      .expect(200);
  });

  it('corrects the email address, keeping it unique, once the new address is confirmed', async () => {
    const taken = await registerUser(api);
    const user = await registerUser(api);
    // Another account's address: the same answer as a free one (no enumeration); its owner is told instead,
    // and no confirmation link exists, so the change cannot complete.
    const res = await api.http.patch('/api/me').set(user.auth).send({ email: taken.email.toUpperCase() });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ email: user.email, pendingEmail: taken.email.toUpperCase() });
    const toOwner = await waitForMails(taken.email, 2);
    expect(toOwner.map((mail) => mail.subject)).toContain('[Parley] Someone tried to use your address');
    expect(toOwner.filter((mail) => mail.subject.includes('Confirm your new'))).toEqual([]);
    const ok = await api.http.patch('/api/me').set(user.auth).send({ email: 'New.Address@example.test' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ email: user.email, pendingEmail: 'New.Address@example.test' });
    const [confirm] = await waitForMails('new.address@example.test');
    const token = linkIn(confirm, '/verify-email?token=').searchParams.get('token');
    await api.http.post('/api/auth/verify-email').send({ token }).expect(200);
    await api.http
      .post('/api/auth/login')
      .send({ login: 'new.address@example.test', password: user.password })
      .expect(200);
  });
});
