import { ClientCommand, ServerEvent } from '../../src/realtime/socket-protocol';
import { createUser } from '../factories/user.factory';
import { acknowledgeNotice, reply } from '../factories/topic.factory';
import { connectSocket } from '../helpers/socket-client';
import { startApp, type TestApp } from '../helpers/start-app';
import {
  auditOf,
  editAcknowledging,
  moderationWorld,
  queueOf,
  replyAcknowledging,
  type ModerationWorld,
  moderatePost,
  noticesAboutPost,
} from './moderation.helpers';

describe('Moderators acting on posts', () => {
  let api: TestApp;
  let w: ModerationWorld;

  const act = (user: { auth: Record<string, string> }, postId: string, action: string, body: object = {}) =>
    moderatePost(api, user, postId, action, body);
  const noticesAbout = (postId: string) => noticesAboutPost(api, w.author, postId);

  beforeAll(async () => {
    api = await startApp();
    w = await moderationWorld(api);
  });
  afterAll(async () => {
    await api.close();
  });

  it('approving a held post publishes it, a connected viewer receives it, and the author is told', async () => {
    const held = await replyAcknowledging(api, w.author, w.topicB, 'Call me on 020 7946 0958');
    expect(held.status).toBe('held');
    const viewer = await connectSocket(api.url, { token: w.reader.token });
    try {
      expect((await viewer.send(ClientCommand.Join, { room: `topic:${w.topicB}` })).ok).toBe(true);
      const res = await act(w.modB, held.id, 'approve').expect(200);
      expect(res.body).toMatchObject({ id: held.id, status: 'visible' });
      const [live] = await viewer.waitFor(
        ServerEvent.PostCreated,
        1,
        (d) => (d.post as { id: string }).id === held.id,
      );
      expect((live.data.post as { html: string }).html).toContain('020 7946 0958');
    } finally {
      viewer.close();
    }
    const page = await api.http.get(`/api/topics/${w.topicB}/posts`).set(w.reader.auth).expect(200);
    expect(JSON.stringify(page.body)).toContain(held.id);
    expect(await noticesAbout(held.id)).toEqual([
      expect.objectContaining({ type: 'post_approved', action: 'approve' }),
    ]);
    const queue = await queueOf(api, w.modB, { status: 'resolved' });
    expect(queue.items.find((item) => item.targetId === held.id)).toMatchObject({ resolution: 'approve' });
    await act(w.modB, held.id, 'approve').expect(409);
  });

  it('rejecting a held post needs a reason, removes it and tells the author why', async () => {
    const held = await replyAcknowledging(api, w.author, w.topicB, 'Text me on 07700 900123');
    await act(w.modB, held.id, 'reject').expect(400);
    const res = await act(w.modB, held.id, 'reject', { reason: 'Please keep phone numbers private' }).expect(
      200,
    );
    expect(res.body.status).toBe('removed');
    expect(await noticesAbout(held.id)).toEqual([
      expect.objectContaining({ type: 'post_rejected', reason: 'Please keep phone numbers private' }),
    ]);
  });

  it('approving an edit parked for review publishes it; rejecting one keeps the published text', async () => {
    const published = await reply(api, w.author, w.topicB, 'Published without personal data');
    const parked = await editAcknowledging(api, w.author, published.id, 'Now with my number 020 7946 0958');
    expect(parked.status).toBe('visible');
    const item = (await queueOf(api, w.modB)).items.find((entry) => entry.targetId === published.id);
    const content = item?.content as { source: string; pendingEdit: { source: string; spans: unknown[] } };
    expect(content.source).toBe('Published without personal data');
    expect(content.pendingEdit.source).toBe('Now with my number 020 7946 0958');
    expect(content.pendingEdit.spans).toEqual([expect.objectContaining({ type: 'phone' })]);
    const approved = await act(w.modB, published.id, 'approve').expect(200);
    expect(approved.body).toMatchObject({ status: 'visible', source: 'Now with my number 020 7946 0958' });

    const other = await reply(api, w.author, w.topicB, 'Another clean post');
    await editAcknowledging(api, w.author, other.id, 'Mail me at k.l@example.net');
    const rejected = await act(w.modB, other.id, 'reject', { reason: 'No addresses here' }).expect(200);
    expect(rejected.body).toMatchObject({
      status: 'visible',
      source: 'Another clean post',
      pendingEdit: null,
    });
    expect(await noticesAbout(other.id)).toEqual([expect.objectContaining({ type: 'post_rejected' })]);
  });

  it('writes exactly one audit entry and one author notification for each action on a post', async () => {
    const post = await reply(api, w.author, w.topicA, 'A post that moderators will work on');
    const steps: Array<[string, object, string]> = [
      ['hide', { reason: 'Heated' }, 'post.hidden'],
      ['unhide', {}, 'post.unhidden'],
      ['edit', { source: 'A calmer version of the post', reason: 'Tone' }, 'post.edited'],
      ['delete', { reason: 'Off topic after all' }, 'post.deleted'],
    ];
    for (const [index, [action, body, recorded]] of steps.entries()) {
      await act(w.modA, post.id, action, body).expect(200);
      const entries = await auditOf(api, w.admin, post.id);
      expect(entries).toHaveLength(index + 1);
      expect(entries[0]).toMatchObject({
        action: recorded,
        actorId: w.modA.id,
        subjectUserIds: [w.author.id],
      });
      expect(await noticesAbout(post.id)).toHaveLength(index + 1);
    }
    const notices = await noticesAbout(post.id);
    expect(notices.map((n) => n.action)).toEqual(['delete', 'edit', 'unhide', 'hide']);
    expect(notices.find((n) => n.action === 'hide')).toMatchObject({ reason: 'Heated' });
    const revisions = await api.http.get(`/api/posts/${post.id}/revisions`).set(w.modA.auth).expect(200);
    expect(revisions.body.items).toEqual([
      expect.objectContaining({
        editorId: w.modA.id,
        reason: 'Tone',
        previousSource: 'A post that moderators will work on',
      }),
    ]);
  });

  it('shows readers a placeholder for a hidden post', async () => {
    const post = await reply(api, w.author, w.topicA, 'Soon hidden text');
    await act(w.modA, post.id, 'hide').expect(200);
    const page = await api.http.get(`/api/topics/${w.topicA}/posts`).set(w.reader.auth).expect(200);
    expect(JSON.stringify(page.body)).not.toContain('Soon hidden text');
  });

  it('dismissing reports closes the queue entry without touching the post or telling the author', async () => {
    const post = await reply(api, w.author, w.topicA, 'Perfectly fine post');
    await api.http
      .post('/api/reports')
      .set(w.reader.auth)
      .send({ targetType: 'post', targetId: post.id, reason: 'other' })
      .expect(201);
    await act(w.modA, post.id, 'dismiss-reports', { reason: 'Nothing wrong' }).expect(200);
    expect((await queueOf(api, w.modA)).items.find((item) => item.targetId === post.id)).toBeUndefined();
    expect(await auditOf(api, w.admin, post.id)).toEqual([
      expect.objectContaining({ action: 'post.reports_dismissed' }),
    ]);
    expect(await noticesAbout(post.id)).toEqual([]);
    const page = await api.http.get(`/api/topics/${w.topicA}/posts`).expect(200);
    expect(JSON.stringify(page.body)).toContain('Perfectly fine post');
  });

  it('answers 403 to a moderator of forum A acting on a post in forum B, and to a member', async () => {
    const held = await replyAcknowledging(api, w.author, w.topicB, 'Mail g.h@example.net');
    const res = await act(w.modA, held.id, 'approve').expect(403);
    expect(res.body.code).toBe('forbidden');
    await act(w.reader, held.id, 'approve').expect(403);
    expect(await auditOf(api, w.admin, held.id)).toEqual([]);
  });

  it('lets no moderator act on an administrator’s post, but lets an administrator', async () => {
    const otherAdmin = await createUser(api, { roles: ['admin'] });
    await acknowledgeNotice(api, otherAdmin);
    const post = await reply(api, otherAdmin, w.topicA, 'An administrator writes');
    const globalMod = await createUser(api, { roles: ['moderator'] });
    await act(w.modA, post.id, 'hide').expect(403);
    await act(globalMod, post.id, 'hide').expect(403);
    await act(w.admin, post.id, 'hide').expect(200);
  });

  it('lets nobody decide on an item they reported themselves', async () => {
    const post = await reply(api, w.author, w.topicA, 'Reported by a moderator');
    await api.http
      .post('/api/reports')
      .set(w.modA.auth)
      .send({ targetType: 'post', targetId: post.id, reason: 'spam' })
      .expect(201);
    const res = await act(w.modA, post.id, 'hide').expect(403);
    expect(res.body.message).toMatch(/reported this item yourself/);
    await act(w.modA, post.id, 'dismiss-reports').expect(403);
    await act(w.admin, post.id, 'dismiss-reports').expect(200);
  });

  it('answers 404 for a post that does not exist and 400 for an unknown kind of content', async () => {
    await act(w.admin, '0123456789abcdef01234567', 'hide').expect(404);
    await api.http
      .post('/api/moderation/widgets/0123456789abcdef01234567/hide')
      .set(w.admin.auth)
      .expect(400);
  });
});
