import { randomBytes } from 'node:crypto';
import { connect, type Socket as NetSocket } from 'node:net';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { ClientCommand, ServerEvent } from '../../src/realtime/socket-protocol';
import { acknowledgedMember, createBoard, type TestBoard } from '../factories/board.factory';
import { createForum, type TestForum } from '../factories/forum.factory';
import { createUser, type TestUser } from '../factories/user.factory';
import { collectionsSnapshot } from '../helpers/db-snapshot';
import { connectSocket, disconnected, refusedHandshake, type TestSocket } from '../helpers/socket-client';
import { startApp, type TestApp } from '../helpers/start-app';

/**
 * Abuse is cut off with a reason while everyone else keeps being served. Small limits are configured through
 * the same environment variables production uses (README, configuration table), so the tests are quick and
 * do not depend on timing: each waits for the cut-off itself, with a generous upper bound.
 */
const LIMITS = {
  BODY_LIMIT: '16kb',
  HTTP_HEADERS_TIMEOUT_MS: '1000',
  HTTP_REQUEST_TIMEOUT_MS: '2000',
  SOCKETS_PER_ADDRESS: '3',
  SOCKET_FLOOD_COOL_OFF_MS: '3000',
};

interface RawExchange {
  /** Everything the server wrote before it closed the connection. */
  received: string;
  /** Bytes we had sent when the server closed the connection. */
  sent: number;
  closedByServer: boolean;
}

/**
 * Opens a raw TCP connection, writes `head` at once, then `trickle` one byte every `everyMs` until the server
 * closes the connection or `giveUpMs` passes (then the exchange is reported as not closed by the server).
 */
function trickle(url: string, head: string, trickleText: string, everyMs: number, giveUpMs = 20_000) {
  const { hostname, port } = new URL(url);
  return new Promise<RawExchange>((resolve, reject) => {
    const socket: NetSocket = connect(Number(port), hostname);
    let received = '';
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    const giveUp = setTimeout(() => finish(false), giveUpMs);
    const finish = (closedByServer: boolean) => {
      clearInterval(timer);
      clearTimeout(giveUp);
      socket.destroy();
      resolve({ received, sent, closedByServer });
    };
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('close', () => finish(true));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') finish(true);
      else reject(error);
    });
    socket.on('connect', () => {
      socket.write(head);
      sent = head.length;
      let next = 0;
      timer = setInterval(() => {
        if (socket.destroyed) return;
        socket.write(trickleText[next % trickleText.length]);
        next += 1;
        sent += 1;
      }, everyMs);
    });
  });
}

function parseRawResponse(raw: string) {
  const [head, ...rest] = raw.split('\r\n\r\n');
  return { statusLine: head.split('\r\n')[0], head, body: JSON.parse(rest.join('\r\n\r\n')) as unknown };
}

describe('Abuse limits', () => {
  let api: TestApp;
  let admin: TestUser;
  let forum: TestForum;
  let board: TestBoard;

  beforeAll(async () => {
    api = await startApp({ env: LIMITS });
    admin = await createUser(api, { roles: ['admin'] });
    forum = await createForum(api, admin);
    board = await createBoard(api, admin, forum.slug);
  });
  afterAll(async () => {
    await api.close();
  });

  describe('oversized bodies', () => {
    it('answers 413 payload_too_large on a real write route, stores nothing, and keeps serving', async () => {
      const author = await acknowledgedMember(api);
      const connection = api.app.get<Connection>(getConnectionToken());
      await api.settled(); // the fixture's own follow-up work is done before the baseline
      const before = await collectionsSnapshot(connection, ['topics', 'posts']);
      const body = { title: 'Too long', body: 'x'.repeat(20 * 1024) };
      const json = await api.http.post(`/api/forums/${forum.slug}/topics`).set(author.auth).send(body);
      // Both Content-Length and Transfer-Encoding: not valid HTTP, refused before the application.
      const both = await api.http
        .post(`/api/forums/${forum.slug}/topics`)
        .set(author.auth)
        .set('Content-Type', 'application/json')
        .set('Transfer-Encoding', 'chunked')
        .send(JSON.stringify(body));
      expect(both.status).toBe(400);
      expect(both.body).toEqual({ statusCode: 400, code: 'bad_request', message: expect.any(String) });
      const form = await api.http
        .post(`/api/forums/${forum.slug}/topics`)
        .set(author.auth)
        .type('form')
        .send(`title=Too+long&body=${'x'.repeat(20 * 1024)}`);
      for (const res of [json, form]) {
        expect(res.status).toBe(413);
        // Announced too large: refused unread, and the connection is not kept for the rest of the body.
        expect(res.headers.connection).toBe('close');
        expect(res.body).toEqual({
          statusCode: 413,
          code: 'payload_too_large',
          message: expect.stringContaining('16384 bytes'),
          requestId: res.headers['x-request-id'],
        });
      }
      // Chunked, without a Content-Length: the limit counts the bytes as they arrive.
      const text = JSON.stringify(body);
      const chunks = (text.match(/[^]{1,4096}/g) ?? []).map((c) => `${c.length.toString(16)}\r\n${c}\r\n`);
      const chunked = await trickle(
        api.url,
        `POST /api/forums/${forum.slug}/topics HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n` +
          `Authorization: Bearer ${author.token}\r\nContent-Type: application/json\r\n` +
          `Transfer-Encoding: chunked\r\n\r\n${chunks.join('')}0\r\n\r\n`,
        ' ',
        60_000,
      );
      const answer = parseRawResponse(chunked.received);
      expect(answer.statusLine).toBe('HTTP/1.1 413 Payload Too Large');
      expect(answer.body).toMatchObject({ statusCode: 413, code: 'payload_too_large' });
      expect(await collectionsSnapshot(connection, ['topics', 'posts'])).toBe(before);
      await api.http
        .post(`/api/forums/${forum.slug}/topics`)
        .set(author.auth)
        .send({ title: 'A normal topic', body: 'Short enough.' })
        .expect(201);
    });
  });

  describe('slow requests (slow loris)', () => {
    it('cuts off a client that sends its headers a byte at a time, with 408 in the error shape', async () => {
      const slow = trickle(
        api.url,
        'GET /api/health HTTP/1.1\r\nHost: localhost\r\n',
        'X-Slow: aaaaaaaaaaaaaaaaaaaa\r\n',
        100,
      );
      // Meanwhile everyone else is served.
      for (let i = 0; i < 5; i += 1) await api.http.get('/api/health').expect(200);
      const exchange = await slow;
      expect(exchange.closedByServer).toBe(true);
      const answer = parseRawResponse(exchange.received);
      expect(answer.statusLine).toBe('HTTP/1.1 408 Request Timeout');
      expect(answer.head).toMatch(/content-type: application\/json/i);
      expect(answer.body).toEqual({
        statusCode: 408,
        code: 'request_timeout',
        message: expect.stringContaining('headers within 1000 ms'),
      });
    });

    it('cuts off a client that trickles its body, with 408 in the error shape', async () => {
      const member = await acknowledgedMember(api);
      const head =
        `POST /api/boards/${board.slug}/messages HTTP/1.1\r\nHost: localhost\r\n` +
        `Authorization: Bearer ${member.token}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n`;
      const exchange = await trickle(api.url, head, '{"body":"' + 'y'.repeat(100), 100);
      expect(exchange.closedByServer).toBe(true);
      // It stopped the upload long before the announced 5,000 bytes.
      expect(exchange.sent).toBeLessThan(head.length + 1000);
      const answer = parseRawResponse(exchange.received);
      expect(answer.statusLine).toBe('HTTP/1.1 408 Request Timeout');
      expect(answer.body).toMatchObject({ statusCode: 408, code: 'request_timeout' });
      const page = await api.http.get(`/api/boards/${board.slug}/messages`).expect(200);
      expect(page.body.messages).toEqual([]);
      // The cut-off upload is the client's doing: no server error is logged for it.
      const errors = api.logs.filter((line) => (JSON.parse(line) as { level: number }).level >= 50);
      expect(errors).toEqual([]);
    });

    it('answers malformed HTTP with 400 in the error shape', async () => {
      const exchange = await trickle(api.url, 'THIS IS NOT HTTP\r\n\r\n', ' ', 1000);
      expect(exchange.closedByServer).toBe(true);
      const answer = parseRawResponse(exchange.received);
      expect(answer.statusLine).toBe('HTTP/1.1 400 Bad Request');
      expect(answer.body).toMatchObject({ statusCode: 400, code: 'bad_request' });
    });
  });

  describe('sockets', () => {
    it('refuses more than SOCKETS_PER_ADDRESS connections from one address, and frees a place on close', async () => {
      const sockets: TestSocket[] = [];
      try {
        for (let i = 0; i < 3; i += 1) sockets.push(await connectSocket(api.url));
        // Without TRUST_PROXY a forged X-Forwarded-For does not make a new address.
        const refused = await refusedHandshake(api.url, { headers: { 'X-Forwarded-For': '203.0.113.9' } });
        expect(refused.data).toEqual({
          statusCode: 429,
          code: 'too_many_connections',
          message: expect.stringContaining('at most 3'),
        });
        // The connections already open keep being served.
        const joined = await sockets[0].send(ClientCommand.Join, { room: `board:${board.slug}` });
        expect(joined).toMatchObject({ ok: true });
        const gone = disconnected(sockets[2].socket);
        sockets[2].close();
        await gone;
        sockets[2] = await connectUntilAdmitted(api.url);
      } finally {
        for (const socket of sockets) socket.close();
      }
    });

    it('counts the proxy-reported address behind a TLS proxy (TRUST_PROXY)', async () => {
      const proxied = await startApp({ env: { ...LIMITS, TRUST_PROXY: 'true', SOCKETS_PER_ADDRESS: '2' } });
      const sockets: TestSocket[] = [];
      try {
        const from = (address: string) => ({ headers: { 'X-Forwarded-For': `10.0.0.1, ${address}` } });
        for (let i = 0; i < 2; i += 1) sockets.push(await connectSocket(proxied.url, from('203.0.113.7')));
        const refused = await refusedHandshake(proxied.url, from('203.0.113.7'));
        expect(refused.data).toMatchObject({ statusCode: 429, code: 'too_many_connections' });
        // Another user behind the same proxy is not affected.
        sockets.push(await connectSocket(proxied.url, from('198.51.100.4')));
      } finally {
        for (const socket of sockets) socket.close();
        await proxied.close();
      }
    });

    it('disconnects a socket that floods events with the reason, while other sockets keep being served', async () => {
      const member = await acknowledgedMember(api);
      const viewer = await connectSocket(api.url);
      const flooder = await connectSocket(api.url, { token: member.token });
      try {
        const room = `board:${board.slug}`;
        await viewer.send(ClientCommand.Join, { room });
        const gone = disconnected(flooder.socket);
        for (let i = 0; i < 200; i += 1) flooder.socket.emit(ClientCommand.Typing, { room });
        expect(await gone).toBe('io server disconnect');
        expect(flooder.named(ServerEvent.Disconnecting)[0]?.data).toMatchObject({ code: 'rate_limited' });
        // It may not come straight back: the refusal says how long to wait.
        const refused = await refusedHandshake(api.url, { token: member.token });
        expect(refused.data).toMatchObject({ statusCode: 429, code: 'rate_limited' });
        const wait = (refused.data?.details as { retryAfterSeconds: number }).retryAfterSeconds;
        expect(wait).toBeGreaterThan(0);
        const reconnectAt = Date.now() + 1000 * wait + 100;
        // The viewer still gets room events and answers to its commands.
        await api.http
          .post(`/api/boards/${board.slug}/messages`)
          .set(member.auth)
          .send({ body: 'Still live after the flood' })
          .expect(201);
        await viewer.waitFor(ServerEvent.MessageCreated);
        expect(await viewer.send(ClientCommand.Leave, { room })).toMatchObject({ ok: true });
        // Once its cool-off is over, the flooder may connect again.
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, reconnectAt - Date.now())));
        (await connectSocket(api.url, { token: member.token })).close();
      } finally {
        viewer.close();
        flooder.close();
      }
    });

    it('keeps a flooder out when it comes back with an unsigned token naming someone else', async () => {
      // Unsigned JWTs carrying a random `sub`: the cool-off must key on the verified identity (none here), so
      // on the address, not on whatever `sub` the token claims.
      const forged = () => {
        const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
        const sub = randomBytes(12).toString('hex');
        return `parley_at=${part({ alg: 'none', typ: 'JWT' })}.${part({ sub, sid: sub, typ: 'access' })}.`;
      };
      const flooder = await connectSocket(api.url, { cookie: forged() });
      try {
        const gone = disconnected(flooder.socket);
        for (let i = 0; i < 200; i += 1) flooder.socket.emit(ClientCommand.Leave, { room: 'forum:x' });
        expect(await gone).toBe('io server disconnect');
        const refused = await refusedHandshake(api.url, { cookie: forged() });
        expect(refused.data).toMatchObject({ statusCode: 429, code: 'rate_limited' });
      } finally {
        flooder.close();
      }
      // Wait out the cool-off so the specs after this one connect from this address again.
      await new Promise((resolve) => setTimeout(resolve, Number(LIMITS.SOCKET_FLOOD_COOL_OFF_MS) + 200));
    });
  });
});

/** The server frees a place when it sees the transport close, a moment after the client closed it. */
async function connectUntilAdmitted(url: string): Promise<TestSocket> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await connectSocket(url);
    } catch (error) {
      if (attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
