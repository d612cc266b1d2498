import { ClientCommand, ServerEvent } from '../../src/realtime/socket-protocol';
import {
  acknowledgedMember,
  createBoard,
  ensureAcknowledged,
  postMessage,
  type TestBoard,
} from '../factories/board.factory';
import { createForum } from '../factories/forum.factory';
import { createUser, type TestUser } from '../factories/user.factory';
import type { TestSocket } from '../helpers/socket-client';
import type { TestApp } from '../helpers/start-app';
import { startTwoInstances, type TwoInstances } from '../helpers/two-instances';

/** How long cross-instance delivery may take to come back once Redis answers again (docs/realtime.md). */
const RESUME_WITHIN_MS = 20_000;

const html = (body: string) => `<p>${body}</p>\n`;
const isMessage = (body: string) => (data: Record<string, unknown>) =>
  (data.message as { html: string }).html === html(body);
const htmlOf = (socket: TestSocket) =>
  socket.named(ServerEvent.MessageCreated).map((e) => (e.data.message as { html: string }).html);

/**
 * Redis is killed (SIGKILL) under two instances and started again on the same port, then paused (SIGSTOP,
 * a server that holds connections open and answers nothing) and continued. The steps run in order and
 * share the instances, the sockets and what they received.
 */
describe('Redis goes away under two instances', () => {
  let two: TwoInstances;
  let board: TestBoard;
  let ann: TestUser;
  let bob: TestUser;
  let onA: TestSocket;
  let onB: TestSocket;
  let room: string;
  const failures: unknown[] = [];
  const record = (reason: unknown) => failures.push(reason);

  /** Posts on `from` until a message reaches `viewer` on the other instance; fails after RESUME_WITHIN_MS. */
  const deliveredAcross = async (from: TestApp, author: TestUser, viewer: TestSocket, label: string) => {
    const deadline = Date.now() + RESUME_WITHIN_MS;
    for (let attempt = 1; ; attempt += 1) {
      if (Date.now() > deadline) throw new Error(`no cross-instance delivery within ${RESUME_WITHIN_MS} ms`);
      const body = `${label} ${attempt}`;
      await postMessage(from, author, board.slug, body);
      const arrived = await viewer
        .waitFor(ServerEvent.MessageCreated, 1, isMessage(body), 1000)
        .then(() => true)
        .catch(() => false);
      if (arrived) return;
    }
  };

  beforeAll(async () => {
    process.on('unhandledRejection', record);
    process.on('uncaughtException', record);
    two = await startTwoInstances();
    const admin = await createUser(two.a, { roles: ['admin'] });
    await ensureAcknowledged(two.a, admin);
    board = await createBoard(two.a, admin, (await createForum(two.a, admin)).slug);
    room = `board:${board.slug}`;
    ann = await acknowledgedMember(two.a);
    bob = await acknowledgedMember(two.a);
    onA = await two.connect(two.a, ann);
    onB = await two.connect(two.b, bob);
    await two.join(onA, room);
    await two.join(onB, room);
  });
  afterAll(async () => {
    await two?.close();
    process.off('unhandledRejection', record);
    process.off('uncaughtException', record);
  });

  it('delivers across the instances while Redis is up', async () => {
    await postMessage(two.a, ann, board.slug, 'before the outage');
    await onB.waitFor(ServerEvent.MessageCreated, 1, isMessage('before the outage'));
    expect(htmlOf(onB)).toEqual([html('before the outage')]);
  });

  describe('Redis killed', () => {
    it('keeps serving each instance’s own sockets', async () => {
      await two.redis.kill();
      const sent = await onA.send(ClientCommand.MessageSend, { board: board.slug, body: 'during, on A' });
      expect(sent).toMatchObject({ ok: true });
      await onA.waitFor(ServerEvent.MessageCreated, 1, isMessage('during, on A'));
      await postMessage(two.b, bob, board.slug, 'during, on B');
      await onB.waitFor(ServerEvent.MessageCreated, 1, isMessage('during, on B'));
      expect(htmlOf(onA)).toEqual([html('before the outage'), html('during, on A')]);
      expect(htmlOf(onB)).toEqual([html('before the outage'), html('during, on B')]);
      // The sockets themselves stayed up: same connection, no reconnect.
      expect(onA.socket.connected && onB.socket.connected).toBe(true);
    });

    it('drops a socket whose connection breaks meanwhile without an unhandled failure', async () => {
      const openOnA = async () =>
        Number(/^socketio_open_connections (\d+)$/m.exec((await two.a.http.get('/metrics')).text)?.[1]);
      const dropped = await two.connect(two.a, bob);
      await two.join(dropped, room);
      const before = await openOnA();
      // A transport close (not a client disconnect) is recoverable: socket.io keeps its session in Redis.
      dropped.socket.io.engine.close();
      const deadline = Date.now() + 10_000;
      while ((await openOnA()) !== before - 1) {
        if (Date.now() > deadline) throw new Error('instance A did not notice the dropped connection');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await new Promise((resolve) => setImmediate(resolve));
      expect(failures).toEqual([]);
    });

    it('reports each instance degraded (200, redis down), the database still up', async () => {
      for (const api of [two.a, two.b]) {
        const res = await api.http.get('/api/health').expect(200);
        expect(res.body).toEqual({ status: 'degraded', checks: { database: 'up', redis: 'down' } });
      }
    });

    it('resumes cross-instance delivery once Redis is back on the same port, without restarting the apps', async () => {
      await two.redis.restart();
      await deliveredAcross(two.a, ann, onB, 'after the restart');
      // Once resumed it stays resumed, the other way too.
      await postMessage(two.b, bob, board.slug, 'steady from B');
      await onA.waitFor(ServerEvent.MessageCreated, 1, isMessage('steady from B'));
      const health = await two.a.http.get('/api/health').expect(200);
      expect(health.body).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
    });

    it('lets a viewer fill the gap the outage left by rejoining with its last event', async () => {
      const rejoined = await two.join(onB, room, 1);
      expect(rejoined.resync).toBe(false);
      expect(htmlOf(onB)).toEqual(expect.arrayContaining([html('during, on A'), html('during, on B')]));
    });
  });

  describe('Redis stops answering (paused)', () => {
    it('keeps serving each instance’s own sockets and reports degraded health', async () => {
      two.redis.pause();
      const sent = await onA.send(ClientCommand.MessageSend, { board: board.slug, body: 'paused, on A' });
      expect(sent).toMatchObject({ ok: true });
      await onA.waitFor(ServerEvent.MessageCreated, 1, isMessage('paused, on A'));
      await postMessage(two.b, bob, board.slug, 'paused, on B');
      await onB.waitFor(ServerEvent.MessageCreated, 1, isMessage('paused, on B'));
      const res = await two.b.http.get('/api/health').expect(200);
      expect(res.body).toEqual({ status: 'degraded', checks: { database: 'up', redis: 'down' } });
    });

    it('delivers across the instances again once Redis answers', async () => {
      two.redis.resume();
      await deliveredAcross(two.b, bob, onA, 'after the pause');
      const health = await two.b.http.get('/api/health').expect(200);
      expect(health.body.status).toBe('ok');
    });
  });

  describe('afterwards', () => {
    it('had no unhandled rejection or uncaught exception in either instance', () => {
      expect(failures).toEqual([]);
    });
  });
});
