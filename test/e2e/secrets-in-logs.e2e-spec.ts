import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { Response } from 'supertest';
import { UnsubscribeService } from '../../src/privacy/unsubscribe.service';
import { UserRecord } from '../../src/users/user.schema';
import { confirmEmail, cookieJar, sessionFromResponse } from '../factories/user.factory';
import { startApp, type TestApp } from '../helpers/start-app';

/**
 * Walks every account flow (at the most verbose log level) and then looks for each secret it handled in every
 * response body and every captured log line: passwords, password hashes, refresh tokens, unsubscribe tokens,
 * and access tokens (which may appear only as `accessToken` in the body of register, login and refresh).
 */
describe('Secrets stay out of responses and logs', () => {
  let api: TestApp;
  const bodies: { route: string; status: number; text: string; json: unknown }[] = [];
  const secrets = new Set<string>();
  const accessTokens = new Set<string>();

  const keep = (route: string, res: Response) => {
    bodies.push({ route, status: res.status, text: res.text ?? '', json: res.body });
    const jar = cookieJar(res.headers['set-cookie']);
    if (jar.parley_rt) secrets.add(jar.parley_rt);
    if (jar.parley_at) accessTokens.add(jar.parley_at);
    if (typeof res.body?.accessToken === 'string') accessTokens.add(res.body.accessToken);
    return res;
  };

  beforeAll(async () => {
    api = await startApp({ env: { LOG_LEVEL: 'trace' } });
    const password = 'Sup3r-secret passphrase';
    const newPassword = 'An0ther-secret passphrase';
    secrets.add(password).add(newPassword);
    const http = api.http;

    const reg = keep(
      'register',
      await http
        .post('/api/auth/register')
        .send({ username: 'sam_secret', email: 'sam@example.test', password }),
    );
    const auth = { Authorization: `Bearer ${reg.body.accessToken}` };
    keep(
      'short password',
      await http
        .post('/api/auth/register')
        .send({ username: 'x_short', email: 'x@example.test', password: 'tiny' }),
    );
    keep(
      'wrong password',
      await http.post('/api/auth/login').send({ login: 'sam_secret', password: `${password}!` }),
    );
    // Signing in with the address (once confirmed) puts it in a request whose logs must not show it.
    await confirmEmail(api, { email: 'sam@example.test' });
    const login = keep(
      'login',
      await http.post('/api/auth/login').send({ login: 'sam@example.test', password }),
    );
    const session = sessionFromResponse(login.headers['set-cookie']);
    const refreshed = keep(
      'refresh',
      await http.post('/api/auth/refresh').set('Cookie', session.cookies).set(session.csrfHeader),
    );
    keep(
      'reuse',
      await http.post('/api/auth/refresh').set('Cookie', session.cookies).set(session.csrfHeader),
    );
    const next = sessionFromResponse(refreshed.headers['set-cookie']);
    keep('me', await http.get('/api/me').set(auth));
    keep(
      'password',
      await http.patch('/api/me/password').set(auth).send({ currentPassword: password, newPassword }),
    );
    keep(
      'bad password change',
      await http
        .patch('/api/me/password')
        .set(auth)
        .send({ currentPassword: password, newPassword: 'short' }),
    );
    keep('logout', await http.post('/api/auth/logout').set('Cookie', next.cookies).set(next.csrfHeader));
    keep('export', await http.get('/api/me/export').set(auth));
    const token = api.app.get(UnsubscribeService).tokenFor(reg.body.user.id, 'mailings');
    secrets.add(token);
    keep('unsubscribe', await http.get('/api/unsubscribe').query({ token }));
    keep('bad unsubscribe', await http.get('/api/unsubscribe').query({ token: `${token}x` }));
    keep('delete wrong', await http.delete('/api/me').set(auth).send({ password: 'guess' }));

    const users = api.app.get<Model<UserRecord>>(getModelToken(UserRecord.name));
    const stored = await users.findOne({ usernameLower: 'sam_secret' }).lean<UserRecord>().exec();
    const hash = stored?.passwordHash ?? '';
    expect(hash).toMatch(/^scrypt\$/);
    secrets.add(hash);
    for (const part of hash.split('$').slice(4)) secrets.add(part);
    keep('delete', await http.delete('/api/me').set(auth).send({ password: newPassword }));
    // Let the last request's log line be written.
    await new Promise((resolve) => setImmediate(resolve));
  });
  afterAll(async () => {
    await api.close();
  });

  it('walked the flows and captured their logs', () => {
    const status = Object.fromEntries(bodies.map((b) => [b.route, b.status]));
    expect(status).toMatchObject({ register: 201, login: 200, refresh: 200, reuse: 401, password: 204 });
    expect(status).toMatchObject({ logout: 204, export: 200, unsubscribe: 200, delete: 204 });
    expect(api.logs.length).toBeGreaterThanOrEqual(bodies.length);
    expect(accessTokens.size).toBeGreaterThanOrEqual(2);
  });

  it('never puts a password, password hash, refresh token or unsubscribe token in a response body', () => {
    for (const { route, text } of bodies) {
      for (const secret of secrets)
        expect({ route, leaked: text.includes(secret) }).toEqual({ route, leaked: false });
    }
  });

  it('shows access tokens only as the accessToken of register, login and refresh', () => {
    for (const { route, text, json } of bodies) {
      const allowed = (json as { accessToken?: string })?.accessToken;
      for (const token of accessTokens) {
        if (token === allowed) continue;
        expect({ route, leaked: text.includes(token) }).toEqual({ route, leaked: false });
      }
    }
  });

  it('never writes any of them, or an access token, to a log line', () => {
    for (const line of api.logs) {
      for (const secret of [...secrets, ...accessTokens]) {
        expect({ line: line.slice(0, 200), leaked: line.includes(secret) }).toEqual({
          line: line.slice(0, 200),
          leaked: false,
        });
      }
      expect(line).not.toMatch(/parley_(at|rt|csrf)=/);
    }
  });
});
