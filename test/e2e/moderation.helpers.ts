import { createForum, type TestForum } from '../factories/forum.factory';
import { acknowledgeNotice, createTopic, registerAuthor } from '../factories/topic.factory';
import { createUser, type TestUser } from '../factories/user.factory';
import type { TestApp } from '../helpers/start-app';

/** Shared set-up for the moderation, redaction, notification and audit specs: HTTP only, like a client. */

export interface PostRef {
  id: string;
  seq: number;
  status: string;
  topicId: string;
}

/** Replies; when the personal-data check answers 422, acknowledges exactly those findings and resends. */
export async function replyAcknowledging(api: TestApp, author: TestUser, topicId: string, body: string) {
  const first = await api.http.post(`/api/topics/${topicId}/posts`).set(author.auth).send({ body });
  let res = first;
  if (first.status === 422) {
    res = await api.http
      .post(`/api/topics/${topicId}/posts`)
      .set(author.auth)
      .send({ body, acknowledgePersonalData: first.body.details.findingsDigest });
  }
  if (res.status !== 201) throw new Error(`reply: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...(res.body.post as Omit<PostRef, 'topicId'>), topicId } as PostRef;
}

/** Sends a board message over REST, acknowledging findings when the check asks. */
export async function sendAcknowledging(api: TestApp, author: TestUser, slug: string, body: string) {
  const path = `/api/boards/${slug}/messages`;
  let res = await api.http.post(path).set(author.auth).send({ body });
  if (res.status === 422) {
    res = await api.http
      .post(path)
      .set(author.auth)
      .send({ body, acknowledgePersonalData: res.body.details.findingsDigest });
  }
  if (res.status !== 201) throw new Error(`message: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.message as { id: string; status: string; seq: number };
}

/** Edits one's own post, acknowledging findings when asked. */
export async function editAcknowledging(api: TestApp, author: TestUser, postId: string, body: string) {
  const first = await api.http.patch(`/api/posts/${postId}`).set(author.auth).send({ body });
  let res = first;
  if (first.status === 422) {
    res = await api.http
      .patch(`/api/posts/${postId}`)
      .set(author.auth)
      .send({ body, acknowledgePersonalData: first.body.details.findingsDigest });
  }
  if (res.status !== 200) throw new Error(`edit: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface ModerationWorld {
  admin: TestUser;
  /** piiPolicy warn */
  forumA: TestForum;
  /** piiPolicy review */
  forumB: TestForum;
  modA: TestUser;
  modB: TestUser;
  author: TestUser;
  reader: TestUser;
  topicA: string;
  topicB: string;
}

export async function moderationWorld(api: TestApp): Promise<ModerationWorld> {
  const admin = await createUser(api, { roles: ['admin'] });
  await acknowledgeNotice(api, admin);
  const forumA = await createForum(api, admin, { piiPolicy: 'warn', phoneRegion: 'GB' });
  const forumB = await createForum(api, admin, { piiPolicy: 'review', phoneRegion: 'GB' });
  const modA = await createUser(api, { moderatedForumIds: [forumA.id] });
  const modB = await createUser(api, { moderatedForumIds: [forumB.id] });
  await acknowledgeNotice(api, modA);
  await acknowledgeNotice(api, modB);
  const author = await registerAuthor(api);
  const reader = await registerAuthor(api);
  const topicA = (await createTopic(api, author, forumA.slug)).id;
  const topicB = (await createTopic(api, author, forumB.slug)).id;
  return { admin, forumA, forumB, modA, modB, author, reader, topicA, topicB };
}

export async function queueOf(api: TestApp, user: TestUser, query: Record<string, string> = {}) {
  await api.settled(); // queue entries are follow-up work of the post or message
  const res = await api.http.get('/api/moderation/queue').query(query).set(user.auth);
  if (res.status !== 200) throw new Error(`queue: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as {
    items: Array<Record<string, unknown> & { targetId: string }>;
    nextCursor: string | null;
  };
}

export async function inboxOf(api: TestApp, user: TestUser) {
  await api.settled(); // notifications are follow-up work, stored a moment after the answer
  const res = await api.http.get('/api/notifications').set(user.auth).expect(200);
  return res.body.items as Array<Record<string, unknown>>;
}

/** Audit entries about one target, newest first (as an admin reads them). */
export async function auditOf(api: TestApp, admin: TestUser, targetId: string) {
  const res = await api.http.get('/api/moderation/audit').query({ targetId }).set(admin.auth).expect(200);
  return res.body.items as Array<Record<string, unknown>>;
}

/** A moderator action on a post, as the moderation screen sends it. */
export function moderatePost(
  api: TestApp,
  user: { auth: Record<string, string> },
  postId: string,
  action: string,
  body: object = {},
) {
  return api.http.post(`/api/moderation/posts/${postId}/${action}`).set(user.auth).send(body);
}

/** The notifications in `user`'s inbox about one post. */
export async function noticesAboutPost(api: TestApp, user: TestUser, postId: string) {
  return (await inboxOf(api, user)).filter((n) => (n.link as { postId?: string }).postId === postId);
}
