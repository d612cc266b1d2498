import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { AuditEntryRecord } from '../../src/audit/audit-entry.schema';
import { AuditLogService } from '../../src/audit/audit-log.service';
import { ForumEvent, type ForumEventPayloads } from '../../src/infra/events/forum-events';
import { UsersService } from '../../src/users/users.service';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { createUser, registerUser, type TestUser } from '../factories/user.factory';
import { startApp, type TestApp } from '../helpers/start-app';

describe('Admin user management', () => {
  let api: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    api = await startApp();
    admin = await createUser(api, { roles: ['admin'] });
  });
  afterAll(async () => {
    await api.close();
  });

  it('lists users newest first and finds them by the start of a username or email', async () => {
    const zed = await registerUser(api, { username: 'zed_search', email: 'zed@search.test' });
    await registerUser(api, { username: 'zoe_search', email: 'zoe@other.test' });
    const byName = await api.http.get('/api/admin/users').query({ q: 'ZED_' }).set(admin.auth).expect(200);
    expect(byName.body.items.map((u: { id: string }) => u.id)).toEqual([zed.id]);
    expect(byName.body.items[0]).not.toHaveProperty('passwordHash');
    const byEmail = await api.http.get('/api/admin/users').query({ q: 'zoe@' }).set(admin.auth).expect(200);
    expect(byEmail.body.items.map((u: { username: string }) => u.username)).toEqual(['zoe_search']);
  });

  it('pages through users with a cursor, without repeating anyone', async () => {
    for (let i = 0; i < 3; i += 1) await registerUser(api, { username: `pager_${i}` });
    const first = await api.http
      .get('/api/admin/users')
      .query({ q: 'pager_', limit: 2 })
      .set(admin.auth)
      .expect(200);
    expect(first.body.items).toHaveLength(2);
    const second = await api.http
      .get('/api/admin/users')
      .query({ q: 'pager_', limit: 2, cursor: first.body.nextCursor })
      .set(admin.auth)
      .expect(200);
    const names = [...first.body.items, ...second.body.items].map((u: { username: string }) => u.username);
    expect(names).toEqual(['pager_2', 'pager_1', 'pager_0']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('changes roles and forum moderators, and records each change in the audit log', async () => {
    const user = await registerUser(api);
    const roles = await api.http
      .put(`/api/admin/users/${user.id}/roles`)
      .set(admin.auth)
      .send({ roles: ['moderator'] })
      .expect(200);
    expect(roles.body.roles).toEqual(['member', 'moderator']);
    const forums = await api.http
      .put(`/api/admin/users/${user.id}/moderated-forums`)
      .set(admin.auth)
      .send({ forumIds: ['forum-a', 'forum-b'] })
      .expect(200);
    expect(forums.body.moderatedForumIds).toEqual(['forum-a', 'forum-b']);
    const log = await api.http
      .get('/api/audit-log')
      .query({ targetType: 'user', targetId: user.id })
      .set(admin.auth)
      .expect(200);
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual([
      'user.moderated_forums_changed',
      'user.roles_changed',
    ]);
    expect(log.body.items[0]).toMatchObject({ actorId: admin.id, actorRole: 'admin' });
  });

  it('suspends with a reason and an end, announces it, and lifts it again', async () => {
    const user = await registerUser(api);
    const seen: ForumEventPayloads['user.restricted'][] = [];
    const emitter = api.app.get(EventEmitter2);
    const listener = (payload: ForumEventPayloads['user.restricted']) => seen.push(payload);
    emitter.on(ForumEvent.UserRestricted, listener);
    const until = new Date(Date.now() + 86_400_000).toISOString();
    const res = await api.http
      .put(`/api/admin/users/${user.id}/status`)
      .set(admin.auth)
      .send({ status: 'suspended', until, reason: 'repeated spam' })
      .expect(200);
    expect(res.body).toMatchObject({
      status: 'suspended',
      suspendedUntil: until,
      restrictionReason: 'repeated spam',
    });
    await api.http.get('/api/me').set(user.auth).expect(403);
    await api.http
      .put(`/api/admin/users/${user.id}/status`)
      .set(admin.auth)
      .send({ status: 'active', reason: 'appeal accepted' })
      .expect(200);
    await api.http.get('/api/me').set(user.auth).expect(200);
    emitter.off(ForumEvent.UserRestricted, listener);
    expect(seen).toEqual([
      { userId: user.id, status: 'suspended', until },
      { userId: user.id, status: 'active', until: undefined },
    ]);
  });

  it('refuses an end time in the past and an admin restricting or demoting themselves', async () => {
    const user = await registerUser(api);
    await api.http
      .put(`/api/admin/users/${user.id}/status`)
      .set(admin.auth)
      .send({ status: 'suspended', until: '2001-01-01T00:00:00.000Z', reason: 'late' })
      .expect(400);
    await api.http
      .put(`/api/admin/users/${admin.id}/status`)
      .set(admin.auth)
      .send({ status: 'suspended', reason: 'oops' })
      .expect(409);
    await api.http.put(`/api/admin/users/${admin.id}/roles`).set(admin.auth).send({ roles: [] }).expect(409);
  });

  it('keeps these routes for admins only', async () => {
    const moderator = await createUser(api, { roles: ['moderator'] });
    await api.http.get('/api/admin/users').set(moderator.auth).expect(403);
    await api.http.get('/api/admin/users').expect(401);
  });

  it('shows a deleted account as "deleted user" to other modules', async () => {
    const user = await registerUser(api);
    await api.http.delete('/api/me').set(user.auth).send({ password: user.password }).expect(204);
    const profiles = await api.app.get(UsersService).findPublicProfiles([user.id, admin.id]);
    expect(profiles).toEqual([
      { id: user.id, username: null, displayName: 'deleted user' },
      { id: admin.id, username: admin.username, displayName: admin.username },
    ]);
    expect(
      await api.app.get(UsersService).resolveUsernames([`@${admin.username.toUpperCase()}`, user.username]),
    ).toEqual([expect.objectContaining({ id: admin.id })]);
  });

  it('records acknowledgements of the notice once per version on the user', async () => {
    const user = await registerUser(api);
    const users = api.app.get(UsersService);
    await users.recordNoticeAcknowledgement(user.id, 1);
    await users.recordNoticeAcknowledgement(user.id, 1);
    const after = await users.recordNoticeAcknowledgement(user.id, 2);
    expect(after.noticeAcknowledgements.map((a) => a.version)).toEqual([1, 2]);
  });
});

describe('Audit log', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startApp();
  });
  afterAll(async () => {
    await api.close();
  });

  it('keeps entries as written: updates and deletes are refused', async () => {
    const audit = api.app.get(AuditLogService);
    const entry = await audit.record({
      actorId: 'mod-1',
      actorRole: 'moderator',
      action: 'post.redacted',
      targetType: 'post',
      targetId: 'p1',
      forumId: 'f1',
      counts: { phone: 1 },
    });
    const model = api.app.get<Model<AuditEntryRecord>>(getModelToken(AuditEntryRecord.name));
    await expect(
      model.updateOne({ _id: entry.id }, { $set: { reason: 'rewritten' } }).exec(),
    ).rejects.toThrow(/append-only/);
    await expect(model.findOneAndUpdate({ _id: entry.id }, { $set: { action: 'x' } }).exec()).rejects.toThrow(
      /append-only/,
    );
    await expect(model.deleteMany({}).exec()).rejects.toThrow(/append-only/);
    await expect(model.deleteOne({ _id: entry.id }).exec()).rejects.toThrow(/append-only/);
    const page = await audit.list({ forumId: 'f1' });
    expect(page.items).toEqual([entry]);
  });

  it('has no method that could change or remove an entry', () => {
    const methods = Object.getOwnPropertyNames(AuditLogService.prototype).filter((m) => m !== 'constructor');
    expect(methods).toEqual(expect.arrayContaining(['list', 'record']));
    expect(methods.filter((m) => /update|delete|remove|edit|replace|set|erase|purge|clear/i.test(m))).toEqual(
      [],
    );
  });
});
