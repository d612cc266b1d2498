import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { AuditEntryRecord } from '../../src/audit/audit-entry.schema';
import { reply } from '../factories/topic.factory';
import { createUser } from '../factories/user.factory';
import { startApp, type TestApp } from '../helpers/start-app';
import { moderationWorld, type ModerationWorld } from './moderation.helpers';

describe('Moderation audit log', () => {
  let api: TestApp;
  let w: ModerationWorld;
  let postA: string;
  let postB: string;

  const audit = (user: { auth: Record<string, string> }, query: Record<string, string> = {}) =>
    api.http.get('/api/moderation/audit').query(query).set(user.auth);

  beforeAll(async () => {
    api = await startApp();
    w = await moderationWorld(api);
    postA = (await reply(api, w.author, w.topicA, 'In forum A')).id;
    postB = (await reply(api, w.author, w.topicB, 'In forum B')).id;
    await api.http
      .post(`/api/moderation/posts/${postA}/hide`)
      .set(w.modA.auth)
      .send({ reason: 'a' })
      .expect(200);
    await api.http
      .post(`/api/moderation/posts/${postB}/hide`)
      .set(w.modB.auth)
      .send({ reason: 'b' })
      .expect(200);
    const globalMod = await createUser(api, { roles: ['moderator'] });
    await api.http
      .post(`/api/moderation/users/${w.reader.id}/silence`)
      .set(globalMod.auth)
      .send({ reason: 'c' })
      .expect(200);
  });
  afterAll(async () => {
    await api.close();
  });

  it('shows a forum moderator only the entries of their forums', async () => {
    const res = await audit(w.modA).expect(200);
    const targets = res.body.items.map((e: { targetId: string }) => e.targetId);
    expect(targets).toContain(postA);
    expect(targets).not.toContain(postB);
    expect(targets).not.toContain(w.reader.id);
    await audit(w.modA, { forum: w.forumB.id }).expect(403);
    await audit(w.reader).expect(403);
  });

  it('shows an admin every entry, with who, role, when, action, target, forum and reason', async () => {
    const res = await audit(w.admin).expect(200);
    const byTarget = new Map(res.body.items.map((e: { targetId: string }) => [e.targetId, e]));
    expect(byTarget.get(postB)).toMatchObject({
      actorId: w.modB.id,
      actorRole: 'forum-moderator',
      action: 'post.hidden',
      targetType: 'post',
      forumId: w.forumB.id,
      reason: 'b',
      at: expect.any(String),
    });
    expect(byTarget.get(w.reader.id)).toMatchObject({
      action: 'user.silenced',
      targetType: 'user',
      reason: 'c',
    });
  });

  it('filters by action, target type and subject', async () => {
    const hidden = await audit(w.admin, { action: 'post.hidden' }).expect(200);
    expect(hidden.body.items.map((e: { targetId: string }) => e.targetId).sort()).toEqual(
      [postA, postB].sort(),
    );
    const users = await audit(w.admin, { targetType: 'user', subjectUserId: w.reader.id }).expect(200);
    expect(users.body.items).toEqual([expect.objectContaining({ action: 'user.silenced' })]);
  });

  it('offers no way to change or delete an entry, through the API or the model', async () => {
    const before = (await audit(w.admin).expect(200)).body.items;
    const id = before[0].id as string;
    for (const method of ['put', 'patch', 'delete'] as const) {
      await api.http[method](`/api/moderation/audit/${id}`)
        .set(w.admin.auth)
        .send({ reason: 'rewritten' })
        .expect(404);
      await api.http[method]('/api/moderation/audit')
        .set(w.admin.auth)
        .send({ reason: 'rewritten' })
        .expect(404);
    }
    const model = api.app.get<Model<AuditEntryRecord>>(getModelToken(AuditEntryRecord.name));
    await expect(model.updateOne({ _id: id }, { $set: { reason: 'rewritten' } }).exec()).rejects.toThrow(
      /append-only/,
    );
    await expect(model.deleteOne({ _id: id }).exec()).rejects.toThrow(/append-only/);
    expect((await audit(w.admin).expect(200)).body.items).toEqual(before);
  });
});
