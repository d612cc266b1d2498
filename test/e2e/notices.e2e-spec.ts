import type { AuthUser } from '../../src/auth/access-policy';
import { NoticeStateService } from '../../src/notices/notice-state.service';
import { NoticesService } from '../../src/notices/notices.service';
import { startApp, type TestApp } from '../helpers/start-app';

describe('Notices', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startApp();
  });
  afterAll(async () => {
    await api.close();
  });

  it('serves a first public-area notice on a fresh install, not acknowledged by an anonymous reader', async () => {
    const res = await api.http.get('/api/notices/public-area').expect(200);
    expect(res.body).toMatchObject({ kind: 'public-area', version: 1, acknowledged: false });
    expect(res.body.text).toMatch(/public/i);
    expect(res.body.text).toMatch(/anyone/i);
    expect(res.body.text).toContain('(/privacy)');
    expect(new Date(res.body.publishedAt).getTime()).not.toBeNaN();
    expect(res.body.publishedBy).toBeUndefined();
  });

  it('lists the notice versions, newest first', async () => {
    const res = await api.http.get('/api/notices/public-area/versions').expect(200);
    expect(res.body.items.map((n: { version: number }) => n.version)).toEqual([1]);
    expect(res.body.nextCursor).toBeNull();
  });

  it('serves a privacy statement that names the rights to access, correct, export and delete', async () => {
    const res = await api.http.get('/api/notices/privacy').expect(200);
    expect(res.body).toMatchObject({ kind: 'privacy', version: 1 });
    for (const word of ['export', 'Correct', 'Delete', 'Opt out', 'unsubscribe', 'Moderators can remove']) {
      expect(res.body.text).toContain(word);
    }
  });
});

describe('Notices across instances', () => {
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    first = await startApp();
    second = await startApp({ dbName: first.dbName });
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
  });

  it('seeds exactly one first version when two instances start on the same database', async () => {
    const res = await second.http.get('/api/notices/public-area/versions').expect(200);
    expect(res.body.items.map((n: { version: number }) => n.version)).toEqual([1]);
  });

  it('shows a new version at once on the instance that published it and on every other one', async () => {
    await second.http.get('/api/notices/public-area').expect(200);
    const admin: AuthUser = {
      id: 'admin-1',
      username: 'root',
      roles: ['admin'],
      moderatedForumIds: [],
      status: 'active',
    };
    await first.app
      .get(NoticesService, { strict: false })
      .publish('public-area', 'Version two of the notice.', admin);
    const state = first.app.get(NoticeStateService, { strict: false });
    expect(await state.forUser(undefined)).toEqual({ version: 2, acknowledged: false });
    const elsewhere = second.app.get(NoticeStateService, { strict: false });
    expect(await elsewhere.forUser(undefined)).toEqual({ version: 2, acknowledged: false });
    const res = await second.http.get('/api/notices/public-area').expect(200);
    expect(res.body).toMatchObject({ version: 2, acknowledged: false });
  });
});
