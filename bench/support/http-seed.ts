import { randomBytes, randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { Types } from 'mongoose';
import { acknowledgeNotice, call, register, type BenchUser } from './api';
import { draftText, replyBody } from './http-bodies';

export const READ_TOPIC_POSTS = 30;
const WRITERS = 20;
const READERS = 20;
const REPLY_TOPICS = 20;

export interface HttpSeed {
  forumSlug: string;
  forumId: string;
  /** A topic of READ_TOPIC_POSTS posts, read by the topic-page scenarios and never written to afterwards. */
  readTopicId: string;
  /** Topics the publishing scenario replies to, spread like replies over a busy forum's front page. */
  replyTopicIds: string[];
  writers: BenchUser[];
  readers: BenchUser[];
  admin: BenchUser;
  /** A live board of the forum (no slow mode), for the board-message scenario. */
  boardSlug: string;
}

/**
 * Through the API only (except making the first account admin, which `npm run admin:create` would do): an admin,
 * a forum, WRITERS members who acknowledged the notice, READERS members, one topic of 30 posts written by the
 * members, and REPLY_TOPICS more topics. Checks that a page reads back whole and that the bench's texts pass the
 * personal-data check as the publishing scenario expects.
 */
export async function seedForum(
  url: string,
  db: Connection,
  say: (message: string) => void,
): Promise<HttpSeed> {
  const admin = await register(url, 'admin');
  await db
    .collection('users')
    .updateOne({ _id: new Types.ObjectId(admin.id) }, { $set: { roles: ['admin'] } });
  await acknowledgeNotice(url, admin.token);
  const forumSlug = `bench-${randomBytes(3).toString('hex')}`;
  const forum = await call(url, '/api/forums', admin.token, {
    slug: forumSlug,
    name: 'Acme Cloud (bench)',
    productName: 'Acme Cloud Storage',
    description: 'Sync, sharing and backups: questions, ideas and help.',
  });
  const writers: BenchUser[] = [];
  for (let i = 0; i < WRITERS; i += 1) {
    const writer = await register(url, 'w');
    await acknowledgeNotice(url, writer.token);
    writers.push(writer);
  }
  const boardSlug = `${forumSlug}-live`;
  await call(url, '/api/boards', admin.token, { slug: boardSlug, name: 'Launch day (bench)', forumSlug });
  const readers: BenchUser[] = [];
  for (let i = 0; i < READERS; i += 1) readers.push(await register(url, 'r'));
  say(`seed: admin, ${writers.length} writers, ${readers.length} readers, forum ${forumSlug}`);

  const names = writers.map((writer) => writer.username);
  const readTopicId = await newTopic(
    url,
    forumSlug,
    writers[0],
    'Desktop sync stops after the 2.3 update',
    names,
  );
  for (let i = 1; i < READ_TOPIC_POSTS; i += 1) {
    await call(url, `/api/topics/${readTopicId}/posts`, writers[i % writers.length].token, {
      body: replyBody(i, names, 1),
      clientId: randomUUID(),
    });
  }
  const replyTopicIds: string[] = [];
  for (let i = 0; i < REPLY_TOPICS; i += 1) {
    replyTopicIds.push(
      await newTopic(url, forumSlug, writers[i % writers.length], `Sync question number ${i + 1}`, names),
    );
  }
  say(
    `seed: topic ${readTopicId} with ${READ_TOPIC_POSTS} posts, ${replyTopicIds.length} topics to reply to`,
  );

  const page = await call(url, `/api/topics/${readTopicId}/posts?after=0&limit=${READ_TOPIC_POSTS}`, null);
  if ((page.items as unknown[]).length !== READ_TOPIC_POSTS)
    throw new Error('the seeded topic reads back short');
  const check = await call(url, '/api/pii/check', writers[0].token, {
    text: draftText(0, names),
    forum: forumSlug,
  });
  if ((check.findings as unknown[]).length !== 1) throw new Error('the live check missed the seeded address');
  return {
    forumSlug,
    boardSlug,
    forumId: forum.id as string,
    readTopicId,
    replyTopicIds,
    writers,
    readers,
    admin,
  };
}

async function newTopic(url: string, slug: string, author: BenchUser, title: string, names: string[]) {
  const created = await call(url, `/api/forums/${slug}/topics`, author.token, {
    title,
    body: replyBody(0, names),
    clientId: randomUUID(),
  });
  return (created.topic as { id: string }).id;
}
