import { randomBytes } from 'node:crypto';

/** JSON over fetch for seeding: GET without a body, POST with one; throws on any status from 300 up. */
export async function call(
  url: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export interface BenchUser {
  id: string;
  username: string;
  token: string;
}

/** A new account through POST /api/auth/register, with its access token. */
export async function register(url: string, prefix = 'b'): Promise<BenchUser> {
  const username = `${prefix}${randomBytes(5).toString('hex')}`;
  const body = await call(url, '/api/auth/register', null, {
    username,
    email: `${username}@example.test`,
    password: `pw-${randomBytes(8).toString('hex')}`,
  });
  return { id: (body.user as { id: string }).id, username, token: body.accessToken as string };
}

/** Acknowledges the current public-area notice, which publishing requires. */
export async function acknowledgeNotice(url: string, token: string): Promise<void> {
  const notice = await call(url, '/api/notices/public-area', token);
  await call(url, '/api/notices/public-area/acknowledgements', token, { version: notice.version });
}
