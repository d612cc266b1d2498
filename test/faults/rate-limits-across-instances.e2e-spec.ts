import { ClientCommand } from '../../src/realtime/socket-protocol';
import { acknowledgedMember, createBoard, ensureAcknowledged, postMessage } from '../factories/board.factory';
import { createForum } from '../factories/forum.factory';
import { createUser, registerUser } from '../factories/user.factory';
import type { TestApp } from '../helpers/start-app';
import { startTwoInstances, type TwoInstances } from '../helpers/two-instances';

/** Small on purpose: the per-address limit per route, and the sign-in limit derived from it (5). */
const LIMIT = 12;
const AUTH_LIMIT = 5;

let address = 0;
/** Each check comes from an address of its own (TRUST_PROXY: the client address is X-Forwarded-For). */
const newAddress = () => `203.0.113.${(address += 1)}`;

/**
 * Sends `count` requests alternately to instance A and instance B, as a load balancer would, and returns
 * the statuses in order.
 */
async function spread(
  two: TwoInstances,
  count: number,
  request: (api: TestApp, i: number) => Promise<{ status: number }>,
): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i += 1) statuses.push((await request(i % 2 === 0 ? two.a : two.b, i)).status);
  return statuses;
}

const allowed = (statuses: number[]) => statuses.filter((status) => status !== 429).length;

describe('Rate limits across two instances sharing Redis', () => {
  let two: TwoInstances;
  const failures: unknown[] = [];
  const record = (reason: unknown) => failures.push(reason);
  const listForums = (from: string) => (api: TestApp) =>
    api.http.get('/api/forums').set('X-Forwarded-For', from);

  beforeAll(async () => {
    process.on('unhandledRejection', record);
    two = await startTwoInstances({
      THROTTLE_LIMIT: String(LIMIT),
      THROTTLE_TTL_SECONDS: '60',
      TRUST_PROXY: 'true',
    });
  });
  afterAll(async () => {
    await two?.close();
    process.off('unhandledRejection', record);
  });

  it('lets through exactly the per-address limit, however the requests are spread', async () => {
    const statuses = await spread(two, LIMIT * 2, listForums(newAddress()));
    expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(200));
    expect(statuses.slice(LIMIT)).toEqual(Array(LIMIT).fill(429));
  });

  it('refuses with the error shape and a Retry-After on whichever instance answers', async () => {
    const from = newAddress();
    await spread(two, LIMIT, listForums(from));
    for (const api of [two.a, two.b]) {
      const res = await listForums(from)(api).expect(429);
      expect(res.body).toMatchObject({ statusCode: 429, code: 'rate_limited' });
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('limits sign-in attempts from one address across the instances', async () => {
    const from = newAddress();
    const statuses = await spread(two, AUTH_LIMIT * 2, (api, i) =>
      api.http
        .post('/api/auth/login')
        .set('X-Forwarded-For', from)
        // A different name each time: only the per-address limit applies, not the per-account delay.
        .send({ login: `nobody-${from}-${i}`, password: 'wrong password' }),
    );
    expect(statuses).toEqual([...Array(AUTH_LIMIT).fill(401), ...Array(AUTH_LIMIT).fill(429)]);
  });

  it('delays further sign-ins for an account from one address after repeated failures, on both instances', async () => {
    const user = await registerUser(two.a);
    // One address, requests spread over both instances: the (login, address) delay is shared through Redis.
    const address = newAddress();
    const statuses = await spread(two, 7, (api) =>
      api.http
        .post('/api/auth/login')
        .set('X-Forwarded-For', address)
        .send({ login: user.username, password: 'wrong password' }),
    );
    // Four free failures, the fifth starts the delay; both instances then refuse.
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
  });

  it('holds a board’s slow mode across the instances, over REST and the socket', async () => {
    const admin = await createUser(two.a, { roles: ['admin'] });
    await ensureAcknowledged(two.a, admin);
    const forum = await createForum(two.a, admin);
    const board = await createBoard(two.a, admin, forum.slug, { slowModeSeconds: 600 });
    const member = await acknowledgedMember(two.a);
    await postMessage(two.a, member, board.slug, 'first');
    const onB = await two.connect(two.b, member);
    const second = await onB.send(ClientCommand.MessageSend, { board: board.slug, body: 'second' });
    expect(second).toMatchObject({ ok: false, error: { statusCode: 429, code: 'rate_limited' } });
  });

  describe('while Redis is down', () => {
    it('keeps answering, each instance limiting on its own, and says so in the log', async () => {
      await two.redis.kill();
      const statuses = await spread(two, LIMIT * 3, listForums(newAddress()));
      // Fails open to in-memory limits: up to the limit from each instance, never unlimited, never a 5xx.
      expect(statuses.every((status) => status === 200 || status === 429)).toBe(true);
      expect(allowed(statuses)).toBe(LIMIT * 2);
      for (const api of [two.a, two.b]) {
        expect(api.logs.some((line) => line.includes('rate limits: Redis unavailable'))).toBe(true);
      }
    });

    it('shares the limits again once Redis is back', async () => {
      await two.redis.restart();
      const deadline = Date.now() + 20_000;
      const sharedAgain = (api: TestApp) =>
        api.logs.some((line) => line.includes('rate limits: shared through Redis again'));
      while (!sharedAgain(two.a) || !sharedAgain(two.b)) {
        if (Date.now() > deadline) throw new Error('rate limits did not go back to Redis');
        await spread(two, 2, listForums('198.51.100.1'));
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const statuses = await spread(two, LIMIT * 2, listForums(newAddress()));
      expect(allowed(statuses)).toBe(LIMIT);
    });
  });

  describe('afterwards', () => {
    it('had no unhandled rejection in either instance', () => {
      expect(failures).toEqual([]);
    });
  });
});
