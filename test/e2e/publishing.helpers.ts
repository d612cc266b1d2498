import type { TestApp } from '../helpers/start-app';
import { createUser, registerUser } from '../factories/user.factory';

/** Shared set-up for the publishing specs: written against the Accounts and Forums routes, through HTTP only. */

export type Auth = { Authorization: string };
export interface Member {
  id: string;
  username: string;
  auth: Auth;
}

/** Texts with one finding each, read in region GB: the four kinds the issue names. */
export const SAMPLES = [
  {
    kind: 'an email',
    text: 'Write to ann.lee@example.com for the beta',
    value: 'ann.lee@example.com',
    type: 'email',
  },
  {
    kind: 'a national phone',
    text: 'Call me on 020 7946 0958 after six',
    value: '020 7946 0958',
    type: 'phone',
  },
  {
    kind: 'an international phone',
    text: 'My mobile is +33 6 12 34 56 78 if needed',
    value: '+33 6 12 34 56 78',
    type: 'phone',
  },
  {
    kind: 'an obfuscated address',
    text: 'Reach me at ann dot lee at example dot com',
    value: 'ann dot lee at example dot com',
    type: 'email',
  },
] as const;

export async function acknowledgeNotice(api: TestApp, user: Member): Promise<void> {
  const { body } = await api.http.get('/api/notices/public-area').expect(200);
  await api.http
    .post('/api/notices/public-area/acknowledgements')
    .set(user.auth)
    .send({ version: body.version })
    .expect(201);
}

/** A member who has already acknowledged the current notice, ready to post. */
export async function readyMember(
  api: TestApp,
  options: Parameters<typeof createUser>[1] = {},
): Promise<Member> {
  const user = await createUser(api, options);
  await acknowledgeNotice(api, user);
  return user;
}

export async function newMember(api: TestApp): Promise<Member> {
  return registerUser(api);
}

let forumCount = 0;
export async function createForum(
  api: TestApp,
  admin: Member,
  piiPolicy: 'warn' | 'review' | 'mask',
  phoneRegion = 'GB',
): Promise<{ id: string; slug: string }> {
  forumCount += 1;
  const slug = `${piiPolicy}-${forumCount}-${Date.now().toString(36)}`;
  const res = await api.http
    .post('/api/forums')
    .set(admin.auth)
    .send({
      slug,
      name: `Forum ${slug}`,
      productName: 'Parley',
      description: 'Product talk',
      piiPolicy,
      phoneRegion,
    })
    .expect(201);
  return { id: res.body.id, slug: res.body.slug };
}

export async function createTopic(
  api: TestApp,
  user: Member,
  forumSlug: string,
  body = 'Opening post, no data',
) {
  const res = await api.http
    .post(`/api/forums/${forumSlug}/topics`)
    .set(user.auth)
    .send({ title: 'A topic about the beta', body })
    .expect(201);
  return topicIdOf(res.body);
}

/** Create-topic and reply answer `{ topic, post, masked }`. */
export function topicIdOf(body: { topic: { id: string } }): string {
  return body.topic.id;
}

export function reply(api: TestApp, user: Member | undefined, topicId: string, body: string, ack?: string) {
  const req = api.http.post(`/api/topics/${topicId}/posts`);
  if (user) req.set(user.auth);
  return req.send(ack === undefined ? { body } : { body, acknowledgePersonalData: ack });
}

export async function topicPosts(api: TestApp, topicId: string, user?: Member) {
  const req = api.http.get(`/api/topics/${topicId}/posts?limit=100`);
  if (user) req.set(user.auth);
  const res = await req.expect(200);
  return res.body.items as Array<Record<string, unknown>>;
}
