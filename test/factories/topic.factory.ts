import { randomBytes } from 'node:crypto';
import type { TestApp } from '../helpers/start-app';
import { registerUser, type TestUser } from './user.factory';

export interface TestTopic {
  id: string;
  title: string;
  firstPostId: string;
}

/** Acknowledges the current public-area notice, as a user does before a first post. */
export async function acknowledgeNotice(api: TestApp, user: TestUser): Promise<void> {
  const current = await api.http.get('/api/notices/public-area').set(user.auth);
  const res = await api.http
    .post('/api/notices/public-area/acknowledgements')
    .set(user.auth)
    .send({ version: current.body.version });
  if (res.status >= 300) throw new Error(`acknowledge notice: ${res.status} ${JSON.stringify(res.body)}`);
}

/** A registered member who has acknowledged the notice and may post. */
export async function registerAuthor(api: TestApp): Promise<TestUser> {
  const user = await registerUser(api);
  await acknowledgeNotice(api, user);
  return user;
}

/** Starts a topic through POST /api/forums/:slug/topics. */
export async function createTopic(
  api: TestApp,
  author: TestUser,
  forumSlug: string,
  opts: { title?: string; body?: string } = {},
): Promise<TestTopic> {
  const title = opts.title ?? `Topic ${randomBytes(3).toString('hex')}`;
  const res = await api.http
    .post(`/api/forums/${forumSlug}/topics`)
    .set(author.auth)
    .send({ title, body: opts.body ?? 'The first post of this topic.' });
  if (res.status !== 201) throw new Error(`create topic: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.topic.id, title, firstPostId: res.body.post.id };
}

/** Replies through POST /api/topics/:id/posts and returns the post view. */
export async function reply(api: TestApp, author: TestUser, topicId: string, body: string) {
  const res = await api.http.post(`/api/topics/${topicId}/posts`).set(author.auth).send({ body });
  if (res.status !== 201) throw new Error(`reply: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.post as { id: string; seq: number; html: string; status: string };
}
