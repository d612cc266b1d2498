import { randomBytes } from 'node:crypto';
import type { Role } from '../../src/auth/access-policy';
import { ACCESS_COOKIE, CSRF_COOKIE, REFRESH_COOKIE } from '../../src/auth/auth-cookies';
import { UsersService } from '../../src/users/users.service';
import { linkIn, waitForMails } from '../helpers/mailpit';
import type { TestApp } from '../helpers/start-app';

export interface TestUser {
  id: string;
  username: string;
  email: string;
  password: string;
  /** Bearer access token */
  token: string;
  auth: { Authorization: string };
  /** The cookies and CSRF token the sign-up answer set (the same session as `token`). */
  session: CookieSession;
}

export interface RegisterOptions {
  username?: string;
  email?: string;
  password?: string;
}

export interface CreateUserOptions extends RegisterOptions {
  roles?: Role[];
  moderatedForumIds?: string[];
  status?: 'active' | 'silenced' | 'suspended';
  /** ISO end of a silence or suspension; omitted: until lifted. */
  until?: string;
}

let sequence = 0;
const uniqueName = () =>
  `u${Date.now().toString(36).slice(-5)}${(sequence += 1)}${randomBytes(2).toString('hex')}`;

/** Registers through POST /api/auth/register, as a person would. */
export async function registerUser(api: TestApp, opts: RegisterOptions = {}): Promise<TestUser> {
  const username = opts.username ?? uniqueName();
  const email = opts.email ?? `${username.toLowerCase()}@example.test`;
  const password = opts.password ?? `pw-${randomBytes(6).toString('hex')}`;
  const res = await api.http.post('/api/auth/register').send({ username, email, password });
  if (res.status !== 201) throw new Error(`register ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  const token = res.body.accessToken as string;
  return {
    id: res.body.user.id,
    username,
    email,
    password,
    token,
    auth: { Authorization: `Bearer ${token}` },
    session: sessionFromResponse(res.headers['set-cookie']),
  };
}

/**
 * Registers through HTTP, then grants roles, forums and status through UsersService. The token stays valid:
 * the access guard loads the user on every request.
 */
export async function createUser(api: TestApp, opts: CreateUserOptions = {}): Promise<TestUser> {
  const user = await registerUser(api, opts);
  const users = api.app.get(UsersService);
  if (opts.roles?.length) await users.setRoles(user.id, opts.roles);
  if (opts.moderatedForumIds?.length) await users.setModeratedForums(user.id, opts.moderatedForumIds);
  if (opts.status && opts.status !== 'active') {
    await users.restrict(user.id, { status: opts.status, until: opts.until, reason: 'set by a test' });
  }
  return user;
}

export interface CookieSession {
  /** For supertest's `.set('Cookie', cookies)` */
  cookies: string[];
  /** Send on unsafe requests: `.set(csrfHeader)` */
  csrfHeader: { 'X-CSRF-Token': string };
  csrfToken: string;
}

/** Signs `user` in through POST /api/auth/login and returns the browser's cookies and CSRF header. */
export async function cookieSession(api: TestApp, user: Pick<TestUser, 'username' | 'password'>) {
  const res = await api.http.post('/api/auth/login').send({ login: user.username, password: user.password });
  if (res.status !== 200)
    throw new Error(`login ${user.username}: ${res.status} ${JSON.stringify(res.body)}`);
  return sessionFromResponse(res.headers['set-cookie']);
}

/** Turns Set-Cookie headers into the Cookie header a browser would send back. */
export function sessionFromResponse(setCookie: string | string[] | undefined): CookieSession {
  const jar = cookieJar(setCookie);
  const csrfToken = jar[CSRF_COOKIE] ?? '';
  const cookies = [ACCESS_COOKIE, REFRESH_COOKIE, CSRF_COOKIE]
    .filter((name) => jar[name])
    .map((name) => `${name}=${jar[name]}`);
  return { cookies, csrfHeader: { 'X-CSRF-Token': csrfToken }, csrfToken };
}

export function cookieJar(setCookie: string | string[] | undefined): Record<string, string> {
  const lines = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const jar: Record<string, string> = {};
  for (const line of lines) {
    const [pair] = line.split(';');
    const at = pair.indexOf('=');
    const value = pair.slice(at + 1);
    if (value) jar[pair.slice(0, at).trim()] = value;
  }
  return jar;
}

/** Follows the confirmation link that registration mailed (read from Mailpit), as the user would. */
export async function confirmEmail(api: TestApp, user: Pick<TestUser, 'email'>): Promise<void> {
  const mails = await waitForMails(user.email);
  const confirm = mails.find((mail) => mail.subject.includes('Confirm your'));
  if (!confirm) throw new Error(`no confirmation mail for ${user.email}`);
  const token = linkIn(confirm, '/verify-email?token=').searchParams.get('token');
  const res = await api.http.post('/api/auth/verify-email').send({ token });
  if (res.status !== 200) throw new Error(`confirm ${user.email}: ${res.status} ${JSON.stringify(res.body)}`);
}
