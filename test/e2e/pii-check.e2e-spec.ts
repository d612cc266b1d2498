import { startApp, type TestApp } from '../helpers/start-app';
import { createUser, registerUser } from '../factories/user.factory';
import { AppConfig } from '../../src/infra/config/app-config';
import { GENERATORS } from '../../src/pii/adversarial-inputs';

const PII_CHECK_LIMIT_PER_MINUTE = new AppConfig().PII_CHECK_LIMIT_PER_MINUTE;

describe('Live personal-data check', () => {
  let api: TestApp;
  let member: { auth: { Authorization: string } };

  beforeAll(async () => {
    api = await startApp();
    member = await registerUser(api);
  });
  afterAll(async () => {
    await api.close();
  });

  it('asks an anonymous caller to sign in', async () => {
    const res = await api.http.post('/api/pii/check').send({ text: 'ann@example.com' }).expect(401);
    expect(res.body.code).toBe('unauthenticated');
  });

  it('returns the findings and the digest that publishing the same text would ask for', async () => {
    const text = 'Mail ann@example.com or call (415) 555-0132';
    const res = await api.http.post('/api/pii/check').set(member.auth).send({ text }).expect(200);
    expect(res.body).toEqual({
      findings: [
        { type: 'email', start: 5, end: 20, text: 'ann@example.com', rule: 'email.plain' },
        {
          type: 'phone',
          start: 29,
          end: 43,
          text: '(415) 555-0132',
          rule: expect.stringMatching(/^phone\./),
        },
      ],
      findingsDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
      region: 'US',
    });
  });

  it('answers no findings and no digest for a text without personal data', async () => {
    const res = await api.http
      .post('/api/pii/check')
      .set(member.auth)
      .send({ text: 'Version 2.4.1 shipped on 2024-05-01' })
      .expect(200);
    expect(res.body).toEqual({ findings: [], findingsDigest: null, region: 'US' });
  });

  it("reads national numbers in the forum's region and states its policy", async () => {
    const admin = await createUser(api, { roles: ['admin'] });
    const slug = `fr-${Date.now().toString(36)}`;
    await api.http
      .post('/api/forums')
      .set(admin.auth)
      .send({
        slug,
        name: 'Produit',
        productName: 'Parley',
        description: 'FR',
        piiPolicy: 'mask',
        phoneRegion: 'FR',
      })
      .expect(201);
    const text = 'Appelez le 06 12 34 56 78';
    const res = await api.http
      .post('/api/pii/check')
      .set(member.auth)
      .send({ text, forum: slug })
      .expect(200);
    expect(res.body).toMatchObject({
      findings: [{ type: 'phone', start: 11, end: 25, text: '06 12 34 56 78' }],
      region: 'FR',
      policy: 'mask',
      explanation: expect.stringMatching(/mask/),
    });
  });

  it('answers 404 for a forum that does not exist', async () => {
    const res = await api.http
      .post('/api/pii/check')
      .set(member.auth)
      .send({ text: 'hello', forum: 'no-such-forum' })
      .expect(404);
    expect(res.body.code).toBe('not_found');
  });

  it('refuses operator objects and over-long texts', async () => {
    await api.http
      .post('/api/pii/check')
      .set(member.auth)
      .send({ text: { $gt: '' } })
      .expect(400);
    await api.http
      .post('/api/pii/check')
      .set(member.auth)
      .send({ text: 'x', forum: { $ne: null } })
      .expect(400);
    await api.http
      .post('/api/pii/check')
      .set(member.auth)
      .send({ text: 'x'.repeat(20_001) })
      .expect(400);
  });

  it('checks a 20 000-character run of spaced digits while other requests are answered', async () => {
    const typist = await registerUser(api);
    // The input: within every limit, and quadratic for the detector as it was.
    const text = '1 2 3 4 5 6 7 8 9 0 '.repeat(1_000);
    const answered: string[] = [];
    const checks = [0, 1, 2, 3].map((n) =>
      api.http
        .post('/api/pii/check')
        .set(typist.auth)
        .send({ text })
        .then((res) => {
          answered.push(`check ${n}`);
          return res;
        }),
    );
    const health = api.http.get('/api/health').then((res) => {
      answered.push('health');
      return res;
    });
    const [results, healthRes] = await Promise.all([Promise.all(checks), health]);
    for (const res of results) {
      expect(res.status).toBe(200);
      expect(res.body.findings).toEqual(expect.any(Array));
    }
    expect(healthRes.status).toBeLessThan(500);
    expect(answered.indexOf('health')).toBeLessThan(answered.length - 1);
  });

  it('scans a long text on a worker thread and a short one on the event loop', async () => {
    const typist = await registerUser(api);
    const scans = async () => {
      const metrics = await api.http.get('/metrics').expect(200);
      const count = (thread: string) =>
        Number(
          new RegExp(`parley_pii_scans_total\\{thread="${thread}"\\} (\\d+)`).exec(metrics.text)?.[1] ?? 0,
        );
      return { worker: count('worker'), loop: count('event-loop') };
    };
    const before = await scans();
    const long = GENERATORS['call-random-groups'](20_000);
    await Promise.all(
      [0, 1, 2, 3].map(() =>
        api.http.post('/api/pii/check').set(typist.auth).send({ text: long }).expect(200),
      ),
    );
    await api.http
      .post('/api/pii/check')
      .set(typist.auth)
      .send({ text: 'ring me on 020 7946 0958' })
      .expect(200);
    const after = await scans();
    // Counted where they ran: the four long texts never touched the event loop.
    expect({ worker: after.worker - before.worker, loop: after.loop - before.loop }).toEqual({
      worker: 4,
      loop: 1,
    });
  });

  it('slows down a client that checks more often than a typist could', async () => {
    const other = await registerUser(api);
    let limited = 0;
    for (let i = 0; i <= PII_CHECK_LIMIT_PER_MINUTE + 1; i += 1) {
      const res = await api.http
        .post('/api/pii/check')
        .set(other.auth)
        .send({ text: `draft ${i}` });
      if (res.status === 429) limited += 1;
    }
    expect(limited).toBeGreaterThan(0);
    // The budget is the typist's: a colleague checking from the same address is not slowed down.
    const colleague = await registerUser(api);
    await api.http.post('/api/pii/check').set(colleague.auth).send({ text: 'my draft' }).expect(200);
  });
});
