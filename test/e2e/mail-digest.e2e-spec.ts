import { DigestService } from '../../src/notifications/digest.service';
import { createForum } from '../factories/forum.factory';
import { acknowledgeNotice, createTopic, registerAuthor, reply } from '../factories/topic.factory';
import { confirmEmail, createUser, type TestUser } from '../factories/user.factory';
import { mailsTo } from '../helpers/mailpit';
import { startApp, type TestApp } from '../helpers/start-app';

describe('digest: the periodic summary', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startApp({ env: { DIGEST_SWEEP_MS: '0' } }); // the spec runs the job itself
  });
  afterAll(async () => {
    await api.close();
  });

  const digests = async (user: Pick<TestUser, 'email'>) =>
    (await mailsTo(user.email)).filter((mail) => mail.headers['X-Parley-Category']?.[0] === 'mailings');

  it('mails the popular topics to who opted in at registration, once per period, and to nobody else', async () => {
    const admin = await createUser(api, { roles: ['admin'] });
    await acknowledgeNotice(api, admin);
    const forum = await createForum(api, admin, { name: 'Acme Cloud' });
    const res = await api.http
      .post('/api/auth/register')
      .send({
        username: 'digest_fan',
        email: 'digest_fan@example.test',
        password: 'quiet harbour lantern 42',
        digest: true,
      })
      .expect(201);
    expect(res.body.user.notificationPreferences.mailings).toEqual({ inApp: true, email: true });
    const fan = { email: 'digest_fan@example.test' };
    await confirmEmail(api, fan);
    const bystander = await registerAuthor(api);
    await confirmEmail(api, bystander);

    const busy = await createTopic(api, bystander, forum.slug, { title: 'Sync stops after 2.3' });
    const quiet = await createTopic(api, bystander, forum.slug, { title: 'Dark mode request' });
    await reply(api, admin, busy.id, 'Looking into it.');
    await reply(api, admin, busy.id, 'Fixed in 2.3.1.');
    await reply(api, admin, quiet.id, 'Noted.');
    await api.settled();

    expect(await api.app.get(DigestService).run()).toBe(1);
    await api.settled();
    const [digest, ...more] = await digests(fan);
    expect(more).toEqual([]);
    expect(digest.subject).toBe('[Parley] What happened on Parley in the last 7 days');
    expect(digest.text.indexOf('Sync stops after 2.3')).toBeLessThan(
      digest.text.indexOf('Dark mode request'),
    );
    expect(digest.text).toContain('Acme Cloud, 2 replies');
    expect(digest.headers['List-Unsubscribe-Post']).toEqual(['List-Unsubscribe=One-Click']);
    expect(await digests(bystander)).toEqual([]);

    expect(await api.app.get(DigestService).run()).toBe(0); // this period's digest went already
    await api.settled();
    expect(await digests(fan)).toHaveLength(1);
  });
});
