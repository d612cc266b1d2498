import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { startApp, type TestApp } from '../helpers/start-app';
import { SAMPLES, createForum, createTopic, readyMember, reply } from './publishing.helpers';

// As typed, and as the detector normalises them (E.164, de-obfuscated address).
const MASKED_VALUES = [
  ...SAMPLES.map((sample) => sample.value),
  '+442079460958',
  '+33612345678',
  '7946 0958',
  'ann.lee@example.com',
];

/** Side stores (revisions, events, queues, notifications, logs) are where masked values usually leak. */
describe('Masked personal data', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startApp();
  });
  afterAll(async () => {
    await api.close();
  });

  it('is found in no collection and no log line after masked replies, edits, titles and board messages', async () => {
    const admin = await readyMember(api, { roles: ['admin'] });
    const author = await readyMember(api);
    const forum = await createForum(api, admin, 'mask');
    const topicId = await createTopic(api, author, forum.slug);
    const text = SAMPLES.map((sample) => sample.text).join('\n\n');
    const refused = await reply(api, author, topicId, text).expect(422);
    const digest = refused.body.details.findingsDigest;
    const created = await reply(api, author, topicId, text, digest).expect(201);
    // The same values through the other write paths: an edit (revisions), a topic title, a board message.
    await api.http
      .patch(`/api/posts/${created.body.post.id}`)
      .set(author.auth)
      .send({ body: `${text}\n\nEdited`, acknowledgePersonalData: digest })
      .expect(200);
    const title = `Beta keys: ${SAMPLES[1].value}`;
    const topicRefused = await api.http
      .post(`/api/forums/${forum.slug}/topics`)
      .set(author.auth)
      .send({ title, body: text })
      .expect(422);
    await api.http
      .post(`/api/forums/${forum.slug}/topics`)
      .set(author.auth)
      .send({ title, body: text, acknowledgePersonalData: topicRefused.body.details.findingsDigest })
      .expect(201);
    const board = `mask-board-${Date.now().toString(36)}`;
    await api.http
      .post('/api/boards')
      .set(admin.auth)
      .send({ slug: board, name: 'Launch', forumSlug: forum.slug });
    const boardRefused = await api.http
      .post(`/api/boards/${board}/messages`)
      .set(author.auth)
      .send({ body: text });
    expect(boardRefused.status).toBe(422);
    await api.http
      .post(`/api/boards/${board}/messages`)
      .set(author.auth)
      .send({ body: text, acknowledgePersonalData: boardRefused.body.details.findingsDigest })
      .expect(201);

    const db = api.app.get<Connection>(getConnectionToken()).db;
    if (!db) throw new Error('no database connection');
    const collections = await db.listCollections().toArray();
    expect(collections.map((c) => c.name)).toEqual(
      expect.arrayContaining(['notices', 'users', 'posts', 'post_revisions', 'board_messages']),
    );
    let scanned = 0;
    for (const { name } of collections) {
      const documents = await db.collection(name).find({}).toArray();
      scanned += documents.length;
      const dump = JSON.stringify(documents);
      const leaked = MASKED_VALUES.filter((value) => dump.includes(value));
      expect({ collection: name, leaked }).toEqual({ collection: name, leaked: [] });
    }
    expect(scanned).toBeGreaterThan(8);
    const logs = api.logs.join('\n');
    expect(MASKED_VALUES.filter((value) => logs.includes(value))).toEqual([]);
  });
});
