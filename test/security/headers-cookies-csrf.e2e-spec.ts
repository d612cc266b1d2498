import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import {
  cookieSession,
  registerUser,
  sessionFromResponse,
  type CookieSession,
  type TestUser,
} from '../factories/user.factory';
import { appRoutes } from '../helpers/app-routes';
import { collectionsSnapshot } from '../helpers/db-snapshot';
import { startApp, type TestApp } from '../helpers/start-app';
import { ensureClientBuilt } from '../browser/browser-harness';

/**
 * Headers, cookies and CSRF, as a browser meets them. test/e2e/auth*.e2e-spec.ts checks the cookie flags over plain
 * HTTP and CSRF on single routes; here: the CSP against the built client, HSTS and Secure cookies behind TLS, and
 * the CSRF rule on every unsafe route the application has.
 *
 * Decision (README, "Cookies and CSRF"): TRUST_PROXY=true says the app is served over HTTPS by a TLS-terminating
 * proxy. HSTS and the Secure cookie flag both follow that one switch; without it neither is sent, whatever a
 * client claims in X-Forwarded-Proto.
 */
const ID = '0123456789abcdef01234567';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name.toLowerCase(), values]),
  );
}

/** Inline code in an HTML page: script elements without src, and on* handler attributes. */
function inlineScripts(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (!/\bsrc\s*=/.test(match[1]) || match[2].trim()) found.push(match[0].slice(0, 120));
  }
  for (const match of html.matchAll(/<[a-z][^>]*\son[a-z]+\s*=/gi)) found.push(match[0].slice(0, 120));
  return found;
}

describe('Security headers', () => {
  let api: TestApp;

  beforeAll(async () => {
    await ensureClientBuilt();
    api = await startApp();
  }, 240_000);
  afterAll(async () => {
    await api.close();
  });

  it('sends a CSP that forbids inline and foreign script on the API, the client and the OpenAPI UI', async () => {
    for (const path of ['/api/health', '/', '/f/some-forum', '/api/docs', '/api/no-such-route']) {
      const res = await api.http.get(path).set('Accept', 'text/html,application/json');
      const csp = res.headers['content-security-policy'];
      expect({ path, csp: typeof csp }).toEqual({ path, csp: 'string' });
      const policy = directives(csp as string);
      const scripts = policy.get('script-src') ?? policy.get('default-src') ?? [];
      expect({ path, scripts }).toEqual({ path, scripts: ["'self'"] });
      expect(policy.get('script-src-attr')).toEqual(["'none'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      expect(policy.get('base-uri')).toEqual(["'self'"]);
      expect(policy.get('frame-ancestors')).toEqual(["'self'"]);
      expect(policy.get('default-src')).toEqual(["'self'"]);
    }
  });

  it('serves a client and an OpenAPI UI with no inline script, so they work under that CSP', async () => {
    const built = readFileSync(join(__dirname, '../../client/dist/index.html'), 'utf8');
    const served = await api.http.get('/').set('Accept', 'text/html').expect(200);
    expect(served.text).toBe(built);
    const docs = await api.http.get('/api/docs').set('Accept', 'text/html').expect(200);
    for (const html of [served.text, docs.text]) {
      expect(inlineScripts(html)).toEqual([]);
      // Every script comes from this origin (script-src 'self').
      for (const [, src] of html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']?([^"' >]+)/gi)) {
        expect(src).toMatch(/^(\/|\.\/)(?!\/)|^[a-z0-9-]+\.js$/i);
      }
    }
    // The scripts it names are served, with the same policy.
    const [, entry] = /<script\b[^>]*\bsrc="([^"]+)"/.exec(served.text) ?? [];
    const script = await api.http.get(entry).expect(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
  });

  it('sends no X-Powered-By on API answers, errors, the client or static files', async () => {
    const answers = await Promise.all([
      api.http.get('/api/health'),
      api.http.get('/api/no-such-route'),
      api.http.post('/api/auth/login').send({}),
      api.http.get('/').set('Accept', 'text/html'),
      api.http.get('/metrics'),
      api.http.get('/api/docs/openapi.json'),
    ]);
    for (const res of answers) expect(res.headers['x-powered-by']).toBeUndefined();
    for (const res of answers) expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sends no HSTS without TRUST_PROXY, even to a client claiming X-Forwarded-Proto: https', async () => {
    const res = await api.http.get('/api/health').set('X-Forwarded-Proto', 'https').expect(200);
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('Behind a TLS proxy (TRUST_PROXY=true)', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startApp({ env: { TRUST_PROXY: 'true' } });
  });
  afterAll(async () => {
    await api.close();
  });

  it('sends HSTS for at least 180 days, subdomains included', async () => {
    const res = await api.http.get('/api/health').set('X-Forwarded-Proto', 'https').expect(200);
    const hsts = res.headers['strict-transport-security'] as string;
    expect(hsts).toMatch(/includeSubDomains/);
    expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(180 * 86_400);
  });

  it('sets every session cookie Secure and SameSite=Lax; only the CSRF cookie is readable by script', async () => {
    const user = await registerUser(api);
    const res = await api.http
      .post('/api/auth/login')
      .set('X-Forwarded-Proto', 'https')
      .send({ login: user.username, password: user.password })
      .expect(200);
    const cookies = res.headers['set-cookie'] as unknown as string[];
    const byName = new Map(cookies.map((line) => [line.split('=')[0], line]));
    expect([...byName.keys()].sort()).toEqual(['parley_at', 'parley_csrf', 'parley_rt']);
    for (const [name, line] of byName) {
      expect({ name, secure: /;\s*Secure/i.test(line) }).toEqual({ name, secure: true });
      expect({ name, sameSite: /;\s*SameSite=Lax/i.test(line) }).toEqual({ name, sameSite: true });
      expect({ name, httpOnly: /;\s*HttpOnly/i.test(line) }).toEqual({
        name,
        httpOnly: name !== 'parley_csrf',
      });
    }
    expect(byName.get('parley_rt')).toMatch(/;\s*Path=\/api\/auth/);
    // Signing out clears them with the same attributes (else the browser keeps the Secure ones).
    const session = await cookieSession(api, user);
    const out = await api.http
      .post('/api/auth/logout')
      .set('Cookie', session.cookies)
      .set(session.csrfHeader)
      .expect(204);
    for (const line of out.headers['set-cookie'] as unknown as string[]) {
      expect(line).toMatch(/;\s*Secure/i);
      expect(line).toMatch(/Expires=Thu, 01 Jan 1970/);
    }
  });
});

describe('CSRF on every unsafe route', () => {
  let api: TestApp;
  let user: TestUser;
  let session: CookieSession;

  beforeAll(async () => {
    api = await startApp();
    user = await registerUser(api);
    session = await cookieSession(api, user);
  });
  afterAll(async () => {
    await api.close();
  });

  const unsafe = () =>
    appRoutes(api.app)
      .filter((route) => route.method !== 'get')
      // Signing out last: it ends the session the other requests use.
      .sort((a, b) => Number(a.path === '/api/auth/logout') - Number(b.path === '/api/auth/logout'));
  const pathOf = (path: string) => path.replace(/:kind/g, 'posts').replace(/:[A-Za-z]+/g, ID);

  it('refuses cookie-authenticated unsafe requests without the matching X-CSRF-Token, and changes nothing', async () => {
    const routes = unsafe();
    expect(routes.length).toBeGreaterThan(40);
    const connection = api.app.get<Connection>(getConnectionToken());
    await api.settled(); // the fixture's own follow-up work is done before the baseline
    const before = await collectionsSnapshot(connection);
    const letThrough: string[] = [];
    for (const route of routes) {
      const path = pathOf(route.path);
      for (const header of [undefined, 'guessed-token', `${session.csrfToken}x`]) {
        let req = api.http[route.method](path).set('Cookie', session.cookies);
        if (header) req = req.set('X-CSRF-Token', header);
        const res = await req.send({});
        if (res.status !== 403 || res.body.code !== 'csrf_failed') {
          letThrough.push(
            `${route.method.toUpperCase()} ${path} with ${header ?? 'no header'}: ${res.status}`,
          );
        }
      }
    }
    expect(letThrough).toEqual([]);
    expect(await collectionsSnapshot(connection)).toBe(before);
  });

  it("refuses another session's token, even planted as this browser's CSRF cookie by a sibling site", async () => {
    const victim = await cookieSession(api, await registerUser(api));
    const attacker = await cookieSession(api, await registerUser(api));
    // Cookie tossing: a sibling subdomain sets parley_csrf to a token of the attacker's own session.
    const tossed = victim.cookies.map((cookie) =>
      cookie.startsWith('parley_csrf=') ? `parley_csrf=${attacker.csrfToken}` : cookie,
    );
    for (const [method, path] of [
      ['patch', '/api/me'],
      ['post', '/api/auth/refresh'],
    ] as const) {
      const res = await api.http[method](path)
        .set('Cookie', tossed)
        .set('X-CSRF-Token', attacker.csrfToken)
        .send(method === 'patch' ? { displayName: 'Tossed' } : {});
      expect({ path, status: res.status, code: res.body.code }).toEqual({
        path,
        status: 403,
        code: 'csrf_failed',
      });
    }
    // The session's own token works, and a refresh keeps it (it is bound to the session, not drawn anew).
    await api.http
      .patch('/api/me')
      .set('Cookie', victim.cookies)
      .set(victim.csrfHeader)
      .send({ displayName: 'Own' })
      .expect(200);
    const refreshed = await api.http
      .post('/api/auth/refresh')
      .set('Cookie', victim.cookies)
      .set(victim.csrfHeader)
      .expect(200);
    expect(sessionFromResponse(refreshed.headers['set-cookie']).csrfToken).toBe(victim.csrfToken);
  });

  it('asks no CSRF token of bearer clients, even when the access cookie rides along', async () => {
    // Not the refresh cookie: refresh and logout act on it, so with it they ask for the token (auth-sessions spec).
    const cookies = session.cookies.filter((cookie) => !cookie.startsWith('parley_rt='));
    const asked: string[] = [];
    for (const route of unsafe()) {
      const path = pathOf(route.path);
      const res = await api.http[route.method](path).set(user.auth).set('Cookie', cookies).send({});
      if (res.body?.code === 'csrf_failed') asked.push(`${route.method.toUpperCase()} ${path}`);
    }
    expect(asked).toEqual([]);
  });
});
