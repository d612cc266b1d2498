import { startApp, type TestApp } from '../helpers/start-app';
import {
  auditOf,
  moderationWorld,
  replyAcknowledging,
  type ModerationWorld,
  moderatePost,
  noticesAboutPost,
} from './moderation.helpers';

/** The moderation form says the reason is sent to the author and kept in the audit log: both hold. */
describe('Moderators’ reasons reach the audit entry and the author', () => {
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

  it('keeps the reason for removing personal info in the audit entry and tells it to the author', async () => {
    const post = await replyAcknowledging(api, w.author, w.topicA, 'Mail me at ann@example.com');
    const reason = 'Addresses stay private here';
    await act(w.modA, post.id, 'remove-personal-info', { reason }).expect(200);
    const [entry] = await auditOf(api, w.admin, post.id);
    expect(entry).toMatchObject({ action: 'post.redacted', reason, counts: { email: 1 } });
    expect(await noticesAbout(post.id)).toEqual([
      expect.objectContaining({ type: 'content_moderated', action: 'redact', reason }),
    ]);
  });

  it('keeps the reason for approving a held post in the audit entry and tells it to the author', async () => {
    const held = await replyAcknowledging(api, w.author, w.topicB, 'Call me on 020 7946 0958');
    expect(held.status).toBe('held');
    const reason = 'A shop number, fine to share';
    await act(w.modB, held.id, 'approve', { reason }).expect(200);
    const [entry] = await auditOf(api, w.admin, held.id);
    expect(entry).toMatchObject({ action: 'post.approved', reason });
    expect(await noticesAbout(held.id)).toEqual([
      expect.objectContaining({ type: 'post_approved', action: 'approve', reason }),
    ]);
  });
});
