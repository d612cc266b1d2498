import { startApp, type TestApp } from '../helpers/start-app';
import {
  SAMPLES,
  acknowledgeNotice,
  createForum,
  createTopic,
  newMember,
  readyMember,
  reply,
  topicPosts,
  type Member,
} from './publishing.helpers';

describe('Publishing with personal data', () => {
  let api: TestApp;
  let admin: Member;
  let author: Member;
  const topics: Record<'warn' | 'review' | 'mask', string> = { warn: '', review: '', mask: '' };
  const slugs: Record<'warn' | 'review' | 'mask', string> = { warn: '', review: '', mask: '' };
  const forumIds: Record<'warn' | 'review' | 'mask', string> = { warn: '', review: '', mask: '' };

  beforeAll(async () => {
    api = await startApp();
    admin = await readyMember(api, { roles: ['admin'] });
    author = await readyMember(api);
    for (const policy of ['warn', 'review', 'mask'] as const) {
      ({ slug: slugs[policy], id: forumIds[policy] } = await createForum(api, admin, policy));
      topics[policy] = await createTopic(api, author, slugs[policy]);
    }
  });
  afterAll(async () => {
    await api.close();
  });

  /** Replies once without acknowledging (must be 422), then with the digest from that answer. */
  const replyAcknowledged = async (policy: keyof typeof topics, text: string) => {
    const refused = await reply(api, author, topics[policy], text).expect(422);
    expect(refused.body).toMatchObject({ statusCode: 422, code: 'personal_data_detected' });
    return reply(api, author, topics[policy], text, refused.body.details.findingsDigest).expect(201);
  };

  it.each(SAMPLES)('shows the author the findings in $kind before anything is published', async (sample) => {
    const res = await reply(api, author, topics.warn, sample.text).expect(422);
    const start = sample.text.indexOf(sample.value);
    expect(res.body.details).toEqual({
      findings: [
        {
          type: sample.type,
          start,
          end: start + sample.value.length,
          text: sample.value,
          rule: expect.any(String),
        },
      ],
      policy: 'warn',
      explanation: expect.any(String),
      findingsDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
      staleAcknowledgement: false,
    });
    const posts = await topicPosts(api, topics.warn, author);
    expect(JSON.stringify(posts)).not.toContain(sample.value);
  });

  it.each(SAMPLES)('publishes $kind as written in a warn forum once acknowledged', async (sample) => {
    const res = await replyAcknowledged('warn', sample.text);
    expect(res.body.post.status).toBe('visible');
    const posts = await topicPosts(api, topics.warn);
    expect(JSON.stringify(posts)).toContain(sample.value);
  });

  it.each(SAMPLES)('holds $kind for a moderator in a review forum once acknowledged', async (sample) => {
    const res = await replyAcknowledged('review', sample.text);
    expect(res.body.post).toMatchObject({ status: 'held', pending: 'waiting for a moderator' });
    expect(JSON.stringify(await topicPosts(api, topics.review))).not.toContain(sample.value);
  });

  it.each(SAMPLES)('masks $kind in a mask forum and tells the author what was masked', async (sample) => {
    const res = await replyAcknowledged('mask', sample.text);
    expect(res.body.post.status).toBe('visible');
    expect(res.body.masked).toEqual([
      { type: sample.type, start: expect.any(Number), end: expect.any(Number) },
    ]);
    expect(JSON.stringify(res.body)).not.toContain(sample.value);
    const published = JSON.stringify(await topicPosts(api, topics.mask));
    expect(published).not.toContain(sample.value);
    expect(published).toContain(`[${sample.type} removed]`);
  });

  it('answers a new 422 and publishes nothing when the acknowledged text gained another number', async () => {
    const first = await reply(api, author, topics.warn, 'Call 020 7946 0111').expect(422);
    const digest = first.body.details.findingsDigest;
    const changed = 'Call 020 7946 0111 or my mobile +33 6 98 76 54 32';
    const stale = await reply(api, author, topics.warn, changed, digest).expect(422);
    expect(stale.body.details).toMatchObject({ staleAcknowledgement: true, findings: [{}, {}] });
    expect(stale.body.details.findingsDigest).not.toBe(digest);
    expect(JSON.stringify(await topicPosts(api, topics.warn, author))).not.toContain('98 76 54 32');
  });

  /** Edits the post once without acknowledging (must be 422), then with the digest from that answer. */
  const editAcknowledged = async (postId: string, body: string) => {
    const edit = (ack?: string) =>
      api.http
        .patch(`/api/posts/${postId}`)
        .set(author.auth)
        .send(ack ? { body, acknowledgePersonalData: ack } : { body });
    const refused = await edit().expect(422);
    expect(refused.body.details.findings).toEqual([expect.objectContaining({ type: 'phone' })]);
    return edit(refused.body.details.findingsDigest).expect(200);
  };

  it('asks again when an edit adds a phone number, then publishes it in a warn forum', async () => {
    const created = await reply(api, author, topics.warn, 'Happy to help with the beta').expect(201);
    await editAcknowledged(created.body.post.id, 'Happy to help with the beta, call 020 7946 0555');
    const reader = await newMember(api);
    expect(JSON.stringify(await topicPosts(api, topics.warn, reader))).toContain('020 7946 0555');
  });

  it('masks a phone number an edit adds in a mask forum', async () => {
    const created = await reply(api, author, topics.mask, 'Ask me about the beta').expect(201);
    const edited = await editAcknowledged(created.body.post.id, 'Ask me about the beta on 020 7946 0666');
    expect(edited.body.status).toBe('visible');
    expect(JSON.stringify(await topicPosts(api, topics.mask))).not.toContain('7946 0666');
  });

  it('holds an edit that adds a phone number in a review forum and keeps the previous version visible', async () => {
    const created = await reply(api, author, topics.review, 'See you at the meetup').expect(201);
    const edited = await editAcknowledged(created.body.post.id, 'See you at the meetup, call 020 7946 0222');
    expect(edited.body).toMatchObject({ pending: 'waiting for a moderator' });
    const reader = await newMember(api);
    const seen = JSON.stringify(await topicPosts(api, topics.review, reader));
    expect(seen).not.toContain('7946 0222');
    expect(seen).toContain('See you at the meetup');
  });

  it("hides a held post from other members, anonymous readers and other forums' moderators, but not from its author and the forum's moderator", async () => {
    const held = await replyAcknowledged('review', 'My number is 020 7946 0333');
    const other = await readyMember(api);
    const forumModerator = await readyMember(api, { moderatedForumIds: [forumIds.review] });
    const elsewhereModerator = await readyMember(api, { moderatedForumIds: [forumIds.warn] });
    const ids = (posts: Array<Record<string, unknown>>) => posts.map((post) => post.id);
    expect(ids(await topicPosts(api, topics.review, other))).not.toContain(held.body.post.id);
    expect(ids(await topicPosts(api, topics.review))).not.toContain(held.body.post.id);
    expect(ids(await topicPosts(api, topics.review, elsewhereModerator))).not.toContain(held.body.post.id);
    const asModerator = await topicPosts(api, topics.review, forumModerator);
    expect(asModerator.find((post) => post.id === held.body.post.id)).toMatchObject({ status: 'held' });
    const asAuthor = await topicPosts(api, topics.review, author);
    expect(asAuthor.find((post) => post.id === held.body.post.id)).toMatchObject({ status: 'held' });
  });

  it('keeps a findings summary on the post, never the values', async () => {
    const res = await replyAcknowledged('warn', 'Mail ops@example.org or ring 020 7946 0444');
    expect(res.body.post.findings).toMatchObject({
      total: 2,
      byType: { email: 1, phone: 1 },
      acknowledged: true,
    });
    expect(JSON.stringify(res.body.post.findings)).not.toMatch(/example\.org|0444/);
  });

  it('reads the topic title too, and masks a phone number written in it', async () => {
    const send = (ack?: string) =>
      api.http.post(`/api/forums/${slugs.mask}/topics`).set(author.auth).send({
        title: 'Call 020 7946 0777 for beta keys',
        body: 'Details inside',
        acknowledgePersonalData: ack,
      });
    const refused = await send().expect(422);
    expect(refused.body.details.findings).toEqual([
      { type: 'phone', start: 5, end: 18, text: '020 7946 0777', rule: expect.any(String) },
    ]);
    const created = await send(refused.body.details.findingsDigest).expect(201);
    expect(created.body.topic.title).toBe('Call [phone removed] for beta keys');
    expect(created.body.masked).toEqual([{ type: 'phone', start: 5, end: 20 }]);
  });

  it('refuses a post from a silenced member, whatever the text', async () => {
    const silenced = await readyMember(api, { status: 'silenced' });
    const res = await reply(api, silenced, topics.warn, 'Just saying hello').expect(403);
    expect(res.body.code).toBe('account_silenced');
  });

  it('asks a new member to acknowledge the notice (428) before a first post, and publishes after', async () => {
    const member = await newMember(api);
    const refused = await reply(api, member, topics.warn, 'Hello everyone').expect(428);
    expect(refused.body).toMatchObject({
      statusCode: 428,
      code: 'notice_not_acknowledged',
      details: { notice: { version: 1, text: expect.stringContaining('public') }, acknowledgedVersion: null },
    });
    await acknowledgeNotice(api, member);
    await reply(api, member, topics.warn, 'Hello everyone').expect(201);
  });
});
