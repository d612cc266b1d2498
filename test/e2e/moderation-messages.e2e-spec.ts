import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { ClientCommand, ServerEvent } from '../../src/realtime/socket-protocol';
import { createBoard, type TestBoard } from '../factories/board.factory';
import type { TestUser } from '../factories/user.factory';
import { connectSocket } from '../helpers/socket-client';
import { startApp, type TestApp } from '../helpers/start-app';
import {
  auditOf,
  inboxOf,
  moderationWorld,
  queueOf,
  sendAcknowledging,
  type ModerationWorld,
} from './moderation.helpers';

describe('Moderators acting on board messages', () => {
  let api: TestApp;
  let w: ModerationWorld;
  let warnBoard: TestBoard;
  let reviewBoard: TestBoard;

  const act = (user: TestUser, id: string, action: string, body: object = {}) =>
    api.http.post(`/api/moderation/messages/${id}/${action}`).set(user.auth).send(body);

  beforeAll(async () => {
    api = await startApp();
    w = await moderationWorld(api);
    warnBoard = await createBoard(api, w.admin, w.forumA.slug);
    reviewBoard = await createBoard(api, w.admin, w.forumB.slug);
  });
  afterAll(async () => {
    await api.close();
  });

  it('queues a held message for its forum’s moderators; approving it shows it live on the board', async () => {
    const held = await sendAcknowledging(api, w.author, reviewBoard.slug, 'Call 020 7946 0958 for tickets');
    expect(held.status).toBe('held');
    expect((await queueOf(api, w.modB)).items.find((item) => item.targetId === held.id)).toMatchObject({
      targetType: 'message',
      reasons: ['personal_data'],
    });
    await act(w.modA, held.id, 'approve').expect(403);
    const viewer = await connectSocket(api.url, { token: w.reader.token });
    try {
      expect((await viewer.send(ClientCommand.Join, { room: `board:${reviewBoard.slug}` })).ok).toBe(true);
      await act(w.modB, held.id, 'approve').expect(200);
      await viewer.waitFor(
        ServerEvent.MessageCreated,
        1,
        (d) => (d.message as { id: string }).id === held.id,
      );
    } finally {
      viewer.close();
    }
    const told = (await inboxOf(api, w.author)).filter(
      (n) => (n.link as { messageId?: string }).messageId === held.id,
    );
    expect(told).toEqual([expect.objectContaining({ type: 'post_approved' })]);
  });

  it('a reported message enters the queue and deleting it is audited once', async () => {
    const message = await sendAcknowledging(api, w.author, warnBoard.slug, 'Buy cheap watches');
    await api.http
      .post('/api/reports')
      .set(w.reader.auth)
      .send({ targetType: 'message', targetId: message.id, reason: 'spam' })
      .expect(201);
    expect((await queueOf(api, w.modA, { reason: 'reported:spam' })).items.map((i) => i.targetId)).toContain(
      message.id,
    );
    await act(w.modA, message.id, 'delete', { reason: 'Spam' }).expect(200);
    expect(await auditOf(api, w.admin, message.id)).toEqual([
      expect.objectContaining({ action: 'message.deleted', targetType: 'message', reason: 'Spam' }),
    ]);
  });

  it('hides a message behind a placeholder for every viewer, live, and brings it back', async () => {
    const message = await sendAcknowledging(api, w.author, warnBoard.slug, 'A heated remark');
    const viewer = await connectSocket(api.url, { token: w.reader.token });
    try {
      expect((await viewer.send(ClientCommand.Join, { room: `board:${warnBoard.slug}` })).ok).toBe(true);
      await act(w.modA, message.id, 'hide', { reason: 'Heated' }).expect(200);
      const [hidden] = await viewer.waitFor(ServerEvent.MessageUpdated);
      expect(hidden.data.message).toMatchObject({ id: message.id, status: 'hidden' });
      expect(JSON.stringify(hidden.data)).not.toContain('heated remark');
      const page = await api.http
        .get(`/api/boards/${warnBoard.slug}/messages`)
        .set(w.reader.auth)
        .expect(200);
      const listed = page.body.messages.find((m: { id: string }) => m.id === message.id);
      expect(listed).toMatchObject({
        status: 'hidden',
        html: expect.stringContaining('hidden by a moderator'),
      });
      expect(JSON.stringify(listed)).not.toContain('heated remark');
      await act(w.modA, message.id, 'hide').expect(409);
      await act(w.modA, message.id, 'unhide').expect(200);
      const shown = await viewer.waitFor(ServerEvent.MessageUpdated, 2);
      expect(shown[1].data.message).toMatchObject({ id: message.id, status: 'visible' });
      expect(String((shown[1].data.message as { html: string }).html)).toContain('heated remark');
    } finally {
      viewer.close();
    }
    expect((await auditOf(api, w.admin, message.id)).map((e) => e.action)).toEqual([
      'message.unhidden',
      'message.hidden',
    ]);
  });

  it('removing personal information rewrites the message and its earlier versions everywhere', async () => {
    const email = 'board.person@example.org';
    const message = await sendAcknowledging(api, w.author, warnBoard.slug, `First: ${email}`);
    let edit = await api.http
      .patch(`/api/boards/${warnBoard.slug}/messages/${message.id}`)
      .set(w.author.auth)
      .send({ body: `Edited: ${email}` });
    if (edit.status === 422) {
      edit = await api.http
        .patch(`/api/boards/${warnBoard.slug}/messages/${message.id}`)
        .set(w.author.auth)
        .send({ body: `Edited: ${email}`, acknowledgePersonalData: edit.body.details.findingsDigest });
    }
    expect(edit.status).toBe(200);
    const res = await act(w.modA, message.id, 'remove-personal-info').expect(200);
    expect(res.body.content.source).toBe('Edited: [email removed]');
    const db = api.app.get<Connection>(getConnectionToken()).db;
    if (!db) throw new Error('no database connection');
    for (const { name } of await db.listCollections().toArray()) {
      const dump = JSON.stringify(await db.collection(name).find({}).toArray());
      expect({ collection: name, leaked: dump.includes(email) }).toEqual({ collection: name, leaked: false });
    }
  });
});
