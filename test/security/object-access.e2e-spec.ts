import { createTopic, reply } from '../factories/topic.factory';
import { createUser, type TestUser } from '../factories/user.factory';
import { ensureAcknowledged, postMessage } from '../factories/board.factory';
import { editAcknowledging, replyAcknowledging } from '../e2e/moderation.helpers';
import { startApp, type TestApp } from '../helpers/start-app';
import { AuthorizationWorld } from './authorization-world';

/**
 * Object-level rules the route matrix cannot see: whose post, message, notification or account a request
 * names. Each refusal is checked with the object afterwards, so "refused but changed anyway" fails too.
 */
describe('Object-level access', () => {
  let api: TestApp;
  let w: AuthorizationWorld;
  let member: TestUser;

  const postsOf = async (topicId: string, user?: TestUser) => {
    const req = api.http.get(`/api/topics/${topicId}/posts?limit=100`);
    const res = await (user ? req.set(user.auth) : req).expect(200);
    return res.body.items as Array<{ id: string; html: string; status: string }>;
  };
  const postOf = async (topicId: string, postId: string) =>
    (await postsOf(topicId, w.users.admin)).find((post) => post.id === postId);

  beforeAll(async () => {
    api = await startApp();
    w = await AuthorizationWorld.build(api, { scopes: true });
    member = w.users.member;
  });
  afterAll(async () => {
    await api.close();
  });

  describe("another member's posts", () => {
    it('cannot be edited or deleted by a member, and stay as they were', async () => {
      const { topic, post } = w.scope('public');
      const before = await postOf(topic.id, post.id);
      const edit = await api.http.patch(`/api/posts/${post.id}`).set(member.auth).send({ body: 'Mine now' });
      expect([edit.status, edit.body.code]).toEqual([403, 'forbidden']);
      const removal = await api.http.delete(`/api/posts/${post.id}`).set(member.auth);
      expect([removal.status, removal.body.code]).toEqual([403, 'forbidden']);
      expect(await postOf(topic.id, post.id)).toEqual(before);
    });

    it('keep their edit history from other members and from moderators of another forum', async () => {
      const topicId = w.scope('public').topic.id;
      const post = await reply(api, w.author, topicId, 'First wording');
      await editAcknowledging(api, w.author, post.id, 'Second wording');
      for (const user of [member, w.users.otherModerator]) {
        const res = await api.http.get(`/api/posts/${post.id}/revisions`).set(user.auth);
        expect([res.status, res.body.code]).toEqual([403, 'forbidden']);
      }
      const own = await api.http.get(`/api/posts/${post.id}/revisions`).set(w.author.auth).expect(200);
      expect(own.body.items).toHaveLength(1);
      await api.http.get(`/api/posts/${post.id}/revisions`).set(w.users.moderator.auth).expect(200);
    });

    it('held for review, exist only for their author and the forum’s moderators', async () => {
      const topicId = w.scope('public').topic.id;
      const held = await replyAcknowledging(api, w.author, topicId, 'Write to hidden.person@example.com');
      expect(held.status).toBe('held');
      const seenBy = async (user?: TestUser) => (await postsOf(topicId, user)).some((p) => p.id === held.id);
      expect(await seenBy(w.author)).toBe(true);
      expect(await seenBy(w.users.moderator)).toBe(true);
      expect(await seenBy(undefined)).toBe(false);
      expect(await seenBy(member)).toBe(false);
      expect(await seenBy(w.users.otherModerator)).toBe(false);
      // Every route that names the post answers as if it did not exist.
      const attempts = {
        edit: await api.http.patch(`/api/posts/${held.id}`).set(member.auth).send({ body: 'x' }),
        delete: await api.http.delete(`/api/posts/${held.id}`).set(member.auth),
        revisions: await api.http.get(`/api/posts/${held.id}/revisions`).set(member.auth),
        like: await api.http.post(`/api/posts/${held.id}/like`).set(member.auth),
        report: await api.http
          .post('/api/reports')
          .set(member.auth)
          .send({ targetType: 'post', targetId: held.id, reason: 'spam' }),
      };
      const statuses = Object.fromEntries(Object.entries(attempts).map(([name, res]) => [name, res.status]));
      expect(statuses).toEqual({ edit: 404, delete: 404, revisions: 404, like: 404, report: 404 });
      expect((await postOf(topicId, held.id))?.status).toBe('held');
    });

    it('opening a topic held for review, keep the whole topic from other members', async () => {
      const forum = w.scope('public').forum;
      const first = await api.http
        .post(`/api/forums/${forum.slug}/topics`)
        .set(w.author.auth)
        .send({ title: 'Reach me', body: 'Mail held.topic@example.com' });
      const held = await api.http
        .post(`/api/forums/${forum.slug}/topics`)
        .set(w.author.auth)
        .send({
          title: 'Reach me',
          body: 'Mail held.topic@example.com',
          acknowledgePersonalData: first.body.details.findingsDigest,
        })
        .expect(201);
      const topicId = held.body.topic.id as string;
      await api.http.get(`/api/topics/${topicId}`).set(w.author.auth).expect(200);
      await api.http.get(`/api/topics/${topicId}`).set(w.users.moderator.auth).expect(200);
      await api.http.get(`/api/topics/${topicId}`).set(member.auth).expect(404);
      await api.http.get(`/api/topics/${topicId}/posts`).set(member.auth).expect(404);
      await api.http.post(`/api/topics/${topicId}/posts`).set(member.auth).send({ body: 'Hi' }).expect(404);
    });
  });

  describe("another member's board messages", () => {
    it('cannot be edited or deleted by a member', async () => {
      const { board, message } = w.scope('public');
      const path = `/api/boards/${board.slug}/messages/${message.id}`;
      const edit = await api.http.patch(path).set(member.auth).send({ body: 'Mine now' });
      expect([edit.status, edit.body.code]).toEqual([403, 'forbidden']);
      const removal = await api.http.delete(path).set(member.auth);
      expect([removal.status, removal.body.code]).toEqual([403, 'forbidden']);
      const page = await api.http.get(`/api/boards/${board.slug}/messages`).expect(200);
      const stored = (page.body.messages as Array<{ id: string; status: string }>).find(
        (m) => m.id === message.id,
      );
      expect(stored?.status).toBe('visible');
    });

    it('held for review, exist only for their author and the forum’s moderators', async () => {
      const { board, heldMessage } = w.scope('public');
      const path = `/api/boards/${board.slug}/messages/${heldMessage.id}`;
      const ids = async (user: TestUser) =>
        (
          (await api.http.get(`/api/boards/${board.slug}/messages`).set(user.auth).expect(200)).body
            .messages as Array<{
            id: string;
          }>
        ).map((m) => m.id);
      expect(await ids(w.author)).toContain(heldMessage.id);
      expect(await ids(w.users.moderator)).toContain(heldMessage.id);
      expect(await ids(member)).not.toContain(heldMessage.id);
      const statuses = {
        edit: (await api.http.patch(path).set(member.auth).send({ body: 'x' })).status,
        delete: (await api.http.delete(path).set(member.auth)).status,
        like: (await api.http.put(`${path}/like`).set(member.auth)).status,
      };
      expect(statuses).toEqual({ edit: 404, delete: 404, like: 404 });
    });
  });

  describe("another user's account", () => {
    it('is not readable through the admin routes, the export or the inbox', async () => {
      await api.http.get(`/api/admin/users/${w.author.id}`).set(member.auth).expect(403);
      const exported = await api.http.get('/api/me/export').set(member.auth).expect(200);
      const text = JSON.stringify(exported.body);
      expect(text).toContain(member.username);
      expect(text).not.toContain(w.author.username);
      expect(text).not.toContain(w.author.email);
    });

    it('cannot have its notifications marked read by someone else', async () => {
      const reader = await createUser(api);
      await ensureAcknowledged(api, reader);
      await reply(api, w.author, w.scope('public').topic.id, `Ping @${reader.username}`);
      let inbox: Array<{ id: string; readAt: string | null }> = [];
      for (let i = 0; i < 100 && inbox.length === 0; i += 1) {
        inbox = (await api.http.get('/api/notifications').set(reader.auth).expect(200)).body.items;
        if (inbox.length === 0) await new Promise((resolve) => setTimeout(resolve, 25));
      }
      const [notification] = inbox;
      expect(notification.readAt).toBeNull();
      const res = await api.http.post(`/api/notifications/${notification.id}/read`).set(member.auth);
      expect([res.status, res.body.code]).toEqual([404, 'not_found']);
      const theirs = (await api.http.get('/api/notifications').set(member.auth).expect(200)).body
        .items as Array<{
        id: string;
      }>;
      expect(theirs.map((n) => n.id)).not.toContain(notification.id);
      const after = (await api.http.get('/api/notifications').set(reader.auth).expect(200)).body.items;
      expect(after[0]).toMatchObject({ id: notification.id, readAt: null });
    });
  });

  describe('a moderator of another forum', () => {
    it('cannot act on a post, a topic, a board or the queue of this forum', async () => {
      const mod = w.users.otherModerator;
      const { forum, topic, actionTopic, post, board } = w.scope('public');
      const statuses = {
        hide: (await api.http.post(`/api/moderation/posts/${post.id}/hide`).set(mod.auth).send({})).status,
        remove: (await api.http.post(`/api/moderation/posts/${post.id}/delete`).set(mod.auth).send({}))
          .status,
        lock: (await api.http.post(`/api/moderation/topics/${actionTopic.id}/lock`).set(mod.auth).send({}))
          .status,
        pin: (await api.http.post(`/api/moderation/topics/${actionTopic.id}/pin`).set(mod.auth).send({}))
          .status,
        board: (await api.http.patch(`/api/boards/${board.slug}`).set(mod.auth).send({ slowModeSeconds: 60 }))
          .status,
        queue: (await api.http.get(`/api/moderation/queue?forum=${forum.id}`).set(mod.auth)).status,
        audit: (await api.http.get(`/api/moderation/audit?forum=${forum.id}`).set(mod.auth)).status,
      };
      expect(statuses).toEqual({
        hide: 403,
        remove: 403,
        lock: 403,
        pin: 403,
        board: 403,
        queue: 403,
        audit: 403,
      });
      expect((await postOf(topic.id, post.id))?.status).toBe('visible');
      const boardNow = await api.http.get(`/api/boards/${board.slug}`).expect(200);
      expect(boardNow.body.slowModeSeconds).toBe(0);
    });

    it('cannot move a topic of their own forum into this one', async () => {
      const mod = w.users.otherModerator;
      const author = w.author;
      const own = await createTopic(api, author, w.forums.other.slug);
      const res = await api.http
        .post(`/api/moderation/topics/${own.id}/move`)
        .set(mod.auth)
        .send({ forumId: w.forums.public.id });
      expect([res.status, res.body.code]).toEqual([403, 'forbidden']);
      const topic = await api.http.get(`/api/topics/${own.id}`).expect(200);
      expect(topic.body.forum.id).toBe(w.forums.other.id);
    });
  });

  describe("an administrator's content", () => {
    it('is out of a forum moderator’s reach on every route, not only the moderation routes', async () => {
      const { topic, board } = w.scope('public');
      const admin = w.users.admin;
      const mod = w.users.moderator;
      const post = await reply(api, admin, topic.id, 'Announcement from the admins');
      const message = await postMessage(api, admin, board.slug, 'Announcement from the admins');
      const adminTopic = await createTopic(api, admin, w.forums.public.slug);
      const statuses = {
        moderationDelete: (
          await api.http.post(`/api/moderation/posts/${post.id}/delete`).set(mod.auth).send({})
        ).status,
        postDelete: (await api.http.delete(`/api/posts/${post.id}`).set(mod.auth)).status,
        messageDelete: (
          await api.http.delete(`/api/boards/${board.slug}/messages/${message.id}`).set(mod.auth)
        ).status,
        topicLock: (
          await api.http.post(`/api/moderation/topics/${adminTopic.id}/lock`).set(mod.auth).send({})
        ).status,
        topicPin: (await api.http.post(`/api/moderation/topics/${adminTopic.id}/pin`).set(mod.auth).send({}))
          .status,
      };
      expect(statuses).toEqual({
        moderationDelete: 403,
        postDelete: 403,
        messageDelete: 403,
        topicLock: 403,
        topicPin: 403,
      });
      expect((await postOf(topic.id, post.id))?.status).toBe('visible');
      const lockedNow = await api.http.get(`/api/topics/${adminTopic.id}`).expect(200);
      expect(lockedNow.body.topic.locked).toBe(false);
      // A global moderator is held to the same rule; an admin is not.
      await api.http
        .post(`/api/moderation/posts/${post.id}/delete`)
        .set(w.users.globalModerator.auth)
        .send({})
        .expect(403);
      await api.http
        .post(`/api/moderation/topics/${adminTopic.id}/lock`)
        .set(w.users.admin.auth)
        .send({})
        .expect(200);
    });
  });

  describe('an item a moderator reported', () => {
    it('is left to another moderator', async () => {
      const mod = w.users.moderator;
      const post = await w.freshPost('public', 'visible');
      await api.http
        .post('/api/reports')
        .set(mod.auth)
        .send({ targetType: 'post', targetId: post.id, reason: 'spam' })
        .expect(201);
      const res = await api.http.post(`/api/moderation/posts/${post.id}/hide`).set(mod.auth).send({});
      expect([res.status, res.body.code]).toEqual([403, 'forbidden']);
      await api.http
        .post(`/api/moderation/posts/${post.id}/hide`)
        .set(w.users.globalModerator.auth)
        .send({})
        .expect(200);
    });
  });
});
