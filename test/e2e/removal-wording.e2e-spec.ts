import { ClientCommand, ServerEvent } from '../../src/realtime/socket-protocol';
import { acknowledgedMember, createBoard, ensureAcknowledged, postMessage } from '../factories/board.factory';
import { createForum, type TestForum } from '../factories/forum.factory';
import { createTopic, reply } from '../factories/topic.factory';
import { createUser, type TestUser } from '../factories/user.factory';
import { connectSocket, type TestSocket } from '../helpers/socket-client';
import { startApp, type TestApp } from '../helpers/start-app';

/** Viewers learn who took content away, live and after a reload: its author, or a moderator. */
describe('An author’s own deletion reads as such', () => {
  let api: TestApp;
  let forum: TestForum;
  let mod: TestUser;
  let ann: TestUser;
  let viewer: TestSocket;

  beforeAll(async () => {
    api = await startApp();
    const admin = await createUser(api, { roles: ['admin'] });
    await ensureAcknowledged(api, admin);
    forum = await createForum(api, admin);
    mod = await ensureAcknowledged(api, await createUser(api, { moderatedForumIds: [forum.id] }));
    ann = await acknowledgedMember(api);
    viewer = await connectSocket(api.url);
  });
  afterAll(async () => {
    viewer?.close();
    await api.close();
  });

  it('says the author deleted a post, and a moderator removed another, live and after a reload', async () => {
    const topic = await createTopic(api, ann, forum.slug);
    const own = await reply(api, ann, topic.id, 'I take this back');
    const modded = await reply(api, ann, topic.id, 'Off topic');
    expect((await viewer.send(ClientCommand.Join, { room: `topic:${topic.id}` })).ok).toBe(true);
    await api.http.delete(`/api/posts/${own.id}`).set(ann.auth).expect(200);
    await api.http.post(`/api/moderation/posts/${modded.id}/delete`).set(mod.auth).send({}).expect(200);
    const live = await viewer.waitFor(ServerEvent.PostRemoved, 2);
    expect(live.map((e) => [e.data.postId, e.data.status])).toEqual([
      [own.id, 'deleted'],
      [modded.id, 'removed'],
    ]);
    const page = await api.http.get(`/api/topics/${topic.id}/posts`).expect(200);
    const html = (id: string) =>
      (page.body.items as Array<{ id: string; html: string }>).find((p) => p.id === id)?.html;
    expect(html(own.id)).toContain('deleted by its author');
    expect(html(modded.id)).toContain('removed by a moderator');
  });

  it('says the author deleted a board message, live', async () => {
    const admin = await ensureAcknowledged(api, await createUser(api, { roles: ['admin'] }));
    const board = await createBoard(api, admin, forum.slug);
    const message = await postMessage(api, ann, board.slug, 'never mind');
    expect((await viewer.send(ClientCommand.Join, { room: `board:${board.slug}` })).ok).toBe(true);
    await api.http.delete(`/api/boards/${board.slug}/messages/${message.id}`).set(ann.auth).expect(200);
    const [live] = await viewer.waitFor(ServerEvent.MessageRemoved);
    expect(live.data).toMatchObject({ messageId: message.id, status: 'deleted' });
  });
});
