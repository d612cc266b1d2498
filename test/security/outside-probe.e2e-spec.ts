import { connect, type Socket } from 'node:net';
import { registerUser, sessionFromResponse } from '../factories/user.factory';
import { startApp, type TestApp } from '../helpers/start-app';

/**
 * One case per finding of the outside probe (issue "Hardening from an outside probe"): login CSRF, the `j:`
 * cookie 500, the targeted lockout, idle connections, the connection cap and public metrics.
 */
const EVIL = 'https://evil.example';

/** Opens a raw TCP connection, sends `send` (nothing by default) and resolves with all it got once closed. */
function rawExchange(url: string, send = ''): { socket: Socket; answer: Promise<string> } {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  const answer = new Promise<string>((resolve, reject) => {
    let got = '';
    socket.on('data', (chunk) => (got += chunk.toString()));
    socket.on('error', reject);
    socket.on('close', () => resolve(got));
  });
  if (send) socket.write(send);
  return { socket, answer };
}

describe('Sign-in and cookies against a hostile page', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startApp();
  });
  afterAll(() => api.close());

  it('refuses a form-encoded sign-in or registration (what an auto-submitted cross-site form sends)', async () => {
    const user = await registerUser(api);
    const login = await api.http
      .post('/api/auth/login')
      .type('form')
      .send({ login: user.username, password: user.password });
    expect([login.status, login.body.code, login.headers['set-cookie']]).toEqual([
      415,
      'unsupported_media_type',
      undefined,
    ]);
    const register = await api.http
      .post('/api/auth/register')
      .type('form')
      .send({ username: 'formmade', email: 'formmade@example.test', password: 'a long enough password 1' });
    expect([register.status, register.body.code]).toEqual([415, 'unsupported_media_type']);
  });

  it('refuses every cookie-setting route from another site, and sets no cookie', async () => {
    const user = await registerUser(api);
    const requests = [
      api.http.post('/api/auth/login').send({ login: user.username, password: user.password }),
      api.http.post('/api/auth/register').send({
        username: 'crosssite',
        email: 'crosssite@example.test',
        password: 'a long enough password 1',
      }),
      api.http.post('/api/auth/refresh').set('Cookie', user.session.cookies).set(user.session.csrfHeader),
      api.http.post('/api/auth/logout').set('Cookie', user.session.cookies).set(user.session.csrfHeader),
    ];
    for (const res of await Promise.all(requests.map((req) => req.set('Origin', EVIL)))) {
      expect([res.status, res.body.code, res.headers['set-cookie']]).toEqual([
        403,
        'origin_refused',
        undefined,
      ]);
    }
    // The same requests from the page's own origin work.
    const own = await api.http
      .post('/api/auth/login')
      .set('Origin', api.url)
      .send({ login: user.username, password: user.password });
    expect(own.status).toBe(200);
  });

  it('answers a JSON-looking cookie as the string it is: no 500 on refresh or logout (cookie fuzz)', async () => {
    const values = [
      'j%3A%7B%22%24ne%22%3Anull%7D',
      'j:{"$ne":null}',
      'j:[1,2]',
      's:abc.def',
      '%E0%A4%A',
      '"quoted"',
      'a'.repeat(4000),
    ];
    for (const value of values) {
      for (const name of ['parley_rt', 'parley_at', 'parley_csrf']) {
        const cookie = `${name}=${value}`;
        const refresh = await api.http
          .post('/api/auth/refresh')
          .set('Cookie', cookie)
          .set('X-CSRF-Token', value);
        expect({ cookie, refused: [401, 403].includes(refresh.status) }).toEqual({ cookie, refused: true });
        const logout = await api.http
          .post('/api/auth/logout')
          .set('Cookie', cookie)
          .set('X-CSRF-Token', value);
        expect({ cookie, answered: [204, 401, 403].includes(logout.status) }).toEqual({
          cookie,
          answered: true,
        });
      }
    }
  });
});

describe('Lockout by account and address', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startApp({ env: { TRUST_PROXY: 'true' } });
  });
  afterAll(() => api.close());

  const attempt = (address: string, login: string, password: string) =>
    api.http.post('/api/auth/login').set('X-Forwarded-For', address).send({ login, password });

  it("delays the stranger's address after repeated failures, never the owner signing in from elsewhere", async () => {
    const owner = await registerUser(api);
    for (let i = 0; i < 5; i += 1) {
      expect((await attempt('203.0.113.7', owner.username, 'wrong password')).status).toBe(401);
    }
    const stranger = await attempt('203.0.113.7', owner.username, owner.password);
    expect([stranger.status, stranger.body.code]).toEqual([429, 'rate_limited']);
    expect(stranger.body.details.retryAfterSeconds).toBeGreaterThan(0);
    const ownerElsewhere = await attempt('198.51.100.20', owner.username, owner.password);
    expect(ownerElsewhere.status).toBe(200);
    expect(sessionFromResponse(ownerElsewhere.headers['set-cookie']).csrfToken).not.toBe('');
  });
});

describe('Idle and surplus connections', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startApp({ env: { HTTP_HEADERS_TIMEOUT_MS: '400', HTTP_MAX_CONNECTIONS: '3' } });
  });
  afterAll(() => api.close());

  it('answers 408 and closes a connection that never sends a byte', async () => {
    const { answer } = rawExchange(api.url);
    const got = await answer;
    expect(got).toMatch(/^HTTP\/1\.1 408 /);
    expect(got).toContain('"code":"request_timeout"');
  });

  it('refuses a connection past HTTP_MAX_CONNECTIONS with 503 server_busy', async () => {
    const held = [rawExchange(api.url), rawExchange(api.url), rawExchange(api.url)];
    await new Promise((resolve) => held[2].socket.once('connect', resolve));
    const surplus = rawExchange(api.url, 'GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n');
    const got = await surplus.answer;
    expect(got).toMatch(/^HTTP\/1\.1 503 /);
    expect(got).toContain('"code":"server_busy"');
    held.forEach(({ socket }) => socket.destroy());
  });
});

describe('Metrics behind METRICS_TOKEN', () => {
  let api: TestApp;
  const token = 'metrics-token-0123456789';
  beforeAll(async () => {
    api = await startApp({ env: { METRICS_TOKEN: token } });
  });
  afterAll(() => api.close());

  it('answers 401 without the token or with a wrong one, and the metrics with it', async () => {
    expect((await api.http.get('/metrics')).status).toBe(401);
    expect((await api.http.get('/metrics').set('Authorization', 'Bearer wrong-token-000000')).status).toBe(
      401,
    );
    const res = await api.http.get('/metrics').set('Authorization', `Bearer ${token}`).expect(200);
    expect(res.text).toContain('http_request_duration_seconds');
  });
});
