import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { ClientCommand } from '../../src/realtime/socket-protocol';
import { createBoard, type TestBoard } from '../factories/board.factory';
import { createTopic } from '../factories/topic.factory';
import { connectSocket } from '../helpers/socket-client';
import { startApp, type TestApp } from '../helpers/start-app';
import {
  auditOf,
  moderatePost,
  moderationWorld,
  replyAcknowledging,
  sendAcknowledging,
  type ModerationWorld,
} from './moderation.helpers';

type Place = { kind: string; id: string; quotes: boolean; types: string[] };

/** "Removal follows every copy" (docs/moderation.md): quotes always, every other copy on request. */
describe('Removing personal information follows its copies', () => {
  let api: TestApp;
  let w: ModerationWorld;
  let board: TestBoard;

  beforeAll(async () => {
    api = await startApp();
    w = await moderationWorld(api);
    board = await createBoard(api, w.admin, w.forumA.slug);
  });
  afterAll(async () => {
    await api.close();
  });

  const postHtml = async (topicId: string, postId: string) => {
    const page = await api.http.get(`/api/topics/${topicId}/posts`).query({ limit: 100 }).expect(200);
    return (page.body.items as Array<{ id: string; html: string }>).find((p) => p.id === postId)?.html ?? '';
  };
  const topicAcknowledging = async (title: string, body: string) => {
    const send = (ack?: string) =>
      api.http
        .post(`/api/forums/${w.forumA.slug}/topics`)
        .set(w.reader.auth)
        .send({ title, body, ...(ack ? { acknowledgePersonalData: ack } : {}) });
    const warned = await send();
    const created = warned.status === 422 ? await send(warned.body.details.findingsDigest) : warned;
    expect(created.status).toBe(201);
    return { id: created.body.topic.id as string, firstPostId: created.body.post.id as string };
  };
  const copiesOf = async (postId: string) => {
    const res = await api.http.get(`/api/moderation/posts/${postId}/copies`).set(w.modA.auth).expect(200);
    return res.body as { places: Place[]; outOfReach: number };
  };

  it('a reply that quoted the post loses the values too: topic page, search and replay', async () => {
    const email = 'Quoted.Person@Example.org';
    const phone = '020 7946 0321';
    const topic = await createTopic(api, w.author, w.forumA.slug);
    const original = await replyAcknowledging(api, w.author, topic.id, `Write to ${email} or ring ${phone}`);
    const quote = [
      `> @${w.author.username} wrote (#${original.seq}):`,
      `> Write to ${email} or ring ${phone}`,
      '',
      'Thanks, I will.',
    ].join('\n');
    const quoting = await replyAcknowledging(api, w.reader, topic.id, quote);
    // The same address elsewhere, spelled out: a copy, but not a quote.
    const elsewhere = await createTopic(api, w.reader, w.forumA.slug);
    const spelled = await replyAcknowledging(
      api,
      w.reader,
      elsewhere.id,
      'Try quoted dot person at example dot org',
    );
    await api.settled();

    const before = await copiesOf(original.id);
    expect(before.places).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'post', id: quoting.id, quotes: true }),
        expect.objectContaining({ kind: 'post', id: spelled.id, quotes: false, types: ['email'] }),
      ]),
    );

    const res = await moderatePost(api, w.modA, original.id, 'remove-personal-info', {}).expect(200);
    expect(res.body.copies.removed).toEqual([
      { kind: 'post', id: quoting.id, counts: { email: 1, phone: 1 } },
    ]);
    expect(res.body.copies.remaining).toEqual([expect.objectContaining({ id: spelled.id })]);

    const html = await postHtml(topic.id, quoting.id);
    expect(html).toContain('[email removed]');
    expect(html).toContain('[phone removed]');
    expect(html).not.toContain(email);
    expect(html).toContain('Thanks, I will.');
    const search = await api.http.get('/api/search').query({ q: '7946 0321' }).expect(200);
    expect(JSON.stringify(search.body)).not.toContain(quoting.id);
    const viewer = await connectSocket(api.url);
    try {
      expect((await viewer.send(ClientCommand.Join, { room: `topic:${topic.id}`, lastEventSeq: 0 })).ok).toBe(
        true,
      );
      expect(JSON.stringify(viewer.received).toLowerCase()).not.toContain(email.toLowerCase());
    } finally {
      viewer.close();
    }
    // The quoting reply's audit entry names the action and counts, never the value.
    const entries = await auditOf(api, w.admin, quoting.id);
    expect(entries).toEqual([
      expect.objectContaining({ action: 'post.redacted', counts: { email: 1, phone: 1 } }),
    ]);
    expect(JSON.stringify(entries).toLowerCase()).not.toContain('quoted.person');
    // What was not a quote is untouched until the moderator asks.
    expect(await postHtml(elsewhere.id, spelled.id)).toContain('quoted dot person');
  });

  it('"everywhere" removes every copy the moderator may act on and counts the rest', async () => {
    const email = 'Copied.Around@Example.net';
    const topic = await createTopic(api, w.author, w.forumA.slug);
    const original = await replyAcknowledging(api, w.author, topic.id, `Mail ${email} for access`);
    const other = await topicAcknowledging(`Ask ${email}`, 'Details in the title.');
    const inTitleOnly = other.firstPostId;
    const message = await sendAcknowledging(api, w.reader, board.slug, `Same here: ${email.toUpperCase()}`);
    // In a forum modA does not moderate: counted, never touched.
    const foreign = await replyAcknowledging(api, w.reader, w.topicB, `Also ${email}`);
    await api.settled();

    const before = await copiesOf(original.id);
    expect(before.places.map((place) => place.id).sort()).toEqual([inTitleOnly, message.id].sort());
    expect(before.outOfReach).toBe(1);

    const res = await moderatePost(api, w.modA, original.id, 'remove-personal-info', {
      everywhere: true,
      reason: 'an address posted in several places',
    }).expect(200);
    expect(res.body.copies).toEqual({
      removed: expect.arrayContaining([
        { kind: 'post', id: inTitleOnly, counts: { email: 1 } },
        { kind: 'message', id: message.id, counts: { email: 1 } },
      ]),
      remaining: [],
      outOfReach: 1,
    });
    const topicView = await api.http.get(`/api/topics/${other.id}`).expect(200);
    expect(topicView.body.topic.title).toBe('Ask [email removed]');
    const messages = await api.http.get(`/api/boards/${board.slug}/messages`).expect(200);
    expect(JSON.stringify(messages.body).toLowerCase()).not.toContain('copied.around');
    const foreignView = await api.http.get(`/api/topics/${w.topicB}/posts`).set(w.modB.auth).expect(200);
    expect(JSON.stringify(foreignView.body)).toContain(email);
    expect((await copiesOf(original.id)).places).toEqual([]);
    expect(foreign.id).toBeTruthy();

    // The index keeps keyed hashes only.
    const db = api.app.get<Connection>(getConnectionToken()).db;
    const rows = await db!.collection('pii_copies').find({}).toArray();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows).toLowerCase()).not.toContain('copied.around');
  });

  it('refuses the question to a member and to a moderator of another forum', async () => {
    const original = await replyAcknowledging(api, w.author, w.topicA, 'Mail not.for.you@example.org');
    await api.http.get(`/api/moderation/posts/${original.id}/copies`).set(w.reader.auth).expect(403);
    await api.http.get(`/api/moderation/posts/${original.id}/copies`).set(w.modB.auth).expect(403);
  });
});
