import { randomUUID } from 'node:crypto';
import {
  acknowledgedMember,
  createBoard,
  ensureAcknowledged,
  postMessage,
  type TestBoard,
} from '../factories/board.factory';
import { createForum, type TestForum } from '../factories/forum.factory';
import { createUser, registerUser, type TestUser } from '../factories/user.factory';
import { startApp, type TestApp } from '../helpers/start-app';

describe('Boards over REST', () => {
  let api: TestApp;
  let admin: TestUser;
  let forum: TestForum;
  let board: TestBoard;
  let ann: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    api = await startApp();
    admin = await createUser(api, { roles: ['admin'] });
    await ensureAcknowledged(api, admin);
    forum = await createForum(api, admin, { phoneRegion: 'GB' });
    board = await createBoard(api, admin, forum.slug);
    ann = await acknowledgedMember(api);
    bob = await acknowledgedMember(api);
  });
  afterAll(async () => {
    await api.close();
  });

  it('lets an admin create a board in a forum, and only an admin', async () => {
    const refused = await api.http
      .post('/api/boards')
      .set(ann.auth)
      .send({ slug: 'not-mine', name: 'Not mine', forumSlug: forum.slug });
    expect(refused.status).toBe(403);
    const duplicate = await api.http
      .post('/api/boards')
      .set(admin.auth)
      .send({ slug: board.slug, name: 'Again', forumSlug: forum.slug });
    expect(duplicate.status).toBe(409);
    const list = await api.http.get('/api/boards').expect(200);
    expect(list.body.map((b: TestBoard) => b.slug)).toContain(board.slug);
    const one = await api.http.get(`/api/boards/${board.slug}`).expect(200);
    expect(one.body).toMatchObject({
      slug: board.slug,
      forumSlug: forum.slug,
      piiPolicy: null,
      slowModeSeconds: 0,
    });
  });

  it('numbers messages in order and renders Markdown to sanitized HTML', async () => {
    const first = await postMessage(api, ann, board.slug, 'Does **2.4** fix sync? <script>alert(1)</script>');
    const second = await postMessage(api, bob, board.slug, 'It does for me');
    expect(second.seq).toBe(first.seq + 1);
    expect(first.html).toContain('<strong>2.4</strong>');
    expect(first.html).not.toContain('<script');
    const page = await api.http.get(`/api/boards/${board.slug}/messages`).expect(200);
    const seqs = page.body.messages.map((m: { seq: number }) => m.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(page.body.lastSeq).toBe(second.seq);
    expect(page.body.messages[0]).not.toHaveProperty('_id');
  });

  it('gives every message of a burst its own number, none lost', async () => {
    const burst = await createBoard(api, admin, forum.slug);
    const sent = await Promise.all(
      Array.from({ length: 20 }, (_, i) => postMessage(api, i % 2 ? ann : bob, burst.slug, `burst ${i}`)),
    );
    const seqs = sent.map((m) => m.seq);
    expect(new Set(seqs).size).toBe(20);
    const page = await api.http.get(`/api/boards/${burst.slug}/messages?limit=100`).expect(200);
    expect(page.body.messages).toHaveLength(20);
  });

  it('pages through history with before and after cursors, never skipping one', async () => {
    const own = await createBoard(api, admin, forum.slug);
    for (let i = 1; i <= 7; i += 1) await postMessage(api, ann, own.slug, `message ${i}`);
    const newest = await api.http.get(`/api/boards/${own.slug}/messages?limit=3`).expect(200);
    expect(newest.body.messages.map((m: { seq: number }) => m.seq)).toEqual([5, 6, 7]);
    const older = await api.http
      .get(`/api/boards/${own.slug}/messages?limit=3&before=${newest.body.olderBefore}`)
      .expect(200);
    expect(older.body.messages.map((m: { seq: number }) => m.seq)).toEqual([2, 3, 4]);
    const newer = await api.http.get(`/api/boards/${own.slug}/messages?limit=4&after=2`).expect(200);
    expect(newer.body.messages.map((m: { seq: number }) => m.seq)).toEqual([3, 4, 5, 6]);
    expect(newer.body.newerAfter).toBe(6);
    const bad = await api.http.get(`/api/boards/${own.slug}/messages?before=3&after=1`);
    expect(bad.status).toBe(400);
  });

  it('answers 422 with findings and a digest for a phone number, and publishes once acknowledged', async () => {
    const body = 'Text me on 020 7946 0958 for the beta';
    const refused = await api.http.post(`/api/boards/${board.slug}/messages`).set(ann.auth).send({ body });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'personal_data_detected', details: { policy: 'warn' } });
    expect(refused.body.details.findings).toEqual([
      expect.objectContaining({ type: 'phone', start: 11, end: 24 }),
    ]);
    const accepted = await api.http
      .post(`/api/boards/${board.slug}/messages`)
      .set(ann.auth)
      .send({ body, acknowledgePersonalData: refused.body.details.findingsDigest });
    expect(accepted.status).toBe(201);
    expect(accepted.body.message.html).toContain('020 7946 0958');
  });

  it('asks a first-time poster to acknowledge the public-area notice (428)', async () => {
    const newcomer = await registerUser(api);
    const res = await api.http
      .post(`/api/boards/${board.slug}/messages`)
      .set(newcomer.auth)
      .send({ body: 'hi' });
    expect(res.status).toBe(428);
    expect(res.body.code).toBe('notice_not_acknowledged');
  });

  it("uses the board's own policy over the forum's: mask replaces the number", async () => {
    const masked = await createBoard(api, admin, forum.slug, { piiPolicy: 'mask' });
    const body = 'Call 020 7946 0958 now';
    const first = await api.http.post(`/api/boards/${masked.slug}/messages`).set(ann.auth).send({ body });
    const res = await api.http
      .post(`/api/boards/${masked.slug}/messages`)
      .set(ann.auth)
      .send({ body, acknowledgePersonalData: first.body.details.findingsDigest })
      .expect(201);
    expect(res.body.message.html).not.toContain('7946');
    expect(res.body.masked).toEqual([expect.objectContaining({ type: 'phone' })]);
  });

  it('holds a message for moderators under the review policy, hidden from other readers', async () => {
    const review = await createBoard(api, admin, forum.slug, { piiPolicy: 'review' });
    const body = 'Mail me: ann.private@example.com';
    const first = await api.http.post(`/api/boards/${review.slug}/messages`).set(ann.auth).send({ body });
    const held = await api.http
      .post(`/api/boards/${review.slug}/messages`)
      .set(ann.auth)
      .send({ body, acknowledgePersonalData: first.body.details.findingsDigest })
      .expect(201);
    expect(held.body.message).toMatchObject({ status: 'held', pending: 'waiting for a moderator' });
    const asBob = await api.http.get(`/api/boards/${review.slug}/messages`).set(bob.auth).expect(200);
    expect(asBob.body.messages).toEqual([]);
    const asAnn = await api.http.get(`/api/boards/${review.slug}/messages`).set(ann.auth).expect(200);
    expect(asAnn.body.messages).toHaveLength(1);
    const asAdmin = await api.http.get(`/api/boards/${review.slug}/messages`).set(admin.auth).expect(200);
    expect(asAdmin.body.messages[0].source).toBe(body);
  });

  it('refuses a second message inside the slow-mode interval with 429 and the time to wait', async () => {
    const slow = await createBoard(api, admin, forum.slug, { slowModeSeconds: 30 });
    await postMessage(api, ann, slow.slug, 'first');
    const res = await api.http
      .post(`/api/boards/${slow.slug}/messages`)
      .set(ann.auth)
      .send({ body: 'second' });
    expect(res.status).toBe(429);
    expect(res.body).toMatchObject({ code: 'rate_limited', details: { slowModeSeconds: 30 } });
    expect(res.body.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(res.body.details.retryAfterSeconds).toBeLessThanOrEqual(30);
    expect(res.headers['retry-after']).toBe(String(res.body.details.retryAfterSeconds));
    // Slow mode is per member, and moderators are exempt.
    await postMessage(api, bob, slow.slug, 'bob may post');
    await postMessage(api, admin, slow.slug, 'admin one');
    await postMessage(api, admin, slow.slug, 'admin two');
  });

  it('stores one message for a retried send with the same clientId', async () => {
    const clientId = randomUUID();
    const send = () =>
      api.http.post(`/api/boards/${board.slug}/messages`).set(bob.auth).send({ body: 'only once', clientId });
    const [a, b] = await Promise.all([send(), send()]);
    expect(a.body.message.id).toBe(b.body.message.id);
  });

  it('keeps the earlier text as a revision when the author edits, and lets only the author edit', async () => {
    const message = await postMessage(api, ann, board.slug, 'Version one');
    const other = await api.http
      .patch(`/api/boards/${board.slug}/messages/${message.id}`)
      .set(bob.auth)
      .send({ body: 'hijack' });
    expect(other.status).toBe(403);
    const edited = await api.http
      .patch(`/api/boards/${board.slug}/messages/${message.id}`)
      .set(ann.auth)
      .send({ body: 'Version two' })
      .expect(200);
    expect(edited.body.message).toMatchObject({ revisionCount: 1, source: 'Version two' });
    expect(edited.body.message.editedAt).not.toBeNull();
  });

  it('threads replies under a message and refuses a reply to a message that does not exist', async () => {
    const parent = await postMessage(api, ann, board.slug, 'Who is at the launch?');
    const reply = await api.http
      .post(`/api/boards/${board.slug}/messages`)
      .set(bob.auth)
      .send({ body: 'Me!', replyTo: parent.seq })
      .expect(201);
    expect(reply.body.message.replyTo).toBe(parent.seq);
    const missing = await api.http
      .post(`/api/boards/${board.slug}/messages`)
      .set(bob.auth)
      .send({ body: 'To nothing', replyTo: 999_999 });
    expect(missing.status).toBe(400);
  });

  it('counts one like per member and takes it back', async () => {
    const message = await postMessage(api, ann, board.slug, 'Like me');
    const url = `/api/boards/${board.slug}/messages/${message.id}/like`;
    await api.http.put(url).set(bob.auth).expect(200);
    const again = await api.http.put(url).set(bob.auth).expect(200);
    expect(again.body).toMatchObject({ likeCount: 1, likedByMe: true });
    const undone = await api.http.delete(url).set(bob.auth).expect(200);
    expect(undone.body).toMatchObject({ likeCount: 0, likedByMe: false });
    expect((await api.http.put(url).set(ann.auth)).status).toBe(400);
  });

  it('lets an author delete their message and a moderator remove anyone’s (through the moderation route), leaving placeholders', async () => {
    const mine = await postMessage(api, ann, board.slug, 'Oops');
    const theirs = await postMessage(api, bob, board.slug, 'Spam spam');
    expect(
      (await api.http.delete(`/api/boards/${board.slug}/messages/${theirs.id}`).set(ann.auth)).status,
    ).toBe(403);
    const deleted = await api.http
      .delete(`/api/boards/${board.slug}/messages/${mine.id}`)
      .set(ann.auth)
      .expect(200);
    expect(deleted.body).toMatchObject({ status: 'deleted' });
    // The author's route does no moderator work: it points to the moderation route, which records the action.
    const refused = await api.http.delete(`/api/boards/${board.slug}/messages/${theirs.id}`).set(admin.auth);
    expect([refused.status, refused.body.message]).toEqual([
      403,
      expect.stringContaining('/api/moderation/messages/:id/delete'),
    ]);
    await api.http.post(`/api/moderation/messages/${theirs.id}/delete`).set(admin.auth).send({}).expect(200);
    const page = await api.http.get(`/api/boards/${board.slug}/messages?after=${mine.seq - 1}`).expect(200);
    const html = page.body.messages.map((m: { html: string }) => m.html).join(' ');
    expect(html).not.toContain('Spam spam');
    expect(html).toContain('removed by a moderator');
  });

  it('hides boards of a members-only forum from anonymous readers', async () => {
    const members = await createForum(api, admin, { visibility: 'members' });
    const hidden = await createBoard(api, admin, members.slug);
    expect((await api.http.get(`/api/boards/${hidden.slug}/messages`)).status).toBe(401);
    const anonymousList = await api.http.get('/api/boards').expect(200);
    expect(anonymousList.body.map((b: TestBoard) => b.slug)).not.toContain(hidden.slug);
    await api.http.get(`/api/boards/${hidden.slug}/messages`).set(ann.auth).expect(200);
  });

  it('lets a forum moderator turn slow mode on for a busy board', async () => {
    const moderator = await createUser(api, { moderatedForumIds: [forum.id] });
    const res = await api.http
      .patch(`/api/boards/${board.slug}`)
      .set(moderator.auth)
      .send({ slowModeSeconds: 5 })
      .expect(200);
    expect(res.body.slowModeSeconds).toBe(5);
    expect(
      (await api.http.patch(`/api/boards/${board.slug}`).set(ann.auth).send({ slowModeSeconds: 0 })).status,
    ).toBe(403);
    await api.http
      .patch(`/api/boards/${board.slug}`)
      .set(moderator.auth)
      .send({ slowModeSeconds: 0 })
      .expect(200);
  });

  it('shows a deleted account’s messages as "deleted user" and exports a member’s messages', async () => {
    const leaver = await acknowledgedMember(api);
    await postMessage(api, leaver, board.slug, 'Leaving soon');
    const exported = await api.http.get('/api/me/export').set(leaver.auth).expect(200);
    expect(JSON.stringify(exported.body.boardMessages)).toContain('Leaving soon');
    const res = await api.http
      .delete('/api/me')
      .set(leaver.auth)
      .send({ password: leaver.password, deletePosts: false });
    expect(res.status).toBeLessThan(300);
    const page = await api.http.get(`/api/boards/${board.slug}/messages?limit=100`).expect(200);
    const theirs = page.body.messages.filter((m: { html: string }) => m.html.includes('Leaving soon'));
    expect(theirs).toEqual([expect.objectContaining({ authorId: null, authorName: 'deleted user' })]);
  });
});
