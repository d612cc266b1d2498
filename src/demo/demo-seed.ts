import { createHash } from 'node:crypto';
import { DEMO_FORUMS, DEMO_USERS, type DemoForum } from './demo-content';

/**
 * The demo community (users, three product forums, topics and replies), written through the real HTTP routes of
 * a running server, so it passes the same gate, counters and events as anything a person posts. Idempotent:
 * users sign in when they exist, forums answer 409 when they exist, and every topic and reply carries a
 * clientId derived from its key, so a second run finds what the first one wrote.
 */
export const DEMO_PASSWORD = 'parley-demo-password';
export const DEMO_ADMIN = 'demo_admin';

export interface DemoSeedResult {
  forums: number;
  posts: number;
  users: Map<string, string>;
}

type Auth = { Authorization: string };

/** Makes demo_admin an admin: done in-process by the caller, since no route lets an account promote itself. */
export type PromoteToAdmin = (userId: string) => Promise<unknown>;

export async function seedDemo(baseUrl: string, promote: PromoteToAdmin): Promise<DemoSeedResult> {
  const api = new DemoApi(baseUrl);
  const users = new Map<string, { id: string; auth: Auth }>();
  for (const username of DEMO_USERS) users.set(username, await api.signIn(username));
  const admin = users.get(DEMO_ADMIN)!;
  await promote(admin.id);
  users.set(DEMO_ADMIN, await api.signIn(DEMO_ADMIN)); // a token that carries the new role
  let posts = 0;
  for (const forum of DEMO_FORUMS) posts += await seedForum(api, forum, users);
  return { forums: DEMO_FORUMS.length, posts, users: new Map([...users].map(([name, u]) => [name, u.id])) };
}

export function demoSignInHelp(): string {
  return `demo accounts ${DEMO_USERS.join(', ')} with password "${DEMO_PASSWORD}" (${DEMO_ADMIN} is an admin)`;
}

/** A stable UUID (version 4 layout) from a key, so reruns send the same clientId. */
function clientIdOf(key: string): string {
  const hex = createHash('sha256').update(`parley-seed:${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

async function seedForum(
  api: DemoApi,
  forum: DemoForum,
  users: Map<string, { auth: Auth }>,
): Promise<number> {
  const { topics, ...fields } = forum;
  await api.send('POST', '/api/forums', users.get(DEMO_ADMIN)!.auth, fields, [201, 409]);
  let posts = 0;
  for (const topic of topics) {
    const author = users.get(topic.author)!;
    const created = await api.send(
      'POST',
      `/api/forums/${forum.slug}/topics`,
      author.auth,
      { title: topic.title, body: topic.body, clientId: clientIdOf(topic.key) },
      [201],
    );
    const topicId = (created as { topic: { id: string } }).topic.id;
    for (const [index, reply] of topic.replies.entries()) {
      await api.send(
        'POST',
        `/api/topics/${topicId}/posts`,
        users.get(reply.author)!.auth,
        { body: reply.body, replyTo: reply.replyTo, clientId: clientIdOf(`${topic.key}#${index}`) },
        [201],
      );
    }
    posts += 1 + topic.replies.length;
  }
  return posts;
}

class DemoApi {
  constructor(private readonly baseUrl: string) {}

  async signIn(username: string): Promise<{ id: string; auth: Auth }> {
    let res = await this.request('POST', '/api/auth/login', {}, { login: username, password: DEMO_PASSWORD });
    if (res.status !== 200) {
      const email = `${username}@demo.parley.invalid`;
      res = await this.request(
        'POST',
        '/api/auth/register',
        {},
        { username, email, password: DEMO_PASSWORD },
      );
    }
    if (res.status >= 300) throw new Error(`seed: cannot sign in ${username}: ${res.status} ${res.text}`);
    const body = res.body as { accessToken: string; user: { id: string } };
    const auth = { Authorization: `Bearer ${body.accessToken}` };
    const notice = (await this.send('GET', '/api/notices/public-area', auth, undefined, [200])) as {
      version: number;
    };
    await this.send(
      'POST',
      '/api/notices/public-area/acknowledgements',
      auth,
      { version: notice.version },
      [200, 201],
    );
    return { id: body.user.id, auth };
  }

  async send(method: string, path: string, auth: Auth, body: unknown, expect: number[]): Promise<unknown> {
    const res = await this.request(method, path, auth, body);
    if (!expect.includes(res.status)) throw new Error(`seed: ${method} ${path}: ${res.status} ${res.text}`);
    return res.body;
  }

  private async request(method: string, path: string, auth: Auth | object, body?: unknown) {
    const res = await fetch(new URL(path, this.baseUrl), {
      method,
      headers: { ...auth, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, text: text.slice(0, 500), body: parsed };
  }
}
