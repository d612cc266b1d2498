import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { ClientCommand, ServerEvent } from '../../src/realtime/socket-protocol';
import { createTopic, registerAuthor } from '../factories/topic.factory';
import { connectSocket } from '../helpers/socket-client';
import { startApp, type TestApp } from '../helpers/start-app';
import {
  auditOf,
  editAcknowledging,
  inboxOf,
  moderationWorld,
  replyAcknowledging,
  type ModerationWorld,
} from './moderation.helpers';

const EMAIL = 'Jo.Bloggs@Example.org';
// The search copy is lower-cased, so that form must go too.
const FORMS = [EMAIL, EMAIL.toLowerCase()];

async function everyCollection(api: TestApp) {
  const db = api.app.get<Connection>(getConnectionToken()).db;
  if (!db) throw new Error('no database connection');
  const collections = await db.listCollections().toArray();
  const dumps: Array<{ name: string; dump: string; count: number }> = [];
  for (const { name } of collections) {
    const documents = await db.collection(name).find({}).toArray();
    dumps.push({ name, dump: JSON.stringify(documents), count: documents.length });
  }
  return dumps;
}

describe('Removing personal information', () => {
  let api: TestApp;
  let w: ModerationWorld;

  beforeAll(async () => {
    api = await startApp();
    w = await moderationWorld(api);
  });
  afterAll(async () => {
    await api.close();
  });

  it('leaves the removed address in no collection, tells viewers live and shows the author the redacted text', async () => {
    const starter = await registerAuthor(api);
    const topic = await createTopic(api, starter, w.forumA.slug, { title: 'Beta sign-ups' });
    const post = await replyAcknowledging(api, w.author, topic.id, `Write to ${EMAIL} for the beta`);
    await editAcknowledging(api, w.author, post.id, `Write to ${EMAIL} for the beta (weekdays)`);
    await editAcknowledging(api, w.author, post.id, `Write to ${EMAIL} for the beta (weekdays only)`);
    await api.http
      .post('/api/reports')
      .set(w.reader.auth)
      .send({ targetType: 'post', targetId: post.id, reason: 'personal_info', note: `shows ${EMAIL}` })
      .expect(201);
    const before = await everyCollection(api);
    const holding = before.filter(({ dump }) => dump.includes(EMAIL)).map(({ name }) => name);
    // The value really was spread over the side stores before: posts, revisions, the inbox, reports. The room
    // log keeps references only, never the text it announced.
    expect(holding).toEqual(expect.arrayContaining(['posts', 'post_revisions', 'notifications', 'reports']));
    expect(holding).not.toContain('room_events');
    // Search finds the post by the address's words before the removal (the check after it means something).
    const found = await api.http.get('/api/search').query({ q: 'bloggs@example' }).expect(200);
    expect(JSON.stringify(found.body)).toContain(post.id);

    const viewer = await connectSocket(api.url, { token: w.reader.token });
    try {
      const joined = await viewer.send(ClientCommand.Join, { room: `topic:${topic.id}` });
      expect(joined.ok).toBe(true);
      const res = await api.http
        .post(`/api/moderation/posts/${post.id}/remove-personal-info`)
        .set(w.modA.auth)
        .send({})
        .expect(200);
      expect(res.body.counts).toEqual({ email: 1 });
      expect(res.body.content.source).toBe('Write to [email removed] for the beta (weekdays only)');

      const [live] = await viewer.waitFor(ServerEvent.PostRedacted);
      const livePost = live.data.post as { id: string; html: string };
      expect(livePost.id).toBe(post.id);
      expect(livePost.html).toContain('[email removed]');
      expect(livePost.html).not.toContain(EMAIL);
    } finally {
      viewer.close();
    }

    let scanned = 0;
    for (const { name, dump, count } of await everyCollection(api)) {
      scanned += count;
      const leaked = FORMS.filter((form) => dump.includes(form));
      expect({ collection: name, leaked }).toEqual({ collection: name, leaked: [] });
    }
    expect(scanned).toBeGreaterThan(10);
    expect(FORMS.filter((form) => api.logs.join('\n').includes(form))).toEqual([]);

    const exported = await api.http.get('/api/me/export').set(w.author.auth).expect(200);
    const mine = (
      exported.body.forumPosts as Array<{ id: string; source: string; revisions: unknown[] }>
    ).find((p) => p.id === post.id);
    expect(mine?.source).toBe('Write to [email removed] for the beta (weekdays only)');
    expect(mine?.revisions).toHaveLength(2);
    expect(JSON.stringify(mine?.revisions)).toContain('[email removed]');

    const search = await api.http.get('/api/search').query({ q: 'bloggs@example' }).expect(200);
    expect(JSON.stringify(search.body)).not.toContain(post.id);
  });

  it('removes an address from a topic title everywhere it was copied: topic, search copy, replay of the forum', async () => {
    const address = 'Title.Leak@Example.net';
    const title = `Mail ${address} about the beta`;
    const body = 'Details in the title.';
    const send = (ack?: string) =>
      api.http
        .post(`/api/forums/${w.forumA.slug}/topics`)
        .set(w.author.auth)
        .send({ title, body, ...(ack ? { acknowledgePersonalData: ack } : {}) });
    const warned = await send();
    expect(warned.status).toBe(422);
    const created = await send(warned.body.details.findingsDigest);
    expect(created.status).toBe(201);
    await api.settled();
    const before = await everyCollection(api);
    const holding = before.filter(({ dump }) => dump.includes(address)).map(({ name }) => name);
    expect(holding).toContain('topics');
    expect(holding).not.toContain('room_events');

    await api.http
      .post(`/api/moderation/posts/${created.body.post.id}/remove-personal-info`)
      .set(w.modA.auth)
      .send({})
      .expect(200);
    const topic = await api.http.get(`/api/topics/${created.body.topic.id}`).set(w.reader.auth).expect(200);
    expect(JSON.stringify(topic.body)).toContain('[email removed]');
    for (const { name, dump } of await everyCollection(api)) {
      const leaked = [address, address.toLowerCase()].filter((form) => dump.includes(form));
      expect({ collection: name, leaked }).toEqual({ collection: name, leaked: [] });
    }
    const viewer = await connectSocket(api.url);
    try {
      const joined = await viewer.send(ClientCommand.Join, {
        room: `forum:${w.forumA.slug}`,
        lastEventSeq: 0,
      });
      expect(joined.ok).toBe(true);
      const announced = viewer
        .named(ServerEvent.TopicCreated)
        .find(({ data }) => data.topicId === created.body.topic.id);
      expect(announced?.data.title).toContain('[email removed]');
    } finally {
      viewer.close();
    }
  });

  it('records the redaction once in the audit log with counts by type and never the value', async () => {
    const post = await replyAcknowledging(
      api,
      w.author,
      w.topicA,
      'Ring 020 7946 0958 or mail a.b@example.net',
    );
    await api.http
      .post(`/api/moderation/posts/${post.id}/remove-personal-info`)
      .set(w.modA.auth)
      .send({})
      .expect(200);
    const entries = await auditOf(api, w.admin, post.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'post.redacted',
      actorId: w.modA.id,
      actorRole: 'forum-moderator',
      targetType: 'post',
      forumId: w.forumA.id,
      counts: { email: 1, phone: 1 },
    });
    expect(JSON.stringify(entries)).not.toMatch(/7946|a\.b@example/);
    const notice = (await inboxOf(api, w.author)).find(
      (n) => (n.link as { postId?: string }).postId === post.id,
    );
    expect(notice).toMatchObject({ type: 'content_moderated', action: 'redact' });
  });

  it('removes only the span the moderator chose, including one the detector missed', async () => {
    const text = 'I live at 12 Elm Road, mail c.d@example.net';
    const post = await replyAcknowledging(api, w.author, w.topicA, text);
    const start = text.indexOf('12 Elm Road');
    const res = await api.http
      .post(`/api/moderation/posts/${post.id}/remove-personal-info`)
      .set(w.modA.auth)
      .send({ spans: [{ start, end: start + '12 Elm Road'.length }] })
      .expect(200);
    expect(res.body.content.source).toBe('I live at [personal info removed], mail c.d@example.net');
    expect(res.body.counts).toEqual({ other: 1 });
    const outside = await api.http
      .post(`/api/moderation/posts/${post.id}/remove-personal-info`)
      .set(w.modA.auth)
      .send({ spans: [{ start: 0, end: 5000 }] })
      .expect(400);
    expect(outside.body.code).toBe('span_out_of_range');
  });

  it('answers 400 when nothing was detected and no span was chosen', async () => {
    const post = await replyAcknowledging(api, w.author, w.topicA, 'Nothing personal here');
    await api.http
      .post(`/api/moderation/posts/${post.id}/remove-personal-info`)
      .set(w.modA.auth)
      .send({})
      .expect(400);
  });

  it('refuses a moderator of another forum', async () => {
    const post = await replyAcknowledging(api, w.author, w.topicA, 'Mail e.f@example.net');
    await api.http
      .post(`/api/moderation/posts/${post.id}/remove-personal-info`)
      .set(w.modB.auth)
      .send({})
      .expect(403);
  });
});
