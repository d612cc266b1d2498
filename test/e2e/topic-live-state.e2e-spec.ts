import { ClientCommand, ServerEvent, type JoinReply } from '../../src/realtime/socket-protocol';
import { createForum, type TestForum } from '../factories/forum.factory';
import { createTopic, registerAuthor, reply } from '../factories/topic.factory';
import { createUser, type TestUser } from '../factories/user.factory';
import { connectSocket, type TestSocket } from '../helpers/socket-client';
import { startApp, type TestApp } from '../helpers/start-app';

describe('Likes and solved answers, live for everyone viewing', () => {
  let api: TestApp;
  let forum: TestForum;
  let moderator: TestUser;
  const sockets: TestSocket[] = [];

  const viewerOf = async (topicId: string, user?: TestUser) => {
    const socket = await connectSocket(api.url, { token: user?.token });
    sockets.push(socket);
    const joined = await socket.send<JoinReply>(ClientCommand.Join, { room: `topic:${topicId}` });
    if (!joined.ok) throw new Error(`join: ${JSON.stringify(joined.error)}`);
    return socket;
  };

  beforeAll(async () => {
    api = await startApp();
    const admin = await createUser(api, { roles: ['admin'] });
    forum = await createForum(api, admin);
    moderator = await createUser(api, { moderatedForumIds: [forum.id] });
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await api.close();
  });

  it('a like and an unlike reach the topic’s viewers with the new count, never who liked; a repeat says nothing', async () => {
    const author = await registerAuthor(api);
    const fan = await registerAuthor(api);
    const topic = await createTopic(api, author, forum.slug);
    const viewer = await viewerOf(topic.id);
    await api.http.post(`/api/posts/${topic.firstPostId}/like`).set(fan.auth).expect(201);
    await api.http.post(`/api/posts/${topic.firstPostId}/like`).set(fan.auth).expect(201);
    await api.http.delete(`/api/posts/${topic.firstPostId}/like`).set(fan.auth).expect(200);
    const events = await viewer.waitFor(ServerEvent.PostLiked, 2);
    expect(events.map((e) => e.data)).toEqual([
      expect.objectContaining({ postId: topic.firstPostId, likeCount: 1, topicId: topic.id }),
      expect.objectContaining({ postId: topic.firstPostId, likeCount: 0 }),
    ]);
    expect(JSON.stringify(events)).not.toContain(fan.id);
    await api.settled();
    expect(viewer.named(ServerEvent.PostLiked)).toHaveLength(2);
  });

  it('the topic’s author marks a reply as the answer; viewers of the topic and the list see it; others may not', async () => {
    const author = await registerAuthor(api);
    const helper = await registerAuthor(api);
    const stranger = await registerAuthor(api);
    const topic = await createTopic(api, author, forum.slug, { title: 'Sync stops at 1000 rows' });
    const answer = await reply(api, helper, topic.id, 'Turn off batching in the settings.');
    const viewer = await viewerOf(topic.id);

    const refused = await api.http
      .put(`/api/topics/${topic.id}/solution`)
      .set(stranger.auth)
      .send({ postId: answer.id })
      .expect(403);
    expect(refused.body).toMatchObject({ code: 'forbidden' });
    const first = await api.http
      .put(`/api/topics/${topic.id}/solution`)
      .set(author.auth)
      .send({ postId: topic.firstPostId })
      .expect(400);
    expect(first.body).toMatchObject({ code: 'validation_failed' });

    const marked = await api.http
      .put(`/api/topics/${topic.id}/solution`)
      .set(author.auth)
      .send({ postId: answer.id })
      .expect(200);
    expect(marked.body).toMatchObject({ solvedPostId: answer.id, solvedSeq: answer.seq });
    const [event] = await viewer.waitFor(ServerEvent.TopicUpdated, 1, (data) => !!data.topic);
    expect(event.data.topic).toEqual({ solvedPostId: answer.id, solvedSeq: answer.seq });

    const head = await api.http.get(`/api/topics/${topic.id}`).expect(200);
    expect(head.body.topic).toMatchObject({ solvedPostId: answer.id, solvedSeq: answer.seq });
    const list = await api.http.get(`/api/forums/${forum.slug}/topics`).expect(200);
    expect(list.body.items.find((t: { id: string }) => t.id === topic.id)).toMatchObject({ solvedSeq: 2 });

    // A moderator may take it back.
    await api.http.delete(`/api/topics/${topic.id}/solution`).set(stranger.auth).expect(403);
    const cleared = await api.http.delete(`/api/topics/${topic.id}/solution`).set(moderator.auth).expect(200);
    expect(cleared.body.solvedPostId).toBeUndefined();
    await viewer.waitFor(ServerEvent.TopicUpdated, 2, (data) => !!data.topic);
  });

  it('refuses a post of another topic and an id that is not one', async () => {
    const author = await registerAuthor(api);
    const topic = await createTopic(api, author, forum.slug);
    const other = await createTopic(api, author, forum.slug);
    const elsewhere = await reply(api, author, other.id, 'Somewhere else.');
    const wrong = await api.http
      .put(`/api/topics/${topic.id}/solution`)
      .set(author.auth)
      .send({ postId: elsewhere.id })
      .expect(404);
    expect(wrong.body).toMatchObject({ code: 'not_found' });
    const junk = await api.http
      .put(`/api/topics/${topic.id}/solution`)
      .set(author.auth)
      .send({ postId: 'nope' })
      .expect(400);
    expect(junk.body).toMatchObject({ code: 'validation_failed' });
    const head = await api.http.get(`/api/topics/${topic.id}`).expect(200);
    expect(head.body.topic.solvedPostId).toBeUndefined();
  });
});
