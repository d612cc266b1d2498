import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ModulesContainer } from '@nestjs/core';
import { getConnectionToken } from '@nestjs/mongoose';
import { GATEWAY_METADATA, MESSAGE_METADATA } from '@nestjs/websockets/constants';
import fc from 'fast-check';
import type { Connection } from 'mongoose';
import type { Response } from 'supertest';
import { createValidationPipe } from '../../src/infra/http/validation';
import { createBoard, postMessage } from '../factories/board.factory';
import { createForum, type TestForum } from '../factories/forum.factory';
import {
  acknowledgeNotice,
  createTopic,
  registerAuthor,
  reply,
  type TestTopic,
} from '../factories/topic.factory';
import { createUser, type TestUser } from '../factories/user.factory';
import { appRoutes, type AppRoute } from '../helpers/app-routes';
import {
  HOSTILE_VALUES,
  hostileRawBodies,
  nearValidDto,
  rulesOf,
  validDto,
  type DtoClass,
  type Where,
} from '../helpers/dto-arbitraries';
import { collectionsSnapshot } from '../helpers/db-snapshot';
import { connectSocket } from '../helpers/socket-client';
import { startApp, type TestApp } from '../helpers/start-app';

/**
 * Every DTO (src/**\/dto/*.ts) is fuzzed through the real application: values generated from its class-validator
 * rules, the same values with one rule broken, wrong types, operator objects, oversized and deeply nested values,
 * and prototype-pollution bodies. Expected answer: the local ValidationPipe (the app's options) decides whether a
 * payload is valid; an invalid one must get 400 and change no document; nothing may get a 5xx, every error has the
 * one error shape, and Object.prototype stays clean.
 *
 * Runs are bounded (a few cases per route) and seeded: FUZZ_SEED=<n> replays the run a failure printed.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const RUNS = { valid: 2, nearValid: 3, hostile: 3, raw: 2, params: 2, socket: 12 };
/** Refused requests change nothing, so they may run side by side. */
const PARALLEL = 4;
const ERROR_KEYS = new Set(['statusCode', 'code', 'message', 'details', 'requestId']);

interface Fixtures {
  actor: TestUser;
  victim: TestUser;
  forum: TestForum;
  topic: TestTopic;
  replyId: string;
  board: { slug: string };
  messageId: string;
  notificationId: string;
}

/** Path parameters per route prefix: a new kind of path parameter needs a line here (the test says which). */
const PATH_VALUES: Array<[RegExp, (f: Fixtures) => Record<string, string>]> = [
  [/^\/api\/forums\/:id/, (f) => ({ id: f.forum.id })],
  [/^\/api\/forums\/:slug/, (f) => ({ slug: f.forum.slug })],
  [/^\/api\/topics\/:id/, (f) => ({ id: f.topic.id })],
  [/^\/api\/posts\/:id/, (f) => ({ id: f.replyId })],
  [/^\/api\/boards\/:slug\/messages\/:id/, (f) => ({ slug: f.board.slug, id: f.messageId })],
  [/^\/api\/boards\/:slug/, (f) => ({ slug: f.board.slug })],
  [/^\/api\/admin\/users\/:id/, (f) => ({ id: f.victim.id })],
  [/^\/api\/moderation\/users\/:id/, (f) => ({ id: f.victim.id })],
  [/^\/api\/moderation\/topics\/:id/, (f) => ({ id: f.topic.id })],
  [/^\/api\/moderation\/:kind\/:id/, (f) => ({ kind: 'posts', id: f.replyId })],
  [/^\/api\/notifications\/:id/, (f) => ({ id: f.notificationId })],
  [/^\/api\/drafts\/:kind\/:ref/, (f) => ({ kind: 'topic', ref: f.topic.id })],
  [/^\/api\/profiles\/:username/, (f) => ({ username: f.actor.username })],
  // Uploads and media: well-formed ids that exist nowhere (the fuzz sends hostile variants of these).
  [
    /^\/media\/external\//,
    () => ({ signature: 'A'.repeat(22), encoded: 'aHR0cHM6Ly9leGFtcGxlLmNvbS94LnBuZw' }),
  ],
  [/^\/media\/:id/, () => ({ id: 'A'.repeat(22), name: 'x.png' })],
  [/^\/api\/uploads\/:id/, () => ({ id: 'A'.repeat(22) })],
];

const fill = (path: string, values: Record<string, string>) =>
  path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    if (values[name] === undefined) throw new Error(`no value for :${name} in ${path}`);
    return encodeURIComponent(values[name]);
  });

/** The application's own pipe, run here: it says whether the server should accept a payload's shape. */
const pipe = createValidationPipe();
async function passesValidation(dto: DtoClass, value: unknown, where: Where): Promise<boolean> {
  const type = where === 'params' ? 'param' : where === 'query' ? 'query' : 'body';
  try {
    await pipe.transform(value, { type, metatype: dto, data: undefined });
    return true;
  } catch {
    return false;
  }
}

/** Problems with one answer: a 5xx, a malformed error body, or (when `invalid`) anything but a 400. */
function problemsWith(res: Response, invalid: boolean, expected = [400]): string[] {
  const problems: string[] = [];
  if (res.status >= 500) problems.push(`answered ${res.status} ${JSON.stringify(res.body)}`);
  if (invalid && !expected.includes(res.status))
    problems.push(`answered ${res.status}, expected ${expected}`);
  if (res.status >= 400) {
    const body = res.body as Record<string, unknown>;
    const shaped =
      body &&
      body.statusCode === res.status &&
      typeof body.code === 'string' &&
      typeof body.message === 'string' &&
      Object.keys(body).every((key) => ERROR_KEYS.has(key));
    if (!shaped) problems.push(`error body not in the error shape: ${res.text.slice(0, 300)}`);
  }
  return problems;
}

function prototypeState(): string {
  const names = Object.getOwnPropertyNames(Object.prototype).sort();
  const probe = {} as Record<string, unknown>;
  return JSON.stringify({ names, polluted: probe.polluted, isAdmin: probe.isAdmin, roles: probe.roles });
}

function dtoFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return dtoFiles(path);
    return /\/dto\/[^/]+\.ts$/.test(path) && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('Fuzzing every DTO through the real application', () => {
  let api: TestApp;
  let f: Fixtures;
  let connection: Connection;
  let routes: AppRoute[];
  const cleanPrototype = prototypeState();

  beforeAll(async () => {
    api = await startApp({ env: { PII_CHECK_LIMIT_PER_MINUTE: '100000' } });
    connection = api.app.get<Connection>(getConnectionToken());
    routes = appRoutes(api.app);
    const actor = await createUser(api, { roles: ['admin', 'moderator'] });
    await acknowledgeNotice(api, actor);
    const victim = await registerAuthor(api);
    const forum = await createForum(api, actor);
    const topic = await createTopic(api, actor, forum.slug, { title: 'Fuzz target', body: 'first post' });
    const answer = await reply(api, victim, topic.id, `Replying to @${actor.username}`);
    const board = await createBoard(api, actor, forum.slug);
    const message = await postMessage(api, victim, board.slug, 'a board message');
    const inbox = await api.http.get('/api/notifications').set(actor.auth).expect(200);
    const notificationId = (inbox.body.items as Array<{ id: string }>)[0]?.id;
    if (!notificationId) throw new Error('the actor has no notification to fuzz with');
    f = { actor, victim, forum, topic, replyId: answer.id, board, messageId: message.id, notificationId };
  });
  afterAll(async () => {
    await api?.close();
  });

  const nameOf = (route: AppRoute) => `${route.method.toUpperCase()} ${route.path}`;

  const valuesFor = (route: AppRoute) => {
    const found = PATH_VALUES.find(([pattern]) => pattern.test(route.path));
    if (!found && route.path.includes(':'))
      throw new Error(`${route.name}: add ${route.path} to PATH_VALUES`);
    return found ? found[1](f) : {};
  };

  const send = (
    route: AppRoute,
    options: { body?: unknown; raw?: string; query?: string; path?: string },
  ) => {
    const path = options.path ?? fill(route.path, valuesFor(route));
    const req = api.http[route.method](options.query ? `${path}?${options.query}` : path).set(f.actor.auth);
    if (options.raw !== undefined) return req.set('Content-Type', 'application/json').send(options.raw);
    return options.body === undefined ? req : req.send(options.body as object);
  };

  interface Attempt {
    label: string;
    dto: DtoClass;
    where: Where;
    /** The payload as the server sees it after parsing (what the local pipe judges). */
    parsed: unknown;
    request: () => Promise<Response>;
    /** Accepted statuses for a payload the validation refuses (400 unless said otherwise). */
    expected?: number[];
  }

  /**
   * Runs the payloads the application's validation refuses (side by side, with one database snapshot around them
   * all: a snapshot costs more than a request on FerretDB), then the ones it accepts, which may write.
   */
  async function run(attempts: Attempt[]): Promise<string[]> {
    const problems: string[] = [];
    const judged = await Promise.all(
      attempts.map(async (attempt) => ({
        ...attempt,
        invalid: !(await passesValidation(attempt.dto, attempt.parsed, attempt.where)),
      })),
    );
    const one = async (attempt: (typeof judged)[number]) => {
      const res = await attempt.request();
      const found = problemsWith(res, attempt.invalid, attempt.expected);
      if (prototypeState() !== cleanPrototype) found.push('Object.prototype was polluted');
      problems.push(...found.map((problem) => `${attempt.label}: ${problem}`));
    };
    const refused = judged.filter((attempt) => attempt.invalid);
    await api.settled(); // the fixture's own follow-up work is done before the baseline
    const before = await collectionsSnapshot(connection);
    for (let i = 0; i < refused.length; i += PARALLEL)
      await Promise.all(refused.slice(i, i + PARALLEL).map(one));
    const changed = changedCollections(before, await collectionsSnapshot(connection));
    if (changed.length > 0) problems.push(`refused requests changed the database: ${changed.join('; ')}`);
    for (const attempt of judged.filter((a) => !a.invalid)) await one(attempt);
    return problems;
  }

  it('finds a route or socket command for every DTO class in src/**/dto', async () => {
    const used = new Set<unknown>();
    for (const route of routes)
      for (const dto of [route.body, route.query, route.params]) if (dto) used.add(dto);
    for (const command of socketCommands()) used.add(command.dto);
    const nestedOnly = new Set<unknown>();
    for (const dto of used) {
      for (const property of rulesOf(dto as DtoClass)) if (property.nested) nestedOnly.add(property.nested);
    }
    const unused: string[] = [];
    const root = join(__dirname, '../../src');
    for (const file of dtoFiles(root)) {
      const exports = (await import(file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(exports)) {
        if (typeof value !== 'function' || rulesOfSafe(value as DtoClass).length === 0) continue;
        const covered =
          used.has(value) ||
          nestedOnly.has(value) ||
          // A base class is covered through a DTO that extends it.
          [...used].some((dto) => (dto as { prototype: object }).prototype instanceof (value as DtoClass));
        if (!covered) unused.push(`${relative(root, file)}: ${name}`);
      }
    }
    expect(unused).toEqual([]);
    // Every rule of every DTO has a generator and a way to break it (these throw on a rule they do not know).
    for (const dto of used) {
      fc.sample(validDto(dto as DtoClass), 1);
      fc.sample(nearValidDto(dto as DtoClass), 1);
    }
  });

  it('refuses invalid and hostile bodies on every write route with 400 and changes nothing', async () => {
    const writes = routes.filter((route) => route.body);
    expect(writes.length).toBeGreaterThan(20);
    const attempts: Attempt[] = [];
    for (const [index, route] of writes.entries()) {
      const dto = route.body as DtoClass;
      const seed = SEED + index;
      const attempt = (why: string, parsed: unknown, request: () => Promise<Response>) =>
        attempts.push({ label: `${nameOf(route)} ${why}`, dto, where: 'body', parsed, request });
      for (const { why, value } of fc.sample(nearValidDto(dto), { seed, numRuns: RUNS.nearValid })) {
        if (await passesValidation(dto, value, 'body'))
          throw new Error(`${nameOf(route)}: "${why}" is valid`);
        attempt(why, value, () => send(route, { body: value }));
      }
      const properties = rulesOf(dto).map((p) => p.name);
      const hostile = fc.tuple(
        validDto(dto),
        fc.constantFrom(...properties),
        fc.constantFrom(...HOSTILE_VALUES),
      );
      for (const [valid, property, [why, bad]] of fc.sample(hostile, { seed, numRuns: RUNS.hostile })) {
        const value = { ...valid, [property]: bad };
        attempt(`${property}: ${why}`, value, () => send(route, { body: value }));
      }
      const [valid] = fc.sample(validDto(dto), { seed, numRuns: 1 });
      const raws = fc.sample(
        fc.shuffledSubarray(hostileRawBodies(valid), { minLength: RUNS.raw, maxLength: RUNS.raw }),
        {
          seed,
          numRuns: 1,
        },
      )[0];
      for (const [why, raw] of raws) attempt(why, JSON.parse(raw), () => send(route, { raw }));
    }
    expect(await run(attempts)).toEqual([]);
  });

  it('answers generated valid bodies without a 5xx', async () => {
    const attempts: Attempt[] = [];
    for (const [index, route] of routes.filter((r) => r.body).entries()) {
      const dto = route.body as DtoClass;
      for (const value of fc.sample(validDto(dto), { seed: SEED + index, numRuns: RUNS.valid })) {
        const label = `${nameOf(route)} ${JSON.stringify(value).slice(0, 200)}`;
        attempts.push({
          label,
          dto,
          where: 'body',
          parsed: value,
          request: () => send(route, { body: value }),
        });
      }
    }
    expect(await run(attempts)).toEqual([]);
  });

  it('refuses invalid query strings and path parameters with 400 and changes nothing', async () => {
    const attempts: Attempt[] = [];
    for (const [index, route] of routes.filter((r) => r.query).entries()) {
      const dto = route.query as DtoClass;
      const cases = fc.oneof(
        nearValidDto(dto, 'query'),
        validDto(dto, 'query').map((value) => ({ why: 'valid', value })),
      );
      for (const { why, value } of fc.sample(cases, { seed: SEED + index, numRuns: RUNS.nearValid })) {
        const query = new URLSearchParams(value as Record<string, string>).toString();
        const label = `${nameOf(route)}?${query} (${why})`;
        attempts.push({ label, dto, where: 'query', parsed: value, request: () => send(route, { query }) });
      }
      // A repeated key arrives as a list; an operator-looking key as an unknown property.
      const names = rulesOf(dto).map((p) => p.name);
      const [property] = fc.sample(fc.constantFrom(...names), { seed: SEED + index, numRuns: 1 });
      for (const [query, parsed] of [
        [`${property}=a&${property}=b`, { [property]: ['a', 'b'] }],
        [`${property}[$gt]=`, { [`${property}[$gt]`]: '' }],
        [`${property}[$where]=1`, { [`${property}[$where]`]: '1' }],
      ] as const) {
        attempts.push({
          label: `${nameOf(route)}?${query}`,
          dto,
          where: 'query',
          parsed,
          request: () => send(route, { query }),
        });
      }
    }
    for (const [index, route] of routes.filter((r) => r.params).entries()) {
      const dto = route.params as DtoClass;
      const body = route.body ? fc.sample(validDto(route.body), { seed: SEED, numRuns: 1 })[0] : undefined;
      const broken = nearValidDto(dto, 'params').filter(
        // Path segments cannot be missing, empty (that is another route) or unknown: only broken values apply.
        ({ why, value }) =>
          why !== 'an unknown property' &&
          !why.endsWith(': missing') &&
          Object.values(value).every((segment) => segment !== ''),
      );
      for (const { why, value } of fc.sample(broken, { seed: SEED + index, numRuns: RUNS.params })) {
        const path = fill(route.path, { ...valuesFor(route), ...(value as Record<string, string>) });
        attempts.push({
          label: `${route.method.toUpperCase()} ${path} (${why})`,
          dto,
          where: 'params',
          parsed: value,
          request: () => send(route, { path, body }),
          // A well-formed id of nothing is a 404; a malformed one must not get that far.
          expected: [400],
        });
      }
    }
    expect(await run(attempts)).toEqual([]);
  });

  it('refuses invalid and hostile socket command payloads with a validation_failed acknowledgement', async () => {
    const problems: string[] = [];
    for (const [index, { event, dto }] of socketCommands().entries()) {
      // A socket of its own per command: each gets the whole event burst (40), so no pacing is needed.
      const socket = await connectSocket(api.url, { token: f.actor.token });
      try {
        const properties = rulesOf(dto).map((p) => p.name);
        const hostile = fc
          .tuple(validDto(dto, 'socket'), fc.constantFrom(...properties), fc.constantFrom(...HOSTILE_VALUES))
          .map(([valid, property, [why, bad]]) => ({
            why: `${property}: ${why}`,
            value: { ...valid, [property]: bad },
          }));
        const cases = fc.sample(fc.oneof(nearValidDto(dto, 'socket'), hostile), {
          seed: SEED + index,
          numRuns: RUNS.socket,
        });
        for (const { why, value } of cases) {
          // Events over 16 KiB are cut off by the packet limit (test/e2e/realtime), not validated.
          if (JSON.stringify(value).length > 15_000 || (await passesValidation(dto, value, 'socket')))
            continue;
          const ack = await socket.send(event, value);
          const error = (ack as { error?: Record<string, unknown> }).error;
          if (ack.ok !== false || error?.statusCode !== 400 || error?.code !== 'validation_failed') {
            problems.push(`${event} (${why}): ${JSON.stringify(ack).slice(0, 300)}`);
          }
        }
        expect(socket.named('disconnect.reason')).toEqual([]);
      } finally {
        socket.close();
      }
    }
    expect(problems).toEqual([]);
    expect(prototypeState()).toBe(cleanPrototype);
  });

  /** Socket commands and their payload DTOs, read from the gateway's metadata. */
  function socketCommands(): Array<{ event: string; dto: DtoClass }> {
    const found: Array<{ event: string; dto: DtoClass }> = [];
    for (const module of api.app.get(ModulesContainer).values()) {
      for (const wrapper of module.providers.values()) {
        const type = wrapper.metatype as DtoClass | null;
        if (typeof type !== 'function' || Reflect.getMetadata(GATEWAY_METADATA, type) !== true) continue;
        for (const key of Object.getOwnPropertyNames(type.prototype)) {
          const handler = (type.prototype as Record<string, unknown>)[key];
          const event =
            typeof handler === 'function' ? Reflect.getMetadata(MESSAGE_METADATA, handler) : undefined;
          if (typeof event !== 'string') continue;
          const types = (Reflect.getMetadata('design:paramtypes', type.prototype, key) ?? []) as DtoClass[];
          const dto = types.find(
            (candidate) => typeof candidate === 'function' && rulesOfSafe(candidate).length > 0,
          );
          if (dto) found.push({ event, dto });
        }
      }
    }
    return found;
  }
});

function rulesOfSafe(dto: DtoClass) {
  try {
    return rulesOf(dto);
  } catch {
    return [{ name: 'unknown', optional: false, rules: [] }];
  }
}

/** Collections whose documents differ, with the first differing document of each. */
function changedCollections(before: string, after: string): string[] {
  const a = JSON.parse(before) as Record<string, unknown[]>;
  const b = JSON.parse(after) as Record<string, unknown[]>;
  const changed: string[] = [];
  for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const left = (a[name] ?? []).map((doc) => JSON.stringify(doc));
    const right = (b[name] ?? []).map((doc) => JSON.stringify(doc));
    const differs = right.find((doc) => !left.includes(doc)) ?? left.find((doc) => !right.includes(doc));
    if (differs)
      changed.push(`${name} (${left.length} → ${right.length} documents), e.g. ${differs.slice(0, 300)}`);
  }
  return changed;
}
