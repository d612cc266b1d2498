import { confirmEmail, cookieJar, registerUser, sessionFromResponse } from '../factories/user.factory';
import { waitForMails } from '../helpers/mailpit';
import { startApp, type TestApp } from '../helpers/start-app';

describe('Accounts: registration and sign-in', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startApp();
  });
  afterAll(async () => {
    await api.close();
  });

  it('registers a new member and answers the account with an access token and session cookies', async () => {
    const res = await api.http
      .post('/api/auth/register')
      .send({ username: 'Ada_L', email: ' Ada@Example.COM ', password: 'correct horse' })
      .expect(201);
    expect(res.body.user).toMatchObject({
      username: 'Ada_L',
      email: 'Ada@Example.COM',
      displayName: 'Ada_L',
      roles: ['member'],
      status: 'active',
    });
    expect(typeof res.body.accessToken).toBe('string');
    expect(res.body.user).not.toHaveProperty('passwordHash');
    expect(res.body.user).not.toHaveProperty('_id');
    const cookies = (res.headers['set-cookie'] as unknown as string[]).join('\n');
    expect(cookies).toMatch(/parley_at=[^;]+;.*HttpOnly/);
    expect(cookies).toMatch(/parley_rt=[^;]+;.*Path=\/api\/auth.*HttpOnly/);
    expect(cookies).toMatch(/parley_at=[^;]+;.*SameSite=Lax/);
    expect(cookies).toMatch(/parley_csrf=[^;]+/);
    const me = await api.http
      .get('/api/me')
      .set('Authorization', `Bearer ${res.body.accessToken}`)
      .expect(200);
    expect(me.body.username).toBe('Ada_L');
  });

  it('refuses a second account with the same username in another case (names are public on profiles)', async () => {
    await registerUser(api, { username: 'grace_h', email: 'grace@example.test' });
    const sameName = await api.http
      .post('/api/auth/register')
      .send({ username: 'GRACE_H', email: 'other@example.test', password: 'long enough pw' })
      .expect(409);
    expect(sameName.body).toMatchObject({ code: 'username_taken', details: { field: 'username' } });
  });

  it("answers a registration with another account's email as it answers a free one, and tells the address's owner", async () => {
    const owner = await registerUser(api);
    await confirmEmail(api, owner);
    const register = (username: string, email: string) =>
      api.http.post('/api/auth/register').send({ username, email, password: 'long enough pw' });
    const free = await register(
      `free_${Date.now().toString(36)}`,
      `free-${Date.now().toString(36)}@example.test`,
    );
    const taken = await register(`late_${Date.now().toString(36)}`, `  ${owner.email.toUpperCase()}`);
    // Same status, same fields, same kind of values: nothing says the address was in use.
    expect(taken.status).toBe(201);
    const shape = (body: { user: Record<string, unknown> }) =>
      Object.fromEntries(
        Object.entries(body.user).map(([key, value]) => [key, value === null ? null : typeof value]),
      );
    expect(shape(taken.body)).toEqual(shape(free.body));
    expect(taken.body.user).toMatchObject({
      email: owner.email.toUpperCase(),
      emailVerified: false,
      pendingEmail: null,
    });
    // The owner is told; no confirmation link goes out for the newcomer, so the address never becomes theirs.
    const toOwner = await waitForMails(owner.email, 2); // the owner's own confirmation, then the notice
    expect(toOwner.map((mail) => mail.subject)).toContain('[Parley] Someone tried to use your address');
    expect(toOwner.filter((mail) => mail.subject.includes('Confirm your'))).toHaveLength(1);
    // The address still signs the owner in, never the newcomer; the newcomer signs in by name.
    await api.http.post('/api/auth/login').send({ login: owner.email, password: owner.password }).expect(200);
    await api.http
      .post('/api/auth/login')
      .send({ login: owner.email, password: 'long enough pw' })
      .expect(401);
    await api.http
      .post('/api/auth/login')
      .send({ login: taken.body.user.username, password: 'long enough pw' })
      .expect(200);
    // Asking for the link again sends the owner another notice, never a link.
    await api.http
      .post('/api/me/verification-email')
      .set('Authorization', `Bearer ${taken.body.accessToken}`)
      .expect(204);
    const again = await waitForMails(owner.email, 3);
    expect(again.filter((mail) => mail.subject.includes('Confirm your'))).toHaveLength(1);
    expect(again.filter((mail) => mail.subject.includes('tried to use your address'))).toHaveLength(2);
  });

  it('throttles registrations and email changes per address, counted whether or not the address is taken', async () => {
    const stamp = Date.now().toString(36);
    const address = `popular-${stamp}@example.test`;
    const register = (username: string, email: string) =>
      api.http.post('/api/auth/register').send({ username, email, password: 'long enough pw' });
    // The first holds the address, the next four are stored without it: all five answer alike.
    for (let i = 0; i < 5; i += 1) {
      await register(`many_${i}_${stamp}`, i % 2 ? address.toUpperCase() : address).expect(201);
    }
    const sixth = await register(`many_5_${stamp}`, address);
    expect(sixth.status).toBe(429);
    expect(sixth.body).toMatchObject({ code: 'rate_limited', details: { field: 'email' } });
    // The same count answers an email change to that address; another address is not held back.
    const other = await registerUser(api);
    const change = await api.http.patch('/api/me').set(other.auth).send({ email: address });
    expect(change.status).toBe(429);
    await register(`fresh_${stamp}`, `fresh-${stamp}@example.test`).expect(201);
  });

  it('signs in with the username at once, and with the email address once it is confirmed', async () => {
    const user = await registerUser(api);
    await api.http
      .post('/api/auth/login')
      .send({ login: user.username, password: user.password })
      .expect(200);
    const early = await api.http.post('/api/auth/login').send({ login: user.email, password: user.password });
    expect(early.status).toBe(401);
    expect(early.body.code).toBe('invalid_credentials');
    await confirmEmail(api, user);
    await api.http.post('/api/auth/login').send({ login: user.email, password: user.password }).expect(200);
  });

  it('answers 400 validation_failed naming the field when the email is not an email', async () => {
    const res = await api.http
      .post('/api/auth/register')
      .send({ username: 'bad_email', email: 'not-an-email', password: 'long enough pw' })
      .expect(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['email']);
  });

  it('refuses usernames that are too short, too long or use other characters', async () => {
    for (const username of ['ab', 'x'.repeat(31), 'has space', 'dot.name', 'émile']) {
      const res = await api.http
        .post('/api/auth/register')
        .send({ username, email: `${Math.random()}@example.test`, password: 'long enough pw' })
        .expect(400);
      expect(res.body.details.fields[0].field).toBe('username');
    }
  });

  it('signs in by username and by email, ignoring case', async () => {
    const user = await registerUser(api, { username: 'Linus-T', email: 'linus@example.test' });
    await confirmEmail(api, user);
    for (const login of ['Linus-T', 'linus-t', 'LINUS@example.test']) {
      const res = await api.http.post('/api/auth/login').send({ login, password: user.password }).expect(200);
      expect(res.body.user.id).toBe(user.id);
      expect(typeof res.body.accessToken).toBe('string');
      expect(cookieJar(res.headers['set-cookie'])).toHaveProperty('parley_rt');
    }
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const user = await registerUser(api);
    const wrong = await api.http
      .post('/api/auth/login')
      .send({ login: user.username, password: 'not the password' })
      .expect(401);
    const unknown = await api.http
      .post('/api/auth/login')
      .send({ login: 'nobody_here', password: 'not the password' })
      .expect(401);
    expect(wrong.body.code).toBe('invalid_credentials');
    expect(unknown.body.code).toBe('invalid_credentials');
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('answers 400 validation_failed when the login is missing', async () => {
    const res = await api.http.post('/api/auth/login').send({ password: 'whatever' }).expect(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.details.fields[0].field).toBe('login');
  });

  it('slows down sign-in for an account after repeated failures, even with the right password', async () => {
    const user = await registerUser(api);
    for (let i = 0; i < 5; i += 1) {
      await api.http.post('/api/auth/login').send({ login: user.username, password: `wrong-${i}` });
    }
    const res = await api.http
      .post('/api/auth/login')
      .send({ login: user.username, password: user.password })
      .expect(429);
    expect(res.body.code).toBe('rate_limited');
    expect(res.body.details.retryAfterSeconds).toBeGreaterThan(0);
    // Another account from the same address is unaffected.
    const other = await registerUser(api);
    await api.http
      .post('/api/auth/login')
      .send({ login: other.username, password: other.password })
      .expect(200);
  });

  it('answers 401 to an anonymous call to a protected route', async () => {
    const res = await api.http.get('/api/me').expect(401);
    expect(res.body.code).toBe('unauthenticated');
  });

  it('answers 401 to a forged or garbled bearer token', async () => {
    const user = await registerUser(api);
    const [head, , sig] = user.token.split('.');
    const forged = `${head}.${Buffer.from(JSON.stringify({ sub: user.id, sid: 'x', typ: 'access' })).toString('base64url')}.${sig}`;
    await api.http.get('/api/me').set('Authorization', `Bearer ${forged}`).expect(401);
    await api.http.get('/api/me').set('Authorization', 'Bearer nonsense').expect(401);
  });

  it('lets a browser session read with cookies alone', async () => {
    const user = await registerUser(api);
    const login = await api.http
      .post('/api/auth/login')
      .send({ login: user.username, password: user.password })
      .expect(200);
    const session = sessionFromResponse(login.headers['set-cookie']);
    const me = await api.http.get('/api/me').set('Cookie', session.cookies).expect(200);
    expect(me.body.id).toBe(user.id);
  });
});

describe('Accounts: per-address limits', () => {
  let api: TestApp;

  beforeAll(async () => {
    // A general budget of 60 a minute leaves the auth routes the minimum of 5 per address.
    api = await startApp({ env: { THROTTLE_LIMIT: '60' } });
  });
  afterAll(async () => {
    await api.close();
  });

  it('throttles registrations from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const res = await api.http
        .post('/api/auth/register')
        .send({ username: `burst_${i}`, email: `burst${i}@example.test`, password: 'long enough pw' });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
  });

  it('throttles sign-in attempts from one address across accounts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const res = await api.http
        .post('/api/auth/login')
        .send({ login: `someone_${i}`, password: 'whatever' });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });
});
