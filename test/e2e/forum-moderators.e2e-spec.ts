import { createForum } from '../factories/forum.factory';
import { acknowledgeNotice, createTopic, registerAuthor } from '../factories/topic.factory';
import { createUser } from '../factories/user.factory';
import { startApp, type TestApp } from '../helpers/start-app';
import { replyAcknowledging } from './moderation.helpers';

/**
 * One definition of "moderator": a user listed on the forum itself (`moderatorIds`) and a user whose own list
 * names the forum (`moderatedForumIds`) are the same thing to every rule, because the two lists are mirrors.
 */
describe('Forum moderators, listed on the forum or on the user', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startApp();
  });
  afterAll(async () => {
    await api.close();
  });

  it('a moderator listed on the forum replies in a locked topic without being held, and works its queue', async () => {
    const admin = await createUser(api, { roles: ['admin'] });
    await acknowledgeNotice(api, admin);
    const forum = await createForum(api, admin, { piiPolicy: 'review', phoneRegion: 'GB' });
    const listed = await registerAuthor(api);
    await api.http
      .patch(`/api/forums/${forum.id}`)
      .set(admin.auth)
      .send({ moderatorIds: [listed.id] })
      .expect(200);
    const author = await registerAuthor(api);
    const topic = await createTopic(api, author, forum.slug);
    await api.http.post(`/api/moderation/topics/${topic.id}/lock`).set(admin.auth).send({}).expect(200);

    // The lock lets moderators through, and so does the review policy: the same answer to "moderator?".
    const reply = await replyAcknowledging(api, listed, topic.id, 'Ring the desk on 020 7946 0958 for this.');
    expect(reply.status).toBe('visible');
    await api.http.get('/api/moderation/queue').query({ forum: forum.id }).set(listed.auth).expect(200);

    // Taken off the forum's list, they are a member again everywhere.
    await api.http.patch(`/api/forums/${forum.id}`).set(admin.auth).send({ moderatorIds: [] }).expect(200);
    await api.http.post(`/api/topics/${topic.id}/posts`).set(listed.auth).send({ body: 'Again' }).expect(409);
    await api.http.get('/api/moderation/queue').query({ forum: forum.id }).set(listed.auth).expect(403);
  });

  it('a forum moderator named on the user appears on the forum’s list, and leaves it', async () => {
    const admin = await createUser(api, { roles: ['admin'] });
    const forum = await createForum(api, admin, {});
    const user = await registerAuthor(api);
    const set = (forumIds: string[]) =>
      api.http
        .put(`/api/admin/users/${user.id}/moderated-forums`)
        .set(admin.auth)
        .send({ forumIds })
        .expect(200);
    // The forum's record as admins read it back (the answer to an edit that changes nothing).
    const moderatorsOf = async () =>
      (await api.http.patch(`/api/forums/${forum.id}`).set(admin.auth).send({}).expect(200)).body
        .moderatorIds;
    await set([forum.id]);
    expect(await moderatorsOf()).toEqual([user.id]);
    await set([]);
    expect(await moderatorsOf()).toEqual([]);
  });
});
