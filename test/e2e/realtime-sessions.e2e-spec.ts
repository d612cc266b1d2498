import { ClientCommand, ServerEvent } from '../../src/realtime/socket-protocol';
import { cookieSession, registerUser, type TestUser } from '../factories/user.factory';
import { connectSocket, disconnected, type TestSocket } from '../helpers/socket-client';
import { startApp, type TestApp } from '../helpers/start-app';

/** An ended session keeps no socket: REST answers 401 and the session's sockets are cut with a reason. */
describe('Real time: sockets end with their session', () => {
  let api: TestApp;
  const sockets: TestSocket[] = [];

  const connect = async (opts: { token?: string; cookie?: string }) => {
    const socket = await connectSocket(api.url, opts);
    sockets.push(socket);
    return socket;
  };
  /** A second sign-in of the same account: its own session and access token. */
  const signInAgain = async (user: TestUser) => {
    const res = await api.http
      .post('/api/auth/login')
      .send({ login: user.username, password: user.password })
      .expect(200);
    return res.body.accessToken as string;
  };
  /** Still connected, and still served: a join is acknowledged. */
  const expectStillServed = async (socket: TestSocket) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(socket.socket.connected).toBe(true);
    const reply = await socket.send(ClientCommand.Join, { room: 'board:nowhere' });
    expect(reply).toBeDefined();
  };

  beforeAll(async () => {
    api = await startApp();
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(async () => {
    await api.close();
  });

  it('disconnects the socket of a session that logs out, with the reason, and no other session’s', async () => {
    const ann = await registerUser(api);
    const elsewhere = await connect({ token: await signInAgain(ann) });
    const here = await connect({ token: ann.token });
    const gone = disconnected(here.socket);
    await api.http.post('/api/auth/logout').set(ann.auth).expect(204);
    expect(await gone).toBe('io server disconnect');
    expect(here.named(ServerEvent.Disconnecting)[0]?.data).toEqual({
      code: 'session_ended',
      message: 'You signed out of this session',
    });
    await expectStillServed(elsewhere);
    expect(elsewhere.named(ServerEvent.Disconnecting)).toEqual([]);
  });

  it('disconnects the other sessions’ sockets after a password change, and keeps this one', async () => {
    const bob = await registerUser(api);
    const other = await connect({ token: await signInAgain(bob) });
    const current = await connect({ token: bob.token });
    const gone = disconnected(other.socket);
    await api.http
      .patch('/api/me/password')
      .set(bob.auth)
      .send({ currentPassword: bob.password, newPassword: 'a-new-password-42' })
      .expect(204);
    expect(await gone).toBe('io server disconnect');
    expect(other.named(ServerEvent.Disconnecting)[0]?.data).toMatchObject({
      code: 'session_ended',
      message: 'Your password was changed: sign in again',
    });
    await expectStillServed(current);
  });

  it('disconnects the socket of a session whose refresh token was used twice', async () => {
    const carl = await registerUser(api);
    const stolen = await cookieSession(api, carl);
    const socket = await connect({ cookie: stolen.cookies.join('; ') });
    const refresh = () =>
      api.http.post('/api/auth/refresh').set('Cookie', stolen.cookies).set(stolen.csrfHeader);
    await refresh().expect(200);
    const gone = disconnected(socket.socket);
    await refresh().expect(401);
    expect(await gone).toBe('io server disconnect');
    expect(socket.named(ServerEvent.Disconnecting)[0]?.data).toMatchObject({ code: 'session_ended' });
  });
});
