import { randomUUID } from 'node:crypto';
import { freePort } from '../../src/infra/database/engine-chain';
import { ClientCommand, ServerEvent, type JoinReply } from '../../src/realtime/socket-protocol';
import { acknowledgedMember, createBoard, ensureAcknowledged } from '../factories/board.factory';
import { createForum } from '../factories/forum.factory';
import { createTopic } from '../factories/topic.factory';
import { createUser, type TestUser } from '../factories/user.factory';
import { spawnApp, type AppProcess } from '../helpers/app-process';
import { connectSocket, type TestSocket } from '../helpers/socket-client';
import { startApp } from '../helpers/start-app';

/** Publishers per target (a board and a topic). */
const PUBLISHERS = 2;
const WAIT_MS = 20_000;

/** Where a publisher writes: the REST route, the room that shows it and the event that carries it. */
interface Target {
  path: string;
  room: string;
  event: string;
  /** `message` or `post`: the field of the event and of the 201 body holding the content. */
  key: 'message' | 'post';
}

interface Sent {
  target: Target;
  author: TestUser;
  clientId: string;
  /** The acknowledged id; undefined while the answer was lost with the process. */
  id?: string;
}

/**
 * A viewer of one room following docs/realtime.md: applies events by eventSeq, and after a (re)join continues
 * from the acknowledgement's lastEventSeq (the replay before it sent everything the room has up to there).
 */
class Viewer {
  private readonly sockets: TestSocket[] = [];
  /** Content ids by eventSeq, duplicates (the same eventSeq twice) collapsed. */
  private readonly created = new Map<number, string>();
  /** A content id seen under two different eventSeqs would be a duplicate the client cannot detect. */
  readonly seqsOf = new Map<string, Set<number>>();
  private joinedAt = 0;

  constructor(readonly target: Target) {}

  async join(url: string): Promise<void> {
    const { room, event, key } = this.target;
    const socket = await connectSocket(url);
    socket.socket.on(event, (data: { room: string; eventSeq: number } & Record<string, { id: string }>) => {
      if (data.room !== room) return;
      this.created.set(data.eventSeq, data[key].id);
      const seqs = this.seqsOf.get(data[key].id) ?? new Set<number>();
      this.seqsOf.set(data[key].id, seqs.add(data.eventSeq));
    });
    const first = this.sockets.length === 0;
    this.sockets.push(socket);
    const reply = await socket.send<JoinReply>(ClientCommand.Join, {
      room,
      lastEventSeq: first ? undefined : this.position(),
    });
    if (!reply.ok) throw new Error(`join: ${JSON.stringify(reply.error)}`);
    expect(reply.resync).toBe(false); // caught up by eventSeq, no reload
    this.joinedAt = Math.max(this.position(), reply.lastEventSeq);
  }

  /** The last eventSeq applied in order: what the client asks to be replayed after. */
  position(): number {
    let seq = this.joinedAt;
    while (this.created.has(seq + 1)) seq += 1;
    return seq;
  }

  missing(sent: Sent[]): Sent[] {
    return sent.filter((s) => s.target === this.target && !this.seqsOf.has(s.id!));
  }

  close(): void {
    for (const socket of this.sockets) socket.close();
  }
}

/**
 * The real server runs as a child process (src/main.ts). Viewers of a board and of a topic are joined over
 * socket.io and publishers write with unique clientIds when the process is killed with SIGKILL; it is started
 * again on the same port and database. Viewers rejoin with the last eventSeq they applied, publishers repeat
 * every request whose answer was lost. Nothing acknowledged may be missing, nothing may be there twice.
 */
describe('The app process is killed mid-load and restarted', () => {
  let app: AppProcess;
  let port: number;
  let dbName: string;
  let targets: Target[];
  let publishers: { author: TestUser; target: Target }[];
  const viewers: Viewer[] = [];

  beforeAll(async () => {
    // Accounts, forum, board and topic through an in-process app on the same database, closed before the load.
    const setup = await startApp();
    try {
      dbName = setup.dbName;
      const admin = await ensureAcknowledged(setup, await createUser(setup, { roles: ['admin'] }));
      const forum = await createForum(setup, admin);
      const board = await createBoard(setup, admin, forum.slug);
      const topic = await createTopic(setup, admin, forum.slug);
      targets = [
        {
          path: `/api/boards/${board.slug}/messages`,
          room: `board:${board.slug}`,
          event: ServerEvent.MessageCreated,
          key: 'message',
        },
        {
          path: `/api/topics/${topic.id}/posts`,
          room: `topic:${topic.id}`,
          event: ServerEvent.PostCreated,
          key: 'post',
        },
      ];
      publishers = await Promise.all(
        targets.flatMap((target) =>
          Array.from({ length: PUBLISHERS }, async () => ({
            author: await acknowledgedMember(setup),
            target,
          })),
        ),
      );
    } finally {
      await setup.close();
    }
    port = await freePort();
    app = await spawnApp({ port, mongoUri: process.env.PARLEY_TEST_MONGODB_URI!, dbName });
  });
  afterAll(async () => {
    for (const viewer of viewers) viewer.close();
    app?.signal('SIGKILL');
    await app?.exited;
  });

  const send = async (sent: Sent): Promise<Sent> => {
    const res = await app.http
      .post(sent.target.path)
      .set(sent.author.auth)
      .send({
        body: `Deploy ${sent.clientId.slice(0, 8)} is rolling out, watch the error rate`,
        clientId: sent.clientId,
      });
    if (res.status !== 201) throw new Error(`send: ${res.status} ${JSON.stringify(res.body)}`);
    return { ...sent, id: res.body[sent.target.key].id };
  };

  /** Every id of the target, read by REST page after page. */
  const readAll = async (target: Target): Promise<string[]> => {
    const ids: string[] = [];
    for (let after = 0; ;) {
      const res = await app.http.get(`${target.path}?after=${after}&limit=50`).expect(200);
      const page = (res.body.messages ?? res.body.items) as { id: string; seq: number }[];
      ids.push(...page.map((item) => item.id));
      if (page.length < 50) return ids;
      after = page[page.length - 1].seq;
    }
  };

  it('loses no acknowledged write and doubles none; viewers catch up by eventSeq', async () => {
    // Per target, one viewer rejoins as soon as the server is back (sees the rest live), one after everything
    // was sent (catches up by replay alone).
    const live = targets.map((target) => new Viewer(target));
    const late = targets.map((target) => new Viewer(target));
    viewers.push(...live, ...late);
    for (const viewer of viewers) await viewer.join(app.url);

    // Every publisher writes one after another until a request fails with the process.
    const sent: Sent[] = [];
    const load = Promise.all(
      publishers.map(async ({ author, target }) => {
        for (;;) {
          const attempt: Sent = { target, author, clientId: randomUUID() };
          sent.push(attempt);
          try {
            Object.assign(attempt, await send(attempt));
          } catch {
            return; // the answer was lost: repeated below with the same clientId
          }
        }
      }),
    );
    await waitFor('12 acknowledged writes', () => sent.filter((s) => s.id).length >= 12);
    app.signal('SIGKILL');
    expect(await app.exited).toEqual({ code: null, signal: 'SIGKILL' });
    await load;
    const acknowledgedBefore = sent.filter((s) => s.id).map((s) => ({ ...s }));

    app = await spawnApp({ port, mongoUri: process.env.PARLEY_TEST_MONGODB_URI!, dbName });
    for (const viewer of live) await viewer.join(app.url);
    // The requests whose answer was lost, with the same clientId; then a few new ones.
    const retried = await Promise.all(sent.filter((s) => !s.id).map(send));
    const after = await Promise.all(
      publishers.flatMap(({ author, target }) =>
        [1, 2].map(() => send({ target, author, clientId: randomUUID() })),
      ),
    );
    const all = [...acknowledgedBefore, ...retried, ...after];
    for (const viewer of late) await viewer.join(app.url);
    const missing = () =>
      viewers.flatMap((viewer) =>
        viewer
          .missing(all)
          .map((s) => ({ room: viewer.target.room, id: s.id, retried: retried.includes(s) })),
      );
    await waitFor('every viewer has every acknowledged write', () => missing().length === 0).catch(() =>
      expect(missing()).toEqual([]),
    );

    for (const target of targets) {
      const acknowledged = all.filter((s) => s.target === target).map((s) => s.id!);
      const stored = await readAll(target);
      expect(new Set(stored).size).toBe(stored.length);
      expect(acknowledged.filter((id) => !stored.includes(id))).toEqual([]);
      // Each clientId stored once (a topic also holds its first post).
      expect(stored.length).toBe(acknowledged.length + (target.key === 'post' ? 1 : 0));
    }
    // A clientId acknowledged before the crash still names the same write.
    const again = await Promise.all(acknowledgedBefore.map((s) => send({ ...s, id: undefined })));
    expect(again.map((s) => s.id)).toEqual(acknowledgedBefore.map((s) => s.id));
    // The viewers: each write under one eventSeq only.
    for (const viewer of viewers)
      expect([...viewer.seqsOf.values()].filter((seqs) => seqs.size > 1)).toEqual([]);
  });
});

async function waitFor(what: string, condition: () => boolean): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${WAIT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
