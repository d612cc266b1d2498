import { ClientCommand, ServerEvent } from '../../src/realtime/socket-protocol';
import { createBoard, type TestBoard } from '../factories/board.factory';
import { createTopic } from '../factories/topic.factory';
import type { TestUser } from '../factories/user.factory';
import { connectSocket } from '../helpers/socket-client';
import { startApp, type TestApp } from '../helpers/start-app';
import {
  editAcknowledging,
  moderatePost,
  moderationWorld,
  replyAcknowledging,
  sendAcknowledging,
  type ModerationWorld,
} from './moderation.helpers';

// Words that exist once each, so a replay that shows them can be told from one that does not.
const EDITED_OUT = 'first.draft@example.org';
const HIDDEN = 'hiddenword-quokka';
const REDACTED = 'redact.me@example.net';
const DELETED = 'deletedword-wombat';
const OLD_TITLE = 'Oldtitle numbat';
const SECRETS = [EDITED_OUT, HIDDEN, REDACTED, DELETED, OLD_TITLE];

type View = { id: string; html: string; status: string; authorName: string };
type Viewer = { name: string; user?: TestUser };

/**
 * "Replay never shows more than a fresh page load would show the same viewer" (docs/realtime.md): every kind of
 * content event goes through edit, hide, redaction and deletion, and a replay from 0 is compared, for an anonymous
 * reader, a member, the author and a moderator, with what the REST routes show that same viewer.
 */
describe('Socket replay shows what a fresh page load shows', () => {
  let api: TestApp;
  let w: ModerationWorld;
  let viewers: Viewer[];

  beforeAll(async () => {
    api = await startApp();
    w = await moderationWorld(api);
    viewers = [
      { name: 'anonymous' },
      { name: 'member', user: w.reader },
      { name: 'author', user: w.author },
      { name: 'moderator', user: w.modA },
    ];
  });
  afterAll(async () => {
    await api.close();
  });

  /** Joins `room` from 0 as `viewer`; the events replayed before the acknowledgement. */
  async function replayFromZero(room: string, viewer: Viewer) {
    const socket = await connectSocket(api.url, viewer.user ? { token: viewer.user.token } : {});
    try {
      const joined = await socket.send(ClientCommand.Join, { room, lastEventSeq: 0 });
      expect(joined.ok).toBe(true);
      return socket.received.filter(({ data }) => data?.room === room);
    } finally {
      socket.close();
    }
  }

  function expectNoMoreThanRest(
    viewer: Viewer,
    replayed: Array<{ data: Record<string, unknown> }>,
    key: 'post' | 'message',
    rest: View[],
  ) {
    const latest = new Map<string, View>();
    for (const { data } of replayed) {
      const view = data[key] as View | undefined;
      if (view) latest.set(view.id, view);
    }
    expect(latest.size).toBeGreaterThan(0);
    const shown = (view: View | undefined) =>
      view && { id: view.id, html: view.html, status: view.status, authorName: view.authorName };
    for (const [id, view] of latest) {
      expect({ viewer: viewer.name, view: shown(view) }).toEqual({
        viewer: viewer.name,
        view: shown(rest.find((item) => item.id === id)),
      });
    }
    const replayJson = JSON.stringify(replayed);
    const restJson = JSON.stringify(rest);
    const leaked = SECRETS.filter((secret) => replayJson.includes(secret) && !restJson.includes(secret));
    expect({ viewer: viewer.name, leaked }).toEqual({ viewer: viewer.name, leaked: [] });
  }

  it('topic and forum rooms: edited, hidden, redacted and deleted posts and a retitled topic', async () => {
    const topic = await createTopic(api, w.author, w.forumA.slug, {
      title: OLD_TITLE,
      body: 'The first post.',
    });
    const edited = await replyAcknowledging(api, w.author, topic.id, `Mail ${EDITED_OUT} please`);
    await editAcknowledging(api, w.author, edited.id, 'Mail me through the forum please');
    const hidden = await replyAcknowledging(api, w.author, topic.id, `A reply with ${HIDDEN} in it`);
    const redacted = await replyAcknowledging(api, w.author, topic.id, `Write to ${REDACTED} today`);
    const deleted = await replyAcknowledging(api, w.author, topic.id, `A reply with ${DELETED} in it`);
    await api.settled();
    await moderatePost(api, w.modA, hidden.id, 'hide', { reason: 'off topic' }).expect(200);
    await moderatePost(api, w.modA, redacted.id, 'remove-personal-info', {}).expect(200);
    await api.http.delete(`/api/posts/${deleted.id}`).set(w.author.auth).expect(200);
    await api.http
      .patch(`/api/posts/${topic.firstPostId}`)
      .set(w.author.auth)
      .send({ title: 'Newtitle bilby', body: 'The first post.' })
      .expect(200);
    await api.settled();

    for (const viewer of viewers) {
      const auth = viewer.user?.auth ?? {};
      const page = await api.http
        .get(`/api/topics/${topic.id}/posts`)
        .query({ limit: 100 })
        .set(auth)
        .expect(200);
      const replayed = await replayFromZero(`topic:${topic.id}`, viewer);
      expectNoMoreThanRest(viewer, replayed, 'post', page.body.items as View[]);
      const titles = replayed.flatMap(({ data }) => {
        const title = (data.topic as { title?: string } | undefined)?.title;
        return title === undefined ? [] : [title];
      });
      expect({ viewer: viewer.name, titles }).toEqual({ viewer: viewer.name, titles: ['Newtitle bilby'] });

      const forumReplay = await replayFromZero(`forum:${w.forumA.slug}`, viewer);
      const announced = forumReplay.filter(
        ({ event, data }) => event === ServerEvent.TopicCreated && data.topicId === topic.id,
      );
      expect(announced.map(({ data }) => data.title)).toEqual(['Newtitle bilby']);
      expectNoMoreThanRest(
        viewer,
        forumReplay.filter(({ data }) => data.topicId === topic.id),
        'post',
        page.body.items as View[],
      );
    }
  });

  it('board rooms: edited, hidden, redacted and deleted messages', async () => {
    const board: TestBoard = await createBoard(api, w.admin, w.forumA.slug);
    const path = `/api/boards/${board.slug}/messages`;
    const edited = await sendAcknowledging(api, w.author, board.slug, `Mail ${EDITED_OUT} please`);
    await api.http
      .patch(`${path}/${edited.id}`)
      .set(w.author.auth)
      .send({ body: 'Ask here instead' })
      .expect(200);
    const hidden = await sendAcknowledging(api, w.author, board.slug, `A message with ${HIDDEN}`);
    const redacted = await sendAcknowledging(api, w.author, board.slug, `Write to ${REDACTED} today`);
    const deleted = await sendAcknowledging(api, w.author, board.slug, `A message with ${DELETED}`);
    await api.settled();
    const act = (id: string, action: string, body: object = {}) =>
      api.http.post(`/api/moderation/messages/${id}/${action}`).set(w.modA.auth).send(body);
    await act(hidden.id, 'hide', { reason: 'off topic' }).expect(200);
    await act(redacted.id, 'remove-personal-info').expect(200);
    await api.http.delete(`${path}/${deleted.id}`).set(w.author.auth).expect(200);
    await api.settled();

    for (const viewer of viewers) {
      const page = await api.http
        .get(path)
        .query({ limit: 100 })
        .set(viewer.user?.auth ?? {})
        .expect(200);
      const replayed = await replayFromZero(`board:${board.slug}`, viewer);
      expectNoMoreThanRest(viewer, replayed, 'message', page.body.messages as View[]);
    }
  });

  it('the moderators’ room replays a held post only while it still waits', async () => {
    const topic = await createTopic(api, w.author, w.forumB.slug);
    const held = await replyAcknowledging(api, w.author, topic.id, 'Ring 020 7946 0958 after six');
    const waiting = await replyAcknowledging(api, w.author, topic.id, 'Or ring 020 7946 0959 before six');
    expect([held.status, waiting.status]).toEqual(['held', 'held']);
    await api.settled();
    await moderatePost(api, w.modB, held.id, 'reject', { reason: 'phone number' }).expect(200);
    const replayed = await replayFromZero(`mod:${w.forumB.id}`, { name: 'moderator', user: w.modB });
    const heldIds = replayed
      .filter(({ event }) => event === ServerEvent.PostHeld)
      .map(({ data }) => (data.post as View).id);
    expect(heldIds).toContain(waiting.id);
    expect(heldIds).not.toContain(held.id);
  });
});
