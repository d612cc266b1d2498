import { randomBytes } from 'node:crypto';
import { createUser, registerUser } from '../factories/user.factory';
import { startApp, type TestApp } from '../helpers/start-app';

describe('People: @mention completion', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startApp();
  });
  afterAll(() => api.close());

  it('suggests accounts by the start of their username, alphabetically, with public names only', async () => {
    const stem = `m${randomBytes(3).toString('hex')}`;
    const zed = await registerUser(api, { username: `${stem}_zed` });
    const amy = await registerUser(api, { username: `${stem}_Amy` });
    await registerUser(api, { username: `x${stem}` });
    await createUser(api, { username: `${stem}_gone`, status: 'suspended' });
    const res = await api.http
      .get(`/api/users/mentionable?q=${stem.toUpperCase()}`)
      .set(zed.auth)
      .expect(200);
    expect(res.body.items.map((p: { username: string }) => p.username)).toEqual([amy.username, zed.username]);
    expect(Object.keys(res.body.items[0]).sort()).toEqual(['displayName', 'id', 'username']);
  });

  it('refuses a query that is not the start of a username, and anonymous callers', async () => {
    const ann = await registerUser(api);
    const bad = await api.http.get('/api/users/mentionable?q=.*').set(ann.auth).expect(400);
    expect(bad.body).toMatchObject({ code: 'validation_failed' });
    await api.http.get('/api/users/mentionable?q=ab').expect(401);
  });
});
