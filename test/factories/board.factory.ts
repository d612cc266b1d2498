import { randomBytes } from 'node:crypto';
import type { TestApp } from '../helpers/start-app';
import { acknowledgeNotice } from './topic.factory';
import { registerUser, type TestUser } from './user.factory';

export interface TestBoard {
  id: string;
  slug: string;
  forumId: string;
  forumSlug: string;
  lastSeq: number;
}

/** Creates a board through POST /api/boards as the given admin. */
export async function createBoard(
  api: TestApp,
  admin: TestUser,
  forumSlug: string,
  opts: { slug?: string; piiPolicy?: 'warn' | 'review' | 'mask'; slowModeSeconds?: number } = {},
): Promise<TestBoard> {
  const slug = opts.slug ?? `board-${randomBytes(4).toString('hex')}`;
  const res = await api.http
    .post('/api/boards')
    .set(admin.auth)
    .send({ name: `Board ${slug}`, forumSlug, ...opts, slug });
  if (res.status !== 201) throw new Error(`create board ${slug}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as TestBoard;
}

/** Posts a board message through REST and returns the stored message view. */
export async function postMessage(api: TestApp, author: TestUser, slug: string, body: string) {
  const res = await api.http.post(`/api/boards/${slug}/messages`).set(author.auth).send({ body });
  if (res.status !== 201) throw new Error(`post message: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.message as { id: string; seq: number; html: string; status: string };
}

/** A member who has acknowledged the public-area notice. */
export async function acknowledgedMember(api: TestApp): Promise<TestUser> {
  return ensureAcknowledged(api, await registerUser(api));
}

/** Acknowledges the public-area notice and checks that it stuck (it once raced a "last seen" write). */
export async function ensureAcknowledged(api: TestApp, user: TestUser): Promise<TestUser> {
  await acknowledgeNotice(api, user);
  const state = await api.http.get('/api/notices/public-area').set(user.auth);
  if (state.body.acknowledged !== true) throw new Error('the notice acknowledgement did not stick');
  return user;
}
