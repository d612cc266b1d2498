import { UserRepository } from '../../src/users/user.repository';
import { registerUser } from '../factories/user.factory';
import { startApp, type TestApp } from '../helpers/start-app';

/**
 * FerretDB on SQLite applies an update as read-modify-write of the whole document, so two updates of different
 * fields of one document, racing, could each write back the other's old value (src/infra/database/
 * ferretdb-write-locks.ts). This is the race the browser hit: a "last seen" touch alongside a notice
 * acknowledgement. The test runs on whichever engine the suite runs on; on MongoDB it holds by atomicity.
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
    for (let round = 1; round <= 8; round += 1) {
      writes.push(users.touchLastSeen(member.id, new Date(Date.UTC(2026, 0, round))));
      writes.push(users.pushAcknowledgement(member.id, round, new Date()));
      writes.push(users.touchLastSeen(member.id, new Date(Date.UTC(2026, 1, round))));
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
    expect(stored?.lastSeenAt).toBe(new Date(Date.UTC(2026, 1, 8)).toISOString());
  });
});
