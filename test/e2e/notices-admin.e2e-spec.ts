import { startApp, type TestApp } from '../helpers/start-app';
import { createUser, registerUser } from '../factories/user.factory';

describe('Notices for members and admins', () => {
  let api: TestApp;
  let admin: { auth: { Authorization: string } };
  let member: { auth: { Authorization: string } };
  const newText = '## Public means public\n\nAnything you post here can be read and reused by anyone.';

  beforeAll(async () => {
    api = await startApp();
    admin = await createUser(api, { roles: ['admin'] });
    member = await registerUser(api);
  });
  afterAll(async () => {
    await api.close();
  });

  it('records a member acknowledging the current notice, once, with its time', async () => {
    const before = await api.http.get('/api/notices/public-area').set(member.auth).expect(200);
    expect(before.body).toMatchObject({ version: 1, acknowledged: false });
    const first = await api.http
      .post('/api/notices/public-area/acknowledgements')
      .set(member.auth)
      .send({ version: 1 })
      .expect(201);
    expect(first.body).toEqual({ version: 1, acknowledgedAt: expect.any(String) });
    const again = await api.http
      .post('/api/notices/public-area/acknowledgements')
      .set(member.auth)
      .send({ version: 1 })
      .expect(201);
    expect(again.body.acknowledgedAt).toBe(first.body.acknowledgedAt);
    const after = await api.http.get('/api/notices/public-area').set(member.auth).expect(200);
    expect(after.body).toMatchObject({ version: 1, acknowledged: true });
  });

  it("lists the member's acknowledgements and includes them in the member's data export", async () => {
    const mine = await api.http.get('/api/notices/public-area/acknowledgements').set(member.auth).expect(200);
    expect(mine.body).toEqual({ items: [{ version: 1, acknowledgedAt: expect.any(String) }] });
    const exported = await api.http.get('/api/me/export').set(member.auth).expect(200);
    expect(exported.body.noticeAcknowledgements).toEqual(mine.body.items);
  });

  it('refuses to record an acknowledgement of a version that is not the current one', async () => {
    const res = await api.http
      .post('/api/notices/public-area/acknowledgements')
      .set(member.auth)
      .send({ version: 7 })
      .expect(409);
    expect(res.body).toMatchObject({ code: 'notice_version_stale', details: { currentVersion: 1 } });
  });

  it('asks an anonymous visitor to sign in before acknowledging', async () => {
    const res = await api.http
      .post('/api/notices/public-area/acknowledgements')
      .send({ version: 1 })
      .expect(401);
    expect(res.body.code).toBe('unauthenticated');
  });

  it('lets only admins publish a new notice version', async () => {
    await api.http.put('/api/notices/public-area').send({ text: newText }).expect(401);
    await api.http.put('/api/notices/public-area').set(member.auth).send({ text: newText }).expect(403);
    await api.http.put('/api/notices/privacy').set(member.auth).send({ text: newText }).expect(403);
  });

  it('keeps the previous versions when an admin publishes a new one, and asks members again', async () => {
    const res = await api.http
      .put('/api/notices/public-area')
      .set(admin.auth)
      .send({ text: newText })
      .expect(200);
    expect(res.body).toMatchObject({ kind: 'public-area', version: 2, text: newText });
    const versions = await api.http.get('/api/notices/public-area/versions').expect(200);
    expect(versions.body.items.map((n: { version: number }) => n.version)).toEqual([2, 1]);
    expect(versions.body.items[1].text).toMatch(/public/i);
    const state = await api.http.get('/api/notices/public-area').set(member.auth).expect(200);
    expect(state.body).toMatchObject({ version: 2, text: newText, acknowledged: false });
  });

  it('pages through notice versions with a cursor', async () => {
    const first = await api.http.get('/api/notices/public-area/versions?limit=1').expect(200);
    expect(first.body.items.map((n: { version: number }) => n.version)).toEqual([2]);
    const second = await api.http
      .get(`/api/notices/public-area/versions?limit=1&before=${first.body.nextCursor}`)
      .expect(200);
    expect(second.body).toMatchObject({ items: [{ version: 1 }], nextCursor: null });
  });

  it('lets an admin edit the privacy statement and keeps the earlier version', async () => {
    const text = '## Privacy\n\nWe collect your account and your posts; export or delete them at any time.';
    await api.http.put('/api/notices/privacy').set(admin.auth).send({ text }).expect(200);
    const current = await api.http.get('/api/notices/privacy').expect(200);
    expect(current.body).toMatchObject({ kind: 'privacy', version: 2, text });
    const versions = await api.http.get('/api/notices/privacy/versions').expect(200);
    expect(versions.body.items).toHaveLength(2);
  });

  it('refuses an empty notice text with the offending field named', async () => {
    const res = await api.http.put('/api/notices/public-area').set(admin.auth).send({ text: '' }).expect(400);
    expect(res.body).toMatchObject({ code: 'validation_failed', details: { fields: [{ field: 'text' }] } });
  });
});
