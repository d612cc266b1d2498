import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { freePort } from '../../src/infra/database/engine-chain';
import { ClientCommand, ServerEvent } from '../../src/realtime/socket-protocol';
import { ensureAcknowledged } from '../factories/board.factory';
import { createForum } from '../factories/forum.factory';
import { createTopic, registerAuthor, type TestTopic } from '../factories/topic.factory';
import { createUser, type TestUser } from '../factories/user.factory';
import { spawnApp, type AppProcess } from '../helpers/app-process';
import { createOwnEngine, type OwnEngine } from '../helpers/own-engine';
import { connectSocket, disconnected } from '../helpers/socket-client';
import { startApp } from '../helpers/start-app';

const WAIT_MS = 20_000;

interface Answer {
  status: number;
  body: { post?: { id: string } };
}

/**
 * Sends a request and resolves `accepted` once the server has taken it (its `100 Continue` to
 * `Expect: 100-continue` comes from the request handler), so the request is in flight before the test goes on.
 */
function inFlight(url: string, path: string, token: string, body: object) {
  let accepted!: () => void;
  const taken = new Promise<void>((resolve) => (accepted = resolve));
  const data = JSON.stringify(body);
  const answer = new Promise<Answer>((resolve, reject) => {
    const req = httpRequest(`${url}${path}`, {
      method: 'POST',
      agent: false,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(data),
        expect: '100-continue',
      },
    });
    req.on('continue', () => {
      req.end(data);
      accepted();
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text || '{}') }));
    });
    req.on('error', reject);
  });
  return { taken, answer };
}

/** Resolves true once a new connection to the port is refused (the server stopped accepting). */
function refusesConnections(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = httpRequest(`${url}/api/health`, { agent: false }, (res) => {
      res.resume();
      resolve(false);
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
    req.end();
  });
}

/**
 * SIGTERM to the real server (src/main.ts as a child process) while a reply is being published: the database
 * is frozen (SIGSTOP) first, so the publish is held mid-request for as long as the test needs. The steps run
 * in order: the second server also checks what the first one stored.
 */
describe('SIGTERM drains the server', () => {
  let engine: OwnEngine;
  let app: AppProcess | undefined;
  let dbName: string;
  let author: TestUser;
  let topic: TestTopic;
  const drained = { clientId: randomUUID(), postId: undefined as string | undefined };
  const body = 'Sent just before the deploy restarted the server';

  beforeAll(async () => {
    engine = await createOwnEngine();
    await engine.start();
    const setup = await startApp({ mongoUri: engine.uri });
    try {
      dbName = setup.dbName;
      const admin = await ensureAcknowledged(setup, await createUser(setup, { roles: ['admin'] }));
      topic = await createTopic(setup, admin, (await createForum(setup, admin)).slug);
      author = await registerAuthor(setup);
    } finally {
      await setup.close();
    }
  });
  afterAll(async () => {
    app?.signal('SIGKILL');
    await app?.exited;
    await engine?.dispose();
  });

  const start = async (env: Record<string, string> = {}) => {
    // A database timeout longer than the test, so the held request waits for the database, not a 503.
    app = await spawnApp({
      port: await freePort(),
      mongoUri: engine.uri,
      dbName,
      env: { MONGODB_TIMEOUT_MS: '60000', ...env },
    });
    return app;
  };
  const publish = (server: AppProcess, payload: object) =>
    inFlight(server.url, `/api/topics/${topic.id}/posts`, author.token, payload);

  it('stops accepting, tells sockets to reconnect, finishes the request in flight and exits 0', async () => {
    const server = await start();
    const viewer = await connectSocket(server.url);
    const join = await viewer.send(ClientCommand.Join, { room: `topic:${topic.id}` });
    expect(join.ok).toBe(true);
    const gone = disconnected(viewer.socket);

    engine.freeze();
    try {
      const held = publish(server, { body, clientId: drained.clientId });
      await held.taken;
      server.signal('SIGTERM');

      // Sockets: told why and to come back, then closed as a transport drop so the client reconnects by itself.
      const [reason] = await viewer.waitFor(ServerEvent.Disconnecting);
      expect(reason.data).toMatchObject({ code: 'server_restarting', reconnect: true });
      expect(await gone).toBe('transport close');
      // New connections are refused while the publish is still held by the frozen database.
      await waitFor('new connections refused', () => refusesConnections(server.url));

      engine.thaw();
      const answer = await held.answer;
      expect(answer.status).toBe(201);
      drained.postId = answer.body.post?.id;
      expect(await server.exited).toEqual({ code: 0, signal: null });
    } finally {
      engine.thaw();
    }
  });

  it('exits within the drain limit when a request never finishes', async () => {
    const server = await start({ SHUTDOWN_TIMEOUT_MS: '1000' });
    // The reply drained by the first server was stored: its clientId gives the same post.
    const again = await server.http
      .post(`/api/topics/${topic.id}/posts`)
      .set(author.auth)
      .send({ body, clientId: drained.clientId })
      .expect(201);
    expect(again.body.post.id).toBe(drained.postId);

    engine.freeze();
    try {
      const held = publish(server, { body: 'This one waits for a database that does not come back in time' });
      await held.taken;
      const cutOff = expect(held.answer).rejects.toThrow(/socket hang up|ECONNRESET/);
      server.signal('SIGTERM');
      // The database stays frozen: the process gives up on the request and exits non-zero by itself.
      expect(await server.exited).toEqual({ code: 1, signal: null });
      await cutOff;
      expect(server.output()).toContain('requests still running after 1000 ms: exiting without them');
    } finally {
      engine.thaw();
    }
  });
});

async function waitFor(what: string, condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${WAIT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
