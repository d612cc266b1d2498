import { randomUUID } from 'node:crypto';
import { ensureAcknowledged } from '../factories/board.factory';
import { createForum } from '../factories/forum.factory';
import { createTopic, registerAuthor, type TestTopic } from '../factories/topic.factory';
import { createUser, type TestUser } from '../factories/user.factory';
import { createOwnEngine, type OwnEngine } from '../helpers/own-engine';
import { startApp, type TestApp } from '../helpers/start-app';

/** MONGODB_TIMEOUT_MS for these tests: the README promises a 503 within it while the database is down. */
const DB_TIMEOUT_MS = 1000;
/**
 * A reply that takes longer than this counts as hung. Generous on purpose (a busy 2-core CI machine): the
 * point is "answers, bounded by the timeout", not a latency figure.
 */
const HUNG_AFTER_MS = DB_TIMEOUT_MS * 10;
const PUBLISHERS = 3;
/** How long one step of the script may take before the test fails instead of waiting for ever. */
const STEP_MS = 20_000;

type Phase = 'before' | 'down' | 'after';

interface Outcome {
  clientId: string;
  author: TestUser;
  /** The phase when the request was sent. */
  phase: Phase;
  status: number | 'hung';
  ms: number;
  body?: { code?: string; statusCode?: number; requestId?: string; post?: { id: string; seq: number } };
}

/**
 * Several authors publish replies without pause while the engine dies (or freezes) and comes back. Every
 * answer is kept: while it is down the API answers 503 database_unavailable (never hangs, never crashes),
 * afterwards it accepts replies again without a restart, every 201 is readable, and repeating each request
 * with its clientId gives the same post (a 503 may have been stored; a retry must not post it twice).
 */
describe('The database goes away under write load', () => {
  let engine: OwnEngine;
  let api: TestApp;
  let admin: TestUser;
  let forumSlug: string;
  let authors: TestUser[];
  const failures: unknown[] = [];
  const record = (reason: unknown) => failures.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', record);
    engine = await createOwnEngine();
    await engine.start();
    api = await startApp({ mongoUri: engine.uri, env: { MONGODB_TIMEOUT_MS: String(DB_TIMEOUT_MS) } });
    admin = await ensureAcknowledged(api, await createUser(api, { roles: ['admin'] }));
    forumSlug = (await createForum(api, admin)).slug;
    authors = await Promise.all(Array.from({ length: PUBLISHERS }, () => registerAuthor(api)));
  });
  afterAll(async () => {
    await api?.close();
    await engine?.dispose();
    process.off('unhandledRejection', record);
  });

  const publish = async (topic: TestTopic, author: TestUser, clientId: string, phase: Phase) => {
    const body = `Reply ${clientId.slice(0, 8)}: the desktop client stalls again after the 2.3 update, same logs as above.`;
    const started = Date.now();
    try {
      const res = await api.http
        .post(`/api/topics/${topic.id}/posts`)
        .set(author.auth)
        .timeout(HUNG_AFTER_MS)
        .send({ body, clientId });
      return { clientId, author, phase, status: res.status, ms: Date.now() - started, body: res.body };
    } catch (error) {
      if (!(error as { timeout?: number }).timeout) throw error;
      return { clientId, author, phase, status: 'hung' as const, ms: Date.now() - started };
    }
  };

  /** Every author publishes one reply after another until stopped; outcomes are recorded as they arrive. */
  const startLoad = (topic: TestTopic) => {
    const outcomes: Outcome[] = [];
    let phase: Phase = 'before';
    let running = true;
    const done = Promise.all(
      authors.map(async (author) => {
        while (running) outcomes.push(await publish(topic, author, randomUUID(), phase));
      }),
    );
    return {
      outcomes,
      setPhase: (next: Phase) => (phase = next),
      /** Resolves once every author has an outcome of `phase` matching `match`. */
      everyAuthor: (phase: Phase, match: (o: Outcome) => boolean) =>
        waitFor(`every author: a matching outcome while ${phase}`, () =>
          authors.every((a) => outcomes.some((o) => o.author === a && o.phase === phase && match(o))),
        ),
      stop: async () => {
        running = false;
        await done;
      },
    };
  };

  const isUnavailable = (o: Outcome) =>
    o.status === 503 && o.body?.code === 'database_unavailable' && o.body.statusCode === 503;

  /** The script: replies accepted, the fault, a 503 for every author, the repair, a 201 for every author. */
  const outage = async (fault: () => Promise<void> | void, repair: () => Promise<void> | void) => {
    const topic = await createTopic(api, admin, forumSlug);
    const load = startLoad(topic);
    try {
      const accepted = () => load.outcomes.filter((o) => o.status === 201).length;
      await waitFor('replies accepted', () => accepted() >= PUBLISHERS * 2);
      await fault();
      load.setPhase('down');
      await load.everyAuthor('down', isUnavailable);
      await repair();
      load.setPhase('after');
      await load.everyAuthor('after', (o) => o.status === 201);
    } finally {
      await load.stop();
    }
    return { topic, outcomes: load.outcomes };
  };

  /** Anything else fails the test, shown with the error the server logged for that request. */
  const expectOnlyAcceptedOrUnavailable = (outcomes: Outcome[]) => {
    const logged = (requestId?: string) =>
      requestId && api.logs.find((line) => line.includes(requestId) && line.includes('"err"'));
    const other = outcomes
      .filter((o) => o.status !== 201 && !isUnavailable(o))
      .map(({ phase, status, ms, body }) => ({ phase, status, ms, body, log: logged(body?.requestId) }));
    expect(other).toEqual([]);
  };

  /** Reads the whole topic by sequence number, page after page. */
  const readTopic = async (topic: TestTopic) => {
    const posts: { id: string; seq: number }[] = [];
    for (let after = 0; ;) {
      const res = await api.http.get(`/api/topics/${topic.id}/posts?after=${after}&limit=100`).expect(200);
      const page = res.body.items as { id: string; seq: number }[];
      posts.push(...page);
      if (!res.body.hasMore) return posts;
      after = page[page.length - 1].seq;
    }
  };

  /** Every 201 is readable; repeating every request gives the same post for a 201 and at most one post each. */
  const expectNothingLostOrDoubled = async (topic: TestTopic, outcomes: Outcome[]) => {
    const accepted = outcomes.filter((o) => o.status === 201).map((o) => o.body!.post!.id);
    // Each author repeats its own requests one after another, as a client retrying its outbox would.
    const retried: { o: Outcome; again: Outcome }[] = [];
    await Promise.all(
      authors.map(async (author) => {
        for (const o of outcomes.filter((each) => each.author === author))
          retried.push({ o, again: await publish(topic, author, o.clientId, 'after') });
      }),
    );
    for (const { o, again } of retried) {
      expect(again.status).toBe(201);
      if (o.status === 201) expect(again.body?.post?.id).toBe(o.body?.post?.id);
    }
    const stored = (await readTopic(topic)).map((post) => post.id);
    const ids = new Set(stored);
    expect(stored.length).toBe(ids.size); // nothing listed twice
    expect(accepted.filter((id) => !ids.has(id))).toEqual([]);
    // first post + one reply per request, whatever each first answer was
    expect(stored.length).toBe(1 + outcomes.length);
  };

  it('answers 503 while the engine is killed, recovers when it is started again, and loses no accepted reply', async () => {
    const { topic, outcomes } = await outage(
      () => engine.kill(),
      () => engine.start(),
    );
    expectOnlyAcceptedOrUnavailable(outcomes);
    await expectNothingLostOrDoubled(topic, outcomes);
    expect(failures).toEqual([]);
  });

  it('answers 503 within the timeout while the engine is frozen (SIGSTOP), and recovers on SIGCONT', async () => {
    const { topic, outcomes } = await outage(
      () => engine.freeze(),
      () => engine.thaw(),
    );
    expectOnlyAcceptedOrUnavailable(outcomes);
    await expectNothingLostOrDoubled(topic, outcomes);
    expect(failures).toEqual([]);
  });
});

async function waitFor(what: string, condition: () => boolean): Promise<void> {
  const deadline = Date.now() + STEP_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${STEP_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
