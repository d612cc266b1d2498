import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { MAX_DRAFTS_PER_USER } from '../../src/drafts/draft';
import { DraftRecord } from '../../src/drafts/draft.schema';
import { registerUser } from '../factories/user.factory';
import { startApp, type TestApp } from '../helpers/start-app';

describe('Drafts', () => {
  let api: TestApp;
  let drafts: Model<DraftRecord>;

  beforeAll(async () => {
    api = await startApp();
    drafts = api.app.get<Model<DraftRecord>>(getModelToken(DraftRecord.name));
  });
  afterAll(() => api.close());

  it('keeps an unsent reply for its author on any device, replaces it on each save, and discards it', async () => {
    const ann = await registerUser(api);
    const empty = await api.http.get('/api/drafts/topic/abc123').set(ann.auth).expect(200);
    expect(empty.body).toEqual({ draft: null });

    await api.http.put('/api/drafts/topic/abc123').set(ann.auth).send({ body: 'First words' }).expect(200);
    const saved = await api.http
      .put('/api/drafts/topic/abc123')
      .set(ann.auth)
      .send({ body: 'First words, then more', replyTo: 4 })
      .expect(200);
    expect(saved.body.draft).toMatchObject({ kind: 'topic', ref: 'abc123', body: 'First words, then more' });

    // Another device: a second sign-in of the same account.
    const login = await api.http
      .post('/api/auth/login')
      .send({ login: ann.username, password: ann.password })
      .expect(200);
    const other = { Authorization: `Bearer ${login.body.accessToken}` };
    const restored = await api.http.get('/api/drafts/topic/abc123').set(other).expect(200);
    expect(restored.body.draft).toMatchObject({ body: 'First words, then more', replyTo: 4, title: '' });
    expect(await drafts.countDocuments({ userId: ann.id })).toBe(1);

    await api.http.delete('/api/drafts/topic/abc123').set(ann.auth).expect(204);
    expect((await api.http.get('/api/drafts/topic/abc123').set(ann.auth).expect(200)).body).toEqual({
      draft: null,
    });
  });

  it('never shows one user’s draft to another, and an empty text discards the draft', async () => {
    const ann = await registerUser(api);
    const bob = await registerUser(api);
    await api.http
      .put('/api/drafts/new-topic/acme-cloud')
      .set(ann.auth)
      .send({ title: 'Sync fails', body: 'Since 2.4' })
      .expect(200);
    expect((await api.http.get('/api/drafts/new-topic/acme-cloud').set(bob.auth).expect(200)).body).toEqual({
      draft: null,
    });
    await api.http.delete('/api/drafts/new-topic/acme-cloud').set(bob.auth).expect(204);
    const still = await api.http.get('/api/drafts/new-topic/acme-cloud').set(ann.auth).expect(200);
    expect(still.body.draft).toMatchObject({ title: 'Sync fails', body: 'Since 2.4' });

    const cleared = await api.http
      .put('/api/drafts/new-topic/acme-cloud')
      .set(ann.auth)
      .send({ title: ' ', body: '' })
      .expect(200);
    expect(cleared.body).toEqual({ draft: null });
    expect(await drafts.countDocuments({ userId: ann.id })).toBe(0);
  });

  it('refuses a bad place or an oversized text with a clear error, and anonymous callers', async () => {
    const ann = await registerUser(api);
    const kind = await api.http.put('/api/drafts/forum/x').set(ann.auth).send({ body: 'x' }).expect(400);
    expect(kind.body).toMatchObject({ code: 'validation_failed' });
    const ref = await api.http.put('/api/drafts/topic/a.b').set(ann.auth).send({ body: 'x' }).expect(400);
    expect(ref.body).toMatchObject({ code: 'validation_failed' });
    const long = await api.http
      .put('/api/drafts/topic/abc')
      .set(ann.auth)
      .send({ body: 'x'.repeat(20_001) })
      .expect(400);
    expect(long.body).toMatchObject({ code: 'validation_failed' });
    await api.http.get('/api/drafts/topic/abc').expect(401);
    expect(await drafts.countDocuments({ userId: ann.id })).toBe(0);
  });

  it(`keeps at most ${MAX_DRAFTS_PER_USER} drafts per user, while the ones held can still be saved`, async () => {
    const ann = await registerUser(api);
    const now = new Date();
    await drafts.insertMany(
      Array.from({ length: MAX_DRAFTS_PER_USER }, (_, i) => ({
        _id: `${ann.id}:topic:t${i}`,
        userId: ann.id,
        kind: 'topic',
        ref: `t${i}`,
        body: 'held',
        updatedAt: now,
      })),
    );
    const refused = await api.http
      .put('/api/drafts/topic/one-more')
      .set(ann.auth)
      .send({ body: 'x' })
      .expect(409);
    expect(refused.body).toMatchObject({ code: 'draft_limit_reached' });
    await api.http.put('/api/drafts/topic/t7').set(ann.auth).send({ body: 'still mine' }).expect(200);
    expect(await drafts.countDocuments({ userId: ann.id })).toBe(MAX_DRAFTS_PER_USER);
  });

  it('are in the data export and erased with the account', async () => {
    const ann = await registerUser(api);
    await api.http
      .put('/api/drafts/board/launch')
      .set(ann.auth)
      .send({ body: 'Unsent thoughts' })
      .expect(200);
    const exported = await api.http.get('/api/me/export').set(ann.auth).expect(200);
    expect(exported.body.drafts).toEqual([
      expect.objectContaining({ kind: 'board', body: 'Unsent thoughts' }),
    ]);
    await api.http
      .delete('/api/me')
      .set(ann.auth)
      .send({ password: ann.password, deletePosts: false })
      .expect(204);
    expect(await drafts.countDocuments({ userId: ann.id })).toBe(0);
  });
});
