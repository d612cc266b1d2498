import { startApp, type TestApp } from '../helpers/start-app';
import { createForum, newMember, readyMember, type Member } from './publishing.helpers';

/** Board messages pass the same publish gate as forum posts; the board's own policy overrides the forum's. */
describe('Publishing board messages', () => {
  let api: TestApp;
  let admin: Member;
  let author: Member;
  let forumSlug: string;

  const createBoard = async (piiPolicy: 'warn' | 'review' | 'mask') => {
    const slug = `board-${piiPolicy}-${Date.now().toString(36)}`;
    await api.http
      .post('/api/boards')
      .set(admin.auth)
      .send({ slug, name: `Board ${piiPolicy}`, forumSlug, piiPolicy })
      .expect(201);
    return slug;
  };
  const send = (user: Member | undefined, board: string, body: string, ack?: string) => {
    const req = api.http.post(`/api/boards/${board}/messages`);
    if (user) req.set(user.auth);
    return req.send(ack ? { body, acknowledgePersonalData: ack } : { body });
  };
  const sendAcknowledged = async (board: string, body: string) => {
    const refused = await send(author, board, body).expect(422);
    expect(refused.body).toMatchObject({
      code: 'personal_data_detected',
      details: { findings: [{ type: 'phone' }] },
    });
    return send(author, board, body, refused.body.details.findingsDigest).expect(201);
  };
  const messages = async (board: string, user?: Member) => {
    const req = api.http.get(`/api/boards/${board}/messages`);
    if (user) req.set(user.auth);
    return JSON.stringify((await req.expect(200)).body);
  };

  beforeAll(async () => {
    api = await startApp();
    admin = await readyMember(api, { roles: ['admin'] });
    author = await readyMember(api);
    forumSlug = (await createForum(api, admin, 'warn')).slug;
  });
  afterAll(async () => {
    await api.close();
  });

  it('asks for the public-area notice before a first board message', async () => {
    const board = await createBoard('warn');
    const res = await send(await newMember(api), board, 'Hello board').expect(428);
    expect(res.body.code).toBe('notice_not_acknowledged');
  });

  it('masks a phone number on a mask board even though its forum warns', async () => {
    const board = await createBoard('mask');
    const res = await sendAcknowledged(board, 'Text me on 020 7946 0888');
    expect(res.body.masked).toEqual([{ type: 'phone', start: 11, end: 26 }]);
    expect(await messages(board)).not.toContain('7946 0888');
  });

  it('holds a board message with a phone number on a review board, out of other readers’ sight', async () => {
    const board = await createBoard('review');
    await sendAcknowledged(board, 'Text me on 020 7946 0999');
    expect(await messages(board)).not.toContain('7946 0999');
    expect(await messages(board, await readyMember(api))).not.toContain('7946 0999');
  });
});
