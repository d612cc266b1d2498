import { proxiedImageUrl } from '../../src/infra/rendering/external-images';
import { randomBytes } from 'node:crypto';
import type { Response } from 'supertest';
import { AccountTokenRepository } from '../../src/auth/account-token.repository';
import { UnsubscribeService } from '../../src/privacy/unsubscribe.service';
import type { Actor, Expected } from './authorization-policy';
import { registerUser, type TestUser } from '../factories/user.factory';
import type { AuthorizationWorld, ItemRef, Scope } from './authorization-world';

/**
 * For every route and variant of REST_POLICY, a valid request as a given actor: a body that passes
 * validation, a target that exists and is in the state the action needs, so that an allowed actor gets a
 * 2xx answer and a refusal can only come from access control. Where an allowed request would use up or change
 * a shared fixture, it gets a fresh one (`allowed` is true when the policy expects a 2xx).
 */
export type RouteRequest = (w: AuthorizationWorld, actor: Actor, allowed: boolean) => PromiseLike<Response>;

const unique = () => randomBytes(4).toString('hex');

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** A fresh file uploaded by the shared author (each request may remove its own). */
async function authorUpload(w: AuthorizationWorld, scope: Scope): Promise<{ id: string; url: string }> {
  const res = await w.api.http
    .post(`/api/forums/${w.scope(scope).forum.slug}/uploads`)
    .set(w.author.auth)
    .attach('file', PNG, 'shared.png');
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${res.text}`);
  return res.body as { id: string; url: string };
}

/** A route whose variants all send the same request. */
const one = (request: RouteRequest) => ({ any: request });
const both = (request: (scope: Scope) => RouteRequest) => ({
  public: request('public'),
  members: request('members'),
});
const inMembers = (request: (scope: Scope) => RouteRequest) => ({ members: request('members') });

const get =
  (path: (w: AuthorizationWorld) => string): RouteRequest =>
  (w, actor) =>
    w.call(actor, 'get', path(w));

/**
 * Requests that spend the caller's account or session (sign out, password change, deletion) run as a fresh
 * copy of the actor when they are to succeed; a refused one changes nothing and runs as the actor itself.
 */
async function asClone(
  w: AuthorizationWorld,
  actor: Actor,
  allowed: boolean,
  send: (user: TestUser | undefined) => PromiseLike<Response>,
): Promise<Response> {
  if (actor === 'anonymous') return send(undefined);
  return send(allowed ? await w.clone(actor) : w.users[actor]);
}

const noticeVersion = async (w: AuthorizationWorld) =>
  (await w.api.http.get('/api/notices/public-area').expect(200)).body.version as number;

type ContentKind = 'posts' | 'messages';

/**
 * The item a moderation action needs: a fresh one in the right state when the action is to happen; for a
 * refusal the shared item serves (nothing changes, and access is checked before the item's state).
 */
async function contentTarget(
  w: AuthorizationWorld,
  kind: ContentKind,
  scope: Scope,
  status: 'visible' | 'held' | 'hidden',
  allowed: boolean,
): Promise<ItemRef> {
  const fixture = w.scope(scope);
  if (kind === 'messages') {
    if (allowed) return w.freshMessage(scope, status);
    return status === 'held' ? fixture.heldMessage : fixture.message;
  }
  if (allowed) return w.freshPost(scope, status);
  return status === 'held' ? fixture.heldPost : fixture.post;
}

const moderation = (action: string, status: 'visible' | 'held' | 'hidden', body: object | null) =>
  Object.fromEntries(
    (['posts', 'messages'] as const).map((kind): [string, RouteRequest] => {
      const request: RouteRequest = async (w, actor, allowed) => {
        const target = await contentTarget(w, kind, 'members', status, allowed);
        const path = `/api/moderation/${kind}/${target.id}/${action}`;
        // body null: a read (GET) of the item's moderation data.
        return body === null ? w.call(actor, 'get', path) : w.call(actor, 'post', path).send(body);
      };
      return [`${kind}/members`, request];
    }),
  );

const topicAction = (action: string) =>
  inMembers(
    (scope) => (w, actor) =>
      w.call(actor, 'post', `/api/moderation/topics/${w.scope(scope).actionTopic.id}/${action}`).send({}),
  );

const userAction = (action: string) =>
  one(async (w, actor, allowed) => {
    const target = allowed ? await w.freshMember() : w.victim;
    return w.call(actor, 'post', `/api/moderation/users/${target.id}/${action}`).send({ reason: 'matrix' });
  });

const queueLike = (path: string) => ({
  all: get(() => path),
  public: get((w) => `${path}?forum=${w.forums.public.id}`),
  members: get((w) => `${path}?forum=${w.forums.members.id}`),
});

const SWAGGER_UI = [
  '/api/docs',
  '/api/docs/',
  '/api/docs/index.html',
  '/api/docs/swagger-ui-init.js',
  '/api/docs/docs/swagger-ui-init.js',
  '/api/docs/openapi.json',
  '/api/docs-yaml',
];

export const REST_REQUESTS: Record<string, Record<string, RouteRequest>> = {
  // Accounts
  'POST /api/auth/register': one((w, actor) => {
    const username = `m${unique()}`;
    return w
      .call(actor, 'post', '/api/auth/register')
      .send({ username, email: `${username}@example.test`, password: `pw-${unique()}-${unique()}` });
  }),
  // The actor signs in with their own credentials; "anonymous" is someone signing in to the author's account.
  'POST /api/auth/login': one((w, actor) => {
    const user = w.user(actor) ?? w.author;
    return w.api.http.post('/api/auth/login').send({ login: user.username, password: user.password });
  }),
  // Refreshing rotates the actor's refresh cookie (from sign-up) and leaves its access token valid.
  'POST /api/auth/refresh': one((w, actor) => {
    const user = w.user(actor);
    const request = w.api.http.post('/api/auth/refresh');
    return user ? request.set('Cookie', user.session.cookies).set(user.session.csrfHeader) : request;
  }),
  // Signing out ends the session of the actor's token too, so even the suspended actor signs out as a copy.
  'POST /api/auth/logout': one((w, actor) =>
    asClone(w, actor, true, (user) => {
      const request = w.api.http.post('/api/auth/logout');
      return user ? request.set('Cookie', user.session.cookies).set(user.session.csrfHeader) : request;
    }),
  ),
  // A fresh address each time: the per-address limit is not what this matrix checks.
  'POST /api/auth/password-reset': one((w, actor) =>
    w.call(actor, 'post', '/api/auth/password-reset').send({ email: `reset-${unique()}@example.test` }),
  ),
  // A token for a throwaway account: the victim keeps its password for the other routes.
  'POST /api/auth/password-reset/confirm': one(async (w, actor) => {
    const owner = await registerUser(w.api);
    const token = await w.api.app
      .get(AccountTokenRepository)
      .issue(owner.id, 'reset-password', owner.email, 60_000);
    return w
      .call(actor, 'post', '/api/auth/password-reset/confirm')
      .send({ token, password: `a quiet ${unique()} passphrase` });
  }),
  'POST /api/auth/verify-email': one(async (w, actor) => {
    const token = await w.api.app
      .get(AccountTokenRepository)
      .issue(w.victim.id, 'verify-email', w.victim.email, 60_000);
    return w.call(actor, 'post', '/api/auth/verify-email').send({ token });
  }),
  'POST /api/me/verification-email': one((w, actor) => w.call(actor, 'post', '/api/me/verification-email')),
  'GET /api/me': one(get(() => '/api/me')),
  'PATCH /api/me': one((w, actor) => w.call(actor, 'patch', '/api/me').send({ displayName: `The ${actor}` })),
  'PATCH /api/me/password': one((w, actor, allowed) =>
    asClone(w, actor, allowed, (user) => {
      const request = w.api.http.patch('/api/me/password');
      if (!user) return request.send({ currentPassword: 'pw-unknown-1', newPassword: 'pw-unknown-2' });
      return request
        .set(user.auth)
        .send({ currentPassword: user.password, newPassword: `pw-${unique()}-new` });
    }),
  ),
  'GET /api/me/export': one(get(() => '/api/me/export')),
  'PATCH /api/me/preferences': one((w, actor) =>
    w.call(actor, 'patch', '/api/me/preferences').send({ mailings: { email: false } }),
  ),
  'DELETE /api/me': one((w, actor, allowed) =>
    asClone(w, actor, allowed, (user) => {
      const request = w.api.http.delete('/api/me');
      return user
        ? request.set(user.auth).send({ password: user.password })
        : request.send({ password: 'x' });
    }),
  ),
  'GET /api/unsubscribe': one((w, actor) =>
    w
      .call(actor, 'get', '/api/unsubscribe')
      .query({ token: w.api.app.get(UnsubscribeService).tokenFor(w.victim.id, 'mailings') }),
  ),
  'POST /api/unsubscribe': one((w, actor) =>
    w
      .call(actor, 'post', '/api/unsubscribe')
      .query({ token: w.api.app.get(UnsubscribeService).tokenFor(w.victim.id, 'mailings') }),
  ),
  'GET /api/admin/users': one(get(() => '/api/admin/users')),
  'GET /api/admin/users/:id': one(get((w) => `/api/admin/users/${w.victim.id}`)),
  // The admin's allowed changes leave the victim as it was (member, no forums, active).
  'PUT /api/admin/users/:id/roles': one((w, actor) =>
    w.call(actor, 'put', `/api/admin/users/${w.victim.id}/roles`).send({ roles: ['member'] }),
  ),
  'PUT /api/admin/users/:id/moderated-forums': one((w, actor) =>
    w.call(actor, 'put', `/api/admin/users/${w.victim.id}/moderated-forums`).send({ forumIds: [] }),
  ),
  'PUT /api/admin/users/:id/status': one((w, actor) =>
    w
      .call(actor, 'put', `/api/admin/users/${w.victim.id}/status`)
      .send({ status: 'active', reason: 'matrix' }),
  ),
  'GET /api/audit-log': one(get(() => '/api/audit-log')),

  // Operations and documentation
  'GET /api/health': one(get(() => '/api/health')),
  'GET /metrics': one(get(() => '/metrics')),
  ...Object.fromEntries(SWAGGER_UI.map((path) => [`GET ${path}`, one(get(() => path))])),
  'GET /api/docs/LICENSE': one(get(() => '/api/docs/LICENSE')),

  // Notices
  'GET /api/notices/public-area': one(get(() => '/api/notices/public-area')),
  'PUT /api/notices/public-area': one(async (w, actor, allowed) => {
    const res = await w
      .call(actor, 'put', '/api/notices/public-area')
      .send({ text: `Public-area notice, matrix version ${unique()}.` });
    // A new version asks everyone to acknowledge again before posting; the other cases must not see that.
    if (allowed && res.status < 300) await w.reacknowledge();
    return res;
  }),
  'GET /api/notices/public-area/versions': one(get(() => '/api/notices/public-area/versions')),
  'POST /api/notices/public-area/acknowledgements': one(async (w, actor) =>
    w
      .call(actor, 'post', '/api/notices/public-area/acknowledgements')
      .send({ version: await noticeVersion(w) }),
  ),
  'GET /api/notices/public-area/acknowledgements': one(
    get(() => '/api/notices/public-area/acknowledgements'),
  ),
  'GET /api/notices/privacy': one(get(() => '/api/notices/privacy')),
  'PUT /api/notices/privacy': one((w, actor) =>
    w
      .call(actor, 'put', '/api/notices/privacy')
      .send({ text: `Privacy statement, matrix version ${unique()}.` }),
  ),
  'GET /api/notices/privacy/versions': one(get(() => '/api/notices/privacy/versions')),
  'POST /api/pii/check': one((w, actor) =>
    w
      .call(actor, 'post', '/api/pii/check')
      .send({ text: 'Call me on 020 7946 0958', forum: w.forums.public.slug }),
  ),

  // Forums, topics, posts
  'POST /api/forums': one((w, actor) => {
    const slug = `matrix-${unique()}`;
    return w.call(actor, 'post', '/api/forums').send({ slug, name: `Forum ${slug}`, productName: 'Matrix' });
  }),
  'PUT /api/forums/order': one((w, actor) =>
    w
      .call(actor, 'put', '/api/forums/order')
      .send({ forumIds: [w.forums.public.id, w.forums.members.id, w.forums.other.id] }),
  ),
  'PATCH /api/forums/:id': one((w, actor) =>
    w.call(actor, 'patch', `/api/forums/${w.forums.other.id}`).send({ description: `Edited ${unique()}` }),
  ),
  'GET /api/forums': one(get(() => '/api/forums')),
  'GET /api/forums/:slug': both((scope) => get((w) => `/api/forums/${w.scope(scope).forum.slug}`)),
  'GET /api/forums/:slug/topics': both((scope) =>
    get((w) => `/api/forums/${w.scope(scope).forum.slug}/topics`),
  ),
  'POST /api/forums/:slug/topics': both(
    (scope) => (w, actor) =>
      w
        .call(actor, 'post', `/api/forums/${w.scope(scope).forum.slug}/topics`)
        .send({ title: `A topic by the ${actor}`, body: 'Opening post without personal data.' }),
  ),
  'GET /api/topics/:id': both((scope) => get((w) => `/api/topics/${w.scope(scope).topic.id}`)),
  'GET /api/topics/:id/posts': both((scope) => get((w) => `/api/topics/${w.scope(scope).topic.id}/posts`)),
  'POST /api/topics/:id/posts': both(
    (scope) => (w, actor) =>
      w
        .call(actor, 'post', `/api/topics/${w.scope(scope).topic.id}/posts`)
        .send({ body: `A reply by the ${actor}` }),
  ),
  'GET /api/topics/:id/watch': inMembers(
    (scope) => (w, actor) => w.call(actor, 'get', `/api/topics/${w.scope(scope).topic.id}/watch`),
  ),
  'PUT /api/topics/:id/watch': inMembers(
    (scope) => (w, actor) =>
      w.call(actor, 'put', `/api/topics/${w.scope(scope).topic.id}/watch`).send({ level: 'tracking' }),
  ),
  'GET /api/forums/:id/watch': inMembers(
    (scope) => (w, actor) => w.call(actor, 'get', `/api/forums/${w.scope(scope).forum.id}/watch`),
  ),
  'PUT /api/forums/:id/watch': inMembers(
    (scope) => (w, actor) =>
      w.call(actor, 'put', `/api/forums/${w.scope(scope).forum.id}/watch`).send({ level: 'tracking' }),
  ),
  'PUT /api/topics/:id/read': inMembers(
    (scope) => (w, actor) =>
      w.call(actor, 'put', `/api/topics/${w.scope(scope).topic.id}/read`).send({ seq: 1 }),
  ),
  'PUT /api/topics/:id/solution': inMembers(
    (scope) => (w, actor) =>
      w
        .call(actor, 'put', `/api/topics/${w.scope(scope).topic.id}/solution`)
        .send({ postId: w.scope(scope).post.id }),
  ),
  'DELETE /api/topics/:id/solution': inMembers(
    (scope) => (w, actor) => w.call(actor, 'delete', `/api/topics/${w.scope(scope).topic.id}/solution`),
  ),
  // Editing, deleting and the history concern the actor's own post (other people's: object-access spec).
  'PATCH /api/posts/:id': inMembers(
    (scope) => (w, actor) =>
      w
        .call(actor, 'patch', `/api/posts/${w.own(actor, scope).post.id}`)
        .send({ body: `Edited ${unique()}` }),
  ),
  'POST /api/forums/:slug/uploads': both(
    (scope) => (w, actor) =>
      w
        .call(actor, 'post', `/api/forums/${w.scope(scope).forum.slug}/uploads`)
        .attach('file', PNG, `${actor}.png`),
  ),
  'GET /media/:id/:name': one(async (w, actor) =>
    w.call(actor, 'get', (await authorUpload(w, 'public')).url),
  ),
  'GET /media/external/:signature/:encoded': one((w, actor) =>
    w.call(actor, 'get', proxiedImageUrl('https://127.0.0.1/x.png') ?? '/media/external/unset/x'),
  ),
  'DELETE /api/uploads/:id': inMembers(
    (scope) => async (w, actor) =>
      w.call(actor, 'delete', `/api/uploads/${(await authorUpload(w, scope)).id}`),
  ),
  'DELETE /api/posts/:id': inMembers(
    (scope) => (w, actor) => w.call(actor, 'delete', `/api/posts/${w.own(actor, scope).doomedPost.id}`),
  ),
  'GET /api/posts/:id/revisions': inMembers(
    (scope) => (w, actor) => w.call(actor, 'get', `/api/posts/${w.own(actor, scope).post.id}/revisions`),
  ),
  'POST /api/posts/:id/like': inMembers(
    (scope) => (w, actor) => w.call(actor, 'post', `/api/posts/${w.scope(scope).post.id}/like`),
  ),
  'DELETE /api/posts/:id/like': inMembers(
    (scope) => (w, actor) => w.call(actor, 'delete', `/api/posts/${w.scope(scope).post.id}/like`),
  ),
  'GET /api/search': both((scope) => get((w) => `/api/search?q=reply&forum=${w.scope(scope).forum.slug}`)),

  // Boards
  'GET /api/boards': one(get(() => '/api/boards')),
  'POST /api/boards': one((w, actor) => {
    const slug = `matrix-${unique()}`;
    return w
      .call(actor, 'post', '/api/boards')
      .send({ slug, name: `Board ${slug}`, forumSlug: w.forums.other.slug });
  }),
  'GET /api/boards/:slug': both((scope) => get((w) => `/api/boards/${w.scope(scope).board.slug}`)),
  'PATCH /api/boards/:slug': inMembers(
    (scope) => (w, actor) =>
      w
        .call(actor, 'patch', `/api/boards/${w.scope(scope).board.slug}`)
        .send({ description: `Edited ${unique()}` }),
  ),
  'GET /api/boards/:slug/messages': both((scope) =>
    get((w) => `/api/boards/${w.scope(scope).board.slug}/messages`),
  ),
  'POST /api/boards/:slug/messages': both(
    (scope) => (w, actor) =>
      w
        .call(actor, 'post', `/api/boards/${w.scope(scope).board.slug}/messages`)
        .send({ body: `A message by the ${actor}` }),
  ),
  'PATCH /api/boards/:slug/messages/:id': inMembers((scope) => (w, actor) => {
    const { board } = w.scope(scope);
    const id = w.own(actor, scope).message.id;
    return w
      .call(actor, 'patch', `/api/boards/${board.slug}/messages/${id}`)
      .send({ body: `Edited ${unique()}` });
  }),
  'DELETE /api/boards/:slug/messages/:id': inMembers((scope) => (w, actor) => {
    const { board } = w.scope(scope);
    return w.call(
      actor,
      'delete',
      `/api/boards/${board.slug}/messages/${w.own(actor, scope).doomedMessage.id}`,
    );
  }),
  'PUT /api/boards/:slug/messages/:id/like': inMembers((scope) => (w, actor) => {
    const { board, message } = w.scope(scope);
    return w.call(actor, 'put', `/api/boards/${board.slug}/messages/${message.id}/like`);
  }),
  'DELETE /api/boards/:slug/messages/:id/like': inMembers((scope) => (w, actor) => {
    const { board, message } = w.scope(scope);
    return w.call(actor, 'delete', `/api/boards/${board.slug}/messages/${message.id}/like`);
  }),
  'POST /api/boards/:slug/read': inMembers(
    (scope) => (w, actor) =>
      w.call(actor, 'post', `/api/boards/${w.scope(scope).board.slug}/read`).send({ seq: 1 }),
  ),

  // Notifications and reports
  'GET /api/profiles/:username': one(get((w) => `/api/profiles/${w.users.member.username}`)),
  'GET /api/users/mentionable': one(get(() => '/api/users/mentionable?q=a')),
  'GET /api/drafts/:kind/:ref': one(get(() => '/api/drafts/new-topic/some-forum')),
  'PUT /api/drafts/:kind/:ref': one((w, actor) =>
    w.call(actor, 'put', '/api/drafts/new-topic/some-forum').send({ body: 'Half a thought', title: 'Soon' }),
  ),
  'DELETE /api/drafts/:kind/:ref': one((w, actor) =>
    w.call(actor, 'delete', '/api/drafts/new-topic/some-forum'),
  ),
  'GET /api/notifications': one(get(() => '/api/notifications')),
  'GET /api/notifications/unread-count': one(get(() => '/api/notifications/unread-count')),
  'POST /api/notifications/read-all': one((w, actor) => w.call(actor, 'post', '/api/notifications/read-all')),
  'POST /api/notifications/:id/read': one((w, actor) => {
    const id = w.notification(actor === 'anonymous' ? 'member' : actor);
    return w.call(actor, 'post', `/api/notifications/${id}/read`);
  }),
  'POST /api/reports': inMembers(
    (scope) => (w, actor) =>
      w
        .call(actor, 'post', '/api/reports')
        .send({ targetType: 'post', targetId: w.scope(scope).reportedPost.id, reason: 'spam' }),
  ),

  // Moderation
  'GET /api/moderation/queue': queueLike('/api/moderation/queue'),
  'GET /api/moderation/audit': queueLike('/api/moderation/audit'),
  'POST /api/moderation/:kind/:id/approve': moderation('approve', 'held', {}),
  'POST /api/moderation/:kind/:id/reject': moderation('reject', 'held', { reason: 'matrix' }),
  'POST /api/moderation/:kind/:id/remove-personal-info': moderation('remove-personal-info', 'held', {}),
  'GET /api/moderation/:kind/:id/copies': moderation('copies', 'held', null),
  'POST /api/moderation/:kind/:id/hide': moderation('hide', 'visible', { reason: 'matrix' }),
  'POST /api/moderation/:kind/:id/unhide': moderation('unhide', 'hidden', {}),
  'POST /api/moderation/:kind/:id/edit': moderation('edit', 'visible', {
    source: 'Edited by a moderator',
    reason: 'matrix',
  }),
  'POST /api/moderation/:kind/:id/delete': moderation('delete', 'visible', { reason: 'matrix' }),
  'POST /api/moderation/:kind/:id/dismiss-reports': moderation('dismiss-reports', 'visible', {}),
  'POST /api/moderation/topics/:id/lock': topicAction('lock'),
  'POST /api/moderation/topics/:id/unlock': topicAction('unlock'),
  'POST /api/moderation/topics/:id/pin': topicAction('pin'),
  'POST /api/moderation/topics/:id/unpin': topicAction('unpin'),
  'POST /api/moderation/topics/:id/close': topicAction('close'),
  'POST /api/moderation/topics/:id/reopen': topicAction('reopen'),
  'POST /api/moderation/topics/:id/move': inMembers((scope) => async (w, actor, allowed) => {
    const topic = allowed ? await w.freshTopic(scope) : w.scope(scope).actionTopic;
    const to = w.forums[scope === 'public' ? 'members' : 'public'];
    return w.call(actor, 'post', `/api/moderation/topics/${topic.id}/move`).send({ forumId: to.id });
  }),
  'POST /api/moderation/users/:id/silence': userAction('silence'),
  'POST /api/moderation/users/:id/suspend': userAction('suspend'),
  'POST /api/moderation/users/:id/lift': userAction('lift'),
};

/** The status class of an answer, in the policy's terms. */
export function outcomeOf(status: number): Expected | number {
  return status >= 200 && status < 300 ? 'ok' : status;
}
