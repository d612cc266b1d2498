import { UserRepository } from '../../src/users/user.repository';
import { registerUser } from '../factories/user.factory';
import { startApp, type TestApp } from '../helpers/start-app';

/**
 * What MongoDB guarantees for racing updates of one document: each update is atomic, so no field written by
 * one is lost to another that wrote a different field, and a field written by several ends as one of the
 * values issued (not necessarily the last one sent: concurrent requests have no order). This is the race the
 * browser hit: a "last seen" touch alongside a notice acknowledgement. An engine that applies updates as a
 * read-modify-write of the whole document needs src/infra/database/ferretdb-write-locks.ts to pass it.
 */
describe('Concurrent writes to one document', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startApp();
  });
  afterAll(async () => {
    await api.close();
  });

  it('keeps every field written at the same time: acknowledgements, preferences, profile, last seen', async () => {
    const users = api.app.get(UserRepository);
    const member = await registerUser(api);
    const writes: Promise<unknown>[] = [];
    const lastSeen: Date[] = [];
    for (let round = 1; round <= 8; round += 1) {
      lastSeen.push(new Date(Date.UTC(2026, 0, round)), new Date(Date.UTC(2026, 1, round)));
      writes.push(users.touchLastSeen(member.id, lastSeen[lastSeen.length - 2]));
      writes.push(users.pushAcknowledgement(member.id, round, new Date()));
      writes.push(users.touchLastSeen(member.id, lastSeen[lastSeen.length - 1]));
    }
    writes.push(users.updateProfile(member.id, { displayName: 'Raced Name' }));
    writes.push(users.setPreferences(member.id, { 'mentions.email': false }));
    await Promise.all(writes);

    const stored = await users.findById(member.id);
    expect(stored?.noticeAcknowledgements.map((ack) => ack.version).sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);
    expect(stored?.displayName).toBe('Raced Name');
    expect(stored?.notificationPreferences.mentions.email).toBe(false);
    expect(lastSeen.map((at) => at.toISOString())).toContain(stored?.lastSeenAt);
  });
});
