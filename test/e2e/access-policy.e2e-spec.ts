import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { ACCESS_POLICY, Public, type AccessPolicy } from '../../src/auth/access-policy';
import { AccessGuard } from '../../src/auth/guards/access.guard';
import { AuthCookies } from '../../src/auth/auth-cookies';
import { SessionService } from '../../src/auth/session.service';
import { TokenService } from '../../src/auth/token.service';
import { UserAccountsService } from '../../src/users/user-accounts.service';
import { UsersService } from '../../src/users/users.service';
import { createForum, type TestForum } from '../factories/forum.factory';
import { acknowledgeNotice, createTopic, registerAuthor } from '../factories/topic.factory';
import { createUser, registerUser, type TestUser } from '../factories/user.factory';
import { startApp, type TestApp } from '../helpers/start-app';

const GATEWAY = 'websockets:is_gateway';
const MESSAGE = 'websockets:message_mapping';

interface Handler {
  name: string;
  policy: AccessPolicy | undefined;
}

/** Every controller route and socket event handler in the running application. */
function handlersOf(api: TestApp): Handler[] {
  const reflector = api.app.get(Reflector);
  const found: Handler[] = [];
  for (const module of api.app.get(ModulesContainer).values()) {
    const classes = [...module.controllers.values(), ...module.providers.values()]
      .map((wrapper) => wrapper.metatype)
      .filter((type): type is new (...args: never[]) => object => typeof type === 'function');
    for (const type of new Set(classes)) {
      const isController = Reflect.getMetadata(PATH_METADATA, type) !== undefined;
      const isGateway = Reflect.getMetadata(GATEWAY, type) === true;
      if (!isController && !isGateway) continue;
      for (const key of Object.getOwnPropertyNames(type.prototype)) {
        const method = (type.prototype as Record<string, unknown>)[key];
        if (key === 'constructor' || typeof method !== 'function') continue;
        const routed = isController
          ? Reflect.getMetadata(METHOD_METADATA, method) !== undefined
          : Reflect.getMetadata(MESSAGE, method) === true;
        if (!routed) continue;
        const policy = reflector.getAllAndOverride<AccessPolicy>(ACCESS_POLICY, [method, type]);
        found.push({ name: `${type.name}.${key}`, policy });
      }
    }
  }
  return found;
}

describe('Access policy', () => {
  let api: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    api = await startApp();
    admin = await createUser(api, { roles: ['admin'] });
  });
  afterAll(async () => {
    await api.close();
  });

  it('finds an explicit access policy on every route and socket event, so nothing is public by accident', () => {
    const handlers = handlersOf(api);
    expect(handlers.map((h) => h.name)).toEqual(
      expect.arrayContaining(['AuthController.login', 'MeController.me', 'AdminUsersController.setStatus']),
    );
    const missing = handlers.filter((h) => !h.policy).map((h) => h.name);
    expect(missing).toEqual([]);
  });

  it('refuses a handler that declares no policy instead of letting it through', async () => {
    class Undeclared {
      open() {
        return 'reached';
      }
      @Public()
      declared() {
        return 'reached';
      }
    }
    const guard = new AccessGuard(
      api.app.get(Reflector),
      api.app.get(TokenService),
      api.app.get(UserAccountsService),
      api.app.get(AuthCookies),
      api.app.get(SessionService),
    );
    const req = { method: 'GET', headers: {}, cookies: {} };
    const context = (handler: () => string) => {
      const host = new ExecutionContextHost([req, {}], Undeclared, handler);
      host.setType('http');
      return host;
    };
    await expect(guard.canActivate(context(Undeclared.prototype.open))).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(guard.canActivate(context(Undeclared.prototype.declared))).resolves.toBe(true);
  });

  it('answers 403 to a member on a moderator route, and lets a moderator and an admin in', async () => {
    const member = await registerUser(api);
    const res = await api.http.get('/api/audit-log').set(member.auth).expect(403);
    expect(res.body.code).toBe('forbidden');
    const moderator = await createUser(api, { roles: ['moderator'] });
    await api.http.get('/api/audit-log').set(moderator.auth).expect(200);
    await api.http.get('/api/audit-log').set(admin.auth).expect(200);
    // Roles only imply the ones below them.
    await api.http.get('/api/admin/users').set(moderator.auth).expect(403);
  });

  it('takes a role change into account on the very next request', async () => {
    const user = await registerUser(api);
    await api.http.get('/api/audit-log').set(user.auth).expect(403);
    await api.http
      .put(`/api/admin/users/${user.id}/roles`)
      .set(admin.auth)
      .send({ roles: ['moderator'] })
      .expect(200);
    await api.http.get('/api/audit-log').set(user.auth).expect(200);
  });

  describe('forum-scoped moderators', () => {
    let forumA: TestForum;
    let forumB: TestForum;

    beforeAll(async () => {
      forumA = await createForum(api, admin);
      forumB = await createForum(api, admin);
    });

    it('answers 403 to a moderator of forum A locking a topic in forum B, and lets them lock one in A', async () => {
      const author = await registerAuthor(api);
      const inA = await createTopic(api, author, forumA.slug);
      const inB = await createTopic(api, author, forumB.slug);
      const moderatorOfA = await createUser(api, { moderatedForumIds: [forumA.id] });
      const refused = await api.http
        .post(`/api/moderation/topics/${inB.id}/lock`)
        .set(moderatorOfA.auth)
        .send({})
        .expect(403);
      expect(refused.body.code).toBe('forbidden');
      await api.http
        .post(`/api/moderation/topics/${inA.id}/lock`)
        .set(moderatorOfA.auth)
        .send({})
        .expect(200);
    });
  });

  describe('restricted accounts', () => {
    let forum: TestForum;

    beforeAll(async () => {
      forum = await createForum(api, admin);
    });

    it('stops a suspended user from posting, reading their account or signing in', async () => {
      const user = await createUser(api);
      await acknowledgeNotice(api, user);
      await api.app.get(UsersService).restrict(user.id, { status: 'suspended', reason: 'spam' });
      const post = await api.http
        .post(`/api/forums/${forum.slug}/topics`)
        .set(user.auth)
        .send({ title: 'Still here', body: 'Can I post?' })
        .expect(403);
      expect(post.body.code).toBe('account_suspended');
      expect((await api.http.get('/api/me').set(user.auth).expect(403)).body.code).toBe('account_suspended');
      const login = await api.http
        .post('/api/auth/login')
        .send({ login: user.username, password: user.password })
        .expect(403);
      expect(login.body.code).toBe('account_suspended');
    });

    it('lets a silenced user read and edit their profile but not post', async () => {
      const user = await createUser(api);
      await acknowledgeNotice(api, user);
      const until = new Date(Date.now() + 3_600_000).toISOString();
      await api.app.get(UsersService).restrict(user.id, { status: 'silenced', until, reason: 'cool down' });
      const me = await api.http.get('/api/me').set(user.auth).expect(200);
      expect(me.body).toMatchObject({
        status: 'silenced',
        silencedUntil: until,
        restrictionReason: 'cool down',
      });
      await api.http.patch('/api/me').set(user.auth).send({ displayName: 'Quiet now' }).expect(200);
      await api.http.get(`/api/forums/${forum.slug}/topics`).set(user.auth).expect(200);
      const post = await api.http
        .post(`/api/forums/${forum.slug}/topics`)
        .set(user.auth)
        .send({ title: 'Hello', body: 'Let me speak' })
        .expect(403);
      expect(post.body.code).toBe('account_silenced');
    });

    it('lets a user post again once the suspension is lifted', async () => {
      const user = await createUser(api, { status: 'suspended' });
      await api.http.get('/api/me').set(user.auth).expect(403);
      await api.app.get(UsersService).restrict(user.id, { status: 'active', reason: 'appeal accepted' });
      await api.http.get('/api/me').set(user.auth).expect(200);
    });
  });
});
