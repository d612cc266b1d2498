import { NotificationDeliveryService } from '../../src/notifications/notification-delivery.service';
import { MailQueue } from '../../src/mail/mail-queue.service';
import { createForum, type TestForum } from '../factories/forum.factory';
import { acknowledgeNotice, createTopic, registerAuthor, reply } from '../factories/topic.factory';
import { confirmEmail, createUser, type TestUser } from '../factories/user.factory';
import { mailsTo, waitForMails } from '../helpers/mailpit';
import { startApp, type TestApp } from '../helpers/start-app';

/** Notification mail as it arrives at Mailpit: watching, coalescing, one-click unsubscribe, who never gets it. */
describe('notification mail', () => {
  let api: TestApp;
  let admin: TestUser;
  let forum: TestForum;

  /** A member who may post and whose address is confirmed (only confirmed addresses get notification mail). */
  const verifiedAuthor = async () => {
    const user = await registerAuthor(api);
    await confirmEmail(api, user);
    return user;
  };
  const activityMails = async (user: TestUser) =>
    (await mailsTo(user.email)).filter((mail) =>
      ['replies', 'mentions'].includes(mail.headers['X-Parley-Category']?.[0] ?? ''),
    );

  beforeAll(async () => {
    api = await startApp();
    admin = await createUser(api, { roles: ['admin'] });
    await acknowledgeNotice(api, admin);
    forum = await createForum(api, admin);
  });
  afterAll(async () => {
    await api.close();
  });

  it('mails the author of a topic once for several replies in the quiet period, never for their own', async () => {
    const ann = await verifiedAuthor();
    const [bob, cy] = [await registerAuthor(api), await registerAuthor(api)];
    const topic = await createTopic(api, ann, forum.slug, { title: 'Sync stops after the update' });
    await reply(api, bob, topic.id, 'Same here since Tuesday.');
    await reply(api, ann, topic.id, 'My own follow-up.');
    await reply(api, cy, topic.id, 'Rolling back fixed it for me.');
    await api.settled(); // runs the follow-ups and sends what waits for its quiet period
    const mails = await activityMails(ann);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('[Parley] 2 new posts in "Sync stops after the update"');
    expect(mails[0].text).toContain('Same here since Tuesday.');
    expect(mails[0].text).toContain('Rolling back fixed it for me.');
    expect(mails[0].text).not.toContain('My own follow-up.');
  });

  it('gathers events that arrive at the same moment into one mail, each once however often it is delivered', async () => {
    const ann = await verifiedAuthor();
    const queue = api.app.get(MailQueue);
    const mail = {
      to: ann.email,
      userId: ann.id,
      template: 'activity' as const,
      category: 'replies' as const,
      data: {
        username: ann.username,
        forumName: 'F',
        topicTitle: 'At once',
        topicUrl: 'http://x/t/1',
        items: [],
      },
    };
    const item = (n: number) => ({
      listField: 'items',
      value: { type: 'reply', authorName: `writer${n}`, excerpt: `post ${n}`, url: 'http://x/t/1' },
      onceKey: `event-${n}`,
    });
    // Five events at once, and the third delivered twice.
    await Promise.all([1, 2, 3, 3, 4, 5].map((n) => queue.gather(`test:${ann.id}`, mail, item(n), 60_000)));
    await api.settled();
    const mails = await activityMails(ann);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('[Parley] 5 new posts in "At once"');
  });

  it('removes redacted personal data from mail still waiting for its quiet period', async () => {
    const ann = await verifiedAuthor();
    // A reply mail waiting for its quiet period quotes a phone number that a moderator then removes.
    await api.app.get(MailQueue).gather(
      `test-redact:${ann.id}`,
      {
        to: ann.email,
        userId: ann.id,
        template: 'activity',
        category: 'replies',
        data: {
          username: ann.username,
          forumName: 'F',
          topicTitle: 'Redacted',
          topicUrl: 'http://x/t/1',
          items: [],
        },
      },
      {
        listField: 'items',
        value: { type: 'reply', authorName: 'bob', excerpt: 'Call me on 020 7946 0958', url: 'http://x/t/1' },
        onceKey: 'redact-1',
      },
      60_000,
    );
    await api.app
      .get(NotificationDeliveryService)
      .scrubContent({ postId: 'none' }, 'Call me on [phone removed]', [
        { value: '020 7946 0958', label: '[phone removed]' },
      ]);
    await api.settled();
    const [mail] = (await activityMails(ann)).filter((caught) => caught.subject.includes('Redacted'));
    expect(mail.text).toContain('Call me on [phone removed]');
    expect(mail.text).not.toContain('7946');
  });

  it('unsubscribes with one click through the List-Unsubscribe header (RFC 8058), and no more reply mail comes', async () => {
    const ann = await verifiedAuthor();
    const bob = await registerAuthor(api);
    const topic = await createTopic(api, ann, forum.slug);
    await reply(api, bob, topic.id, 'A first answer.');
    await api.settled();
    const [mail] = await activityMails(ann);
    expect(mail.headers['List-Unsubscribe-Post']).toEqual(['List-Unsubscribe=One-Click']);
    const url = new URL(/^<(.+)>$/.exec(mail.headers['List-Unsubscribe'][0])![1]);
    // What a mail client does: POST the form body to the header's URL, no cookie, no sign-in.
    await api.http
      .post(`${url.pathname}${url.search}`)
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200, { unsubscribed: true, kind: 'replies' });
    const me = await api.http.get('/api/me').set(ann.auth).expect(200);
    expect(me.body.notificationPreferences.replies).toEqual({ inApp: true, email: false });
    await reply(api, bob, topic.id, 'A second answer.');
    await api.settled();
    expect(await activityMails(ann)).toHaveLength(1);
  });

  it('sends nothing from a muted topic, and mails a forum watcher about every new post', async () => {
    const ann = await verifiedAuthor();
    const watcher = await verifiedAuthor();
    const bob = await registerAuthor(api);
    await api.http
      .put(`/api/forums/${forum.id}/watch`)
      .set(watcher.auth)
      .send({ level: 'watching' })
      .expect(200);
    const topic = await createTopic(api, bob, forum.slug, { title: 'Muted or watched' });
    await api.http.put(`/api/topics/${topic.id}/watch`).set(ann.auth).send({ level: 'muted' }).expect(200);
    await reply(api, bob, topic.id, `Hey @${ann.username}, have a look.`);
    await api.settled();
    expect(await activityMails(ann)).toEqual([]);
    const watched = await activityMails(watcher);
    expect(watched.map((mail) => mail.subject)).toContain('[Parley] 2 new posts in "Muted or watched"');
    await api.http
      .put(`/api/forums/${forum.id}/watch`)
      .set(watcher.auth)
      .send({ level: 'normal' })
      .expect(200);
  });

  it('never mails about a members-only forum to a watcher who can no longer read it, nor to an unconfirmed address', async () => {
    const members = await createForum(api, admin, { visibility: 'members' });
    const suspended = await verifiedAuthor();
    const unconfirmed = await registerAuthor(api);
    for (const user of [suspended, unconfirmed]) {
      await api.http
        .put(`/api/forums/${members.id}/watch`)
        .set(user.auth)
        .send({ level: 'watching' })
        .expect(200);
    }
    await api.http
      .put(`/api/admin/users/${suspended.id}/status`)
      .set(admin.auth)
      .send({ status: 'suspended', reason: 'testing' })
      .expect(200);
    const bob = await registerAuthor(api);
    await createTopic(api, bob, members.slug);
    await api.settled();
    expect(await activityMails(suspended)).toEqual([]);
    // The suspension itself is a moderation decision about them, and is mailed.
    const told = await mailsTo(suspended.email);
    expect(told.map((mail) => mail.headers['X-Parley-Category']?.[0])).toEqual(['account', 'moderation']);
    expect(await activityMails(unconfirmed)).toEqual([]);
    expect(await waitForMails(unconfirmed.email)).toHaveLength(1); // only its confirmation mail
  });
});
