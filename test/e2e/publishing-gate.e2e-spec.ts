import type { AuthUser } from '../../src/auth/access-policy';
import { NoticesService } from '../../src/notices/notices.service';
import { PublishGateService } from '../../src/publishing/publish-gate.service';
import type { PiiPolicy, PublishRequest } from '../../src/publishing/publish-decision';
import { UsersService } from '../../src/users/users.service';
import { toAuthUser } from '../../src/users/user';
import { createUser } from '../factories/user.factory';
import { startApp, type TestApp } from '../helpers/start-app';
import { SAMPLES } from './publishing.helpers';

/** A real account (acknowledgements are stored on it), as the access guard would hand it to a service. */
async function accountOf(api: TestApp, overrides: Partial<AuthUser> = {}): Promise<AuthUser> {
  const { id } = await createUser(api);
  return { ...toAuthUser(await api.app.get(UsersService).getById(id)), ...overrides };
}

/** The gate as every write path calls it, against the real notices and database (no HTTP write route needed). */
describe('Publish gate', () => {
  let api: TestApp;
  let gate: PublishGateService;
  let notices: NoticesService;

  const member = (overrides: Partial<AuthUser> = {}) => accountOf(api, overrides);
  const request = (
    user: AuthUser,
    text: string,
    piiPolicy: PiiPolicy = 'warn',
    ack?: string,
  ): PublishRequest => ({
    user,
    area: { forumId: 'forum-1', piiPolicy, phoneRegion: 'GB' },
    text,
    acknowledgePersonalData: ack,
  });
  const acknowledgedMember = async (overrides: Partial<AuthUser> = {}) => {
    const user = await member(overrides);
    const { version } = await notices.current('public-area');
    await notices.acknowledge(user, version);
    return user;
  };
  const rejection = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!error) throw new Error('expected the gate to refuse');
    return error as { code: string; status: number; details: Record<string, unknown> };
  };

  beforeAll(async () => {
    api = await startApp();
    gate = api.app.get(PublishGateService, { strict: false });
    notices = api.app.get(NoticesService, { strict: false });
  });
  afterAll(async () => {
    await api.close();
  });

  it('refuses a suspended or silenced author before looking at the text', async () => {
    const suspended = await rejection(
      gate.evaluate(request(await acknowledgedMember({ status: 'suspended' }), 'hi')),
    );
    expect(suspended).toMatchObject({ code: 'account_suspended', status: 403 });
    const silenced = await rejection(
      gate.evaluate(request(await acknowledgedMember({ status: 'silenced' }), 'hi')),
    );
    expect(silenced).toMatchObject({ code: 'account_silenced', status: 403 });
  });

  it('asks for the public-area notice (428) before a first post, and publishes once it is acknowledged', async () => {
    const user = await member();
    const error = await rejection(gate.evaluate(request(user, 'Hello everyone')));
    expect(error).toMatchObject({ code: 'notice_not_acknowledged', status: 428 });
    expect(error.details).toMatchObject({ notice: { version: 1 }, acknowledgedVersion: null });
    await notices.acknowledge(user, 1);
    const decision = await gate.evaluate(request(user, 'Hello everyone'));
    expect(decision).toMatchObject({ action: 'publish', text: 'Hello everyone', masked: [] });
  });

  it('trusts the acknowledged version carried by the caller without a stored record', async () => {
    const decision = await gate.evaluate(request(await member({ noticeVersionAcknowledged: 1 }), 'Hello'));
    expect(decision.action).toBe('publish');
  });

  it('publishes a text without personal data as written, with an empty summary', async () => {
    const user = await acknowledgedMember();
    const decision = await gate.evaluate(request(user, 'Release 2.4.1 shipped on 2024-05-01', 'review'));
    expect(decision).toEqual({
      action: 'publish',
      text: 'Release 2.4.1 shipped on 2024-05-01',
      findings: {
        total: 0,
        byType: { email: 0, phone: 0 },
        rules: [],
        acknowledged: false,
        policy: 'review',
      },
      masked: [],
    });
  });

  it('answers 422 with the findings, the policy, an explanation and a digest when nothing was acknowledged', async () => {
    const user = await acknowledgedMember();
    const text = 'Call me on 020 7946 0958 after six';
    const error = await rejection(gate.evaluate(request(user, text, 'review')));
    expect(error).toMatchObject({ code: 'personal_data_detected', status: 422 });
    expect(error.details).toEqual({
      findings: [{ type: 'phone', start: 11, end: 24, text: '020 7946 0958', rule: 'phone.libphonenumber' }],
      policy: 'review',
      explanation: expect.stringMatching(/moderator/),
      findingsDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
      staleAcknowledgement: false,
    });
  });

  it('answers a new 422 when the acknowledged text gained another number', async () => {
    const user = await acknowledgedMember();
    const first = await rejection(gate.evaluate(request(user, 'Call 020 7946 0958')));
    const digest = first.details.findingsDigest as string;
    const changed = 'Call 020 7946 0958 or +33 6 12 34 56 78';
    const stale = await rejection(gate.evaluate(request(user, changed, 'warn', digest)));
    expect(stale).toMatchObject({ code: 'personal_data_detected', details: { staleAcknowledgement: true } });
    expect(stale.details.findingsDigest).not.toBe(digest);
    expect(stale.details.findings).toHaveLength(2);
  });

  it('keeps an acknowledgement valid when only the words around the same number changed', async () => {
    const user = await acknowledgedMember();
    const first = await rejection(gate.evaluate(request(user, 'Call 020 7946 0958')));
    const reworded = 'Please ring 020 7946 0958 in the evening';
    const decision = await gate.evaluate(
      request(user, reworded, 'warn', first.details.findingsDigest as string),
    );
    expect(decision.action).toBe('publish');
  });

  it('requires the new notice version after an admin publishes one', async () => {
    const user = await acknowledgedMember();
    await gate.evaluate(request(user, 'Hello'));
    const admin = await member({ roles: ['admin'] });
    const next = await notices.publish(
      'public-area',
      'Forums are public. Anyone can read what you post.',
      admin,
    );
    const error = await rejection(gate.evaluate(request(user, 'Hello again')));
    expect(error).toMatchObject({
      code: 'notice_not_acknowledged',
      details: { notice: { version: next.version } },
    });
    await notices.acknowledge(user, next.version);
    expect((await gate.evaluate(request(user, 'Hello again'))).action).toBe('publish');
  });
});

describe('Publish gate policies', () => {
  let api: TestApp;
  let gate: PublishGateService;
  let user: AuthUser;

  const samples = SAMPLES;

  const evaluateAcknowledged = async (text: string, piiPolicy: PiiPolicy, author = user) => {
    const req: PublishRequest = { user: author, area: { forumId: 'f1', piiPolicy, phoneRegion: 'GB' }, text };
    const first = await gate.evaluate(req).then(
      () => undefined,
      (e: { details: { findingsDigest: string } }) => e.details.findingsDigest,
    );
    expect(first).toBeDefined();
    return gate.evaluate({ ...req, acknowledgePersonalData: first });
  };

  beforeAll(async () => {
    api = await startApp();
    gate = api.app.get(PublishGateService, { strict: false });
    user = await accountOf(api);
    await api.app.get(NoticesService, { strict: false }).acknowledge(user, 1);
  });
  afterAll(async () => {
    await api.close();
  });

  it.each(samples)('publishes $kind as written under warn once acknowledged', async ({ text, type }) => {
    const decision = await evaluateAcknowledged(text, 'warn');
    expect(decision).toMatchObject({ action: 'publish', text, masked: [] });
    expect(decision.findings).toMatchObject({ total: 1, acknowledged: true, policy: 'warn' });
    expect(decision.findings.byType[type]).toBe(1);
  });

  it.each(samples)('holds $kind for a moderator under review', async ({ text }) => {
    const decision = await evaluateAcknowledged(text, 'review');
    expect(decision).toMatchObject({ action: 'hold', text, masked: [], reason: 'personal data' });
  });

  it.each(samples)('masks $kind under mask and says where', async ({ text, value, type }) => {
    const decision = await evaluateAcknowledged(text, 'mask');
    expect(decision.action).toBe('mask');
    expect(decision.text).not.toContain(value);
    expect(decision.masked).toEqual([{ type, start: expect.any(Number), end: expect.any(Number) }]);
    const [span] = decision.masked;
    expect(decision.text.slice(span.start, span.end)).toBe(`[${type} removed]`);
    expect(JSON.stringify(decision.findings)).not.toContain(value);
  });

  it('publishes a post by a moderator of the forum under review instead of holding it', async () => {
    const moderator: AuthUser = { ...user, moderatedForumIds: ['f1'] };
    const decision = await evaluateAcknowledged('Call me on 020 7946 0958', 'review', moderator);
    expect(decision.action).toBe('publish');
  });
});
