import { randomBytes } from 'node:crypto';
import type { TestApp } from '../helpers/start-app';
import type { TestUser } from './user.factory';

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
