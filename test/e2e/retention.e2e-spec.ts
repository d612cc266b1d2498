import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { AuditEntryRecord } from '../../src/audit/audit-entry.schema';
import { LoginAttemptRecord } from '../../src/auth/login-attempt.schema';
import { RefreshTokenRecord, SessionRecord } from '../../src/auth/session.schema';
import { RetentionService } from '../../src/privacy/retention.service';
import { UsersService } from '../../src/users/users.service';
import { cookieSession, registerUser } from '../factories/user.factory';
import { startApp, type TestApp } from '../helpers/start-app';

const DAY_MS = 86_400_000;

/** What the privacy statement keeps only so long is purged once older (docs/moderation.md, "Retention"). */
describe('Retention', () => {
  let api: TestApp;
  const model = <T>(name: string) => api.app.get<Model<T>>(getModelToken(name));
  const later = (days: number) => new Date(Date.now() + days * DAY_MS);

  beforeAll(async () => {
    api = await startApp({
      env: { RETENTION_LOGIN_ATTEMPTS_DAYS: '30', RETENTION_SESSIONS_DAYS: '30', RETENTION_AUDIT_DAYS: '60' },
    });
  });
  afterAll(async () => {
    await api.close();
  });

  it('purges old login attempts, ended sessions and old audit entries, and keeps what is still recent', async () => {
    const ann = await registerUser(api);
    await api.http
      .post('/api/auth/login')
      .send({ login: `nobody-${ann.username}`, password: 'wrong one' })
      .expect(401);
    const ended = await cookieSession(api, ann);
    await api.http.post('/api/auth/logout').set('Cookie', ended.cookies).set(ended.csrfHeader).expect(204);
    await api.app.get(UsersService).restrict(ann.id, { status: 'silenced', reason: 'a test' });
    const sessions = model<SessionRecord>(SessionRecord.name);
    const activeSessions = await sessions.countDocuments({ userId: ann.id, revokedAt: null });
    expect(activeSessions).toBeGreaterThan(0);
    expect(await sessions.countDocuments({ userId: ann.id, revokedAt: { $ne: null } })).toBe(1);
    expect(await model<LoginAttemptRecord>(LoginAttemptRecord.name).countDocuments()).toBeGreaterThan(0);
    const audit = model<AuditEntryRecord>(AuditEntryRecord.name);
    const auditBefore = await audit.countDocuments();
    expect(auditBefore).toBeGreaterThan(0);

    // 31 days on: attempts and the ended session are past 30 days; the open session (30-day refresh) and
    // the audit entries (60 days) are not.
    const run = await api.app.get(RetentionService).runIfDue(later(31));
    expect(run).toMatchObject({ auditEntries: 0 });
    expect(run?.loginAttempts).toBeGreaterThan(0);
    expect(run?.sessions).toBeGreaterThan(0);
    expect(await model<LoginAttemptRecord>(LoginAttemptRecord.name).countDocuments()).toBe(0);
    expect(await sessions.countDocuments({ userId: ann.id, revokedAt: { $ne: null } })).toBe(0);
    expect(await sessions.countDocuments({ userId: ann.id, revokedAt: null })).toBe(activeSessions);
    const tokens = model<RefreshTokenRecord>(RefreshTokenRecord.name);
    expect(await tokens.countDocuments({ userId: ann.id })).toBeGreaterThan(0);
    expect(await audit.countDocuments()).toBe(auditBefore);

    // 61 days on the audit entries are past their period too.
    const second = await api.app.get(RetentionService).runIfDue(later(61));
    expect(second?.auditEntries).toBe(auditBefore);
    expect(await audit.countDocuments()).toBe(0);
  });

  it('runs once per period however many instances try at the same time', async () => {
    const at = later(200);
    const runs = await Promise.all([1, 2, 3, 4].map(() => api.app.get(RetentionService).runIfDue(at)));
    expect(runs.filter((run) => run !== null)).toHaveLength(1);
  });
});
