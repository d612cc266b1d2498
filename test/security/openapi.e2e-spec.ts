import { proxiedImageUrl } from '../../src/infra/rendering/external-images';
import { linkIn, waitForMails } from '../helpers/mailpit';
import { UnsubscribeService } from '../../src/privacy/unsubscribe.service';
import { replyAcknowledging } from '../e2e/moderation.helpers';
import { createBoard, postMessage, type TestBoard } from '../factories/board.factory';
import { createForum, type TestForum } from '../factories/forum.factory';
import {
  acknowledgeNotice,
  createTopic,
  registerAuthor,
  reply,
  type TestTopic,
} from '../factories/topic.factory';
import { cookieSession, createUser, registerUser, type TestUser } from '../factories/user.factory';
import { appRoutes, toOpenApiPath, type AppRoute } from '../helpers/app-routes';
import { OpenApiResponses, type OpenApiDocument, type ResponseLike } from '../helpers/openapi';
import { httpRoutesOf } from '../helpers/route-table';
import { startApp, type TestApp } from '../helpers/start-app';

/**
 * The OpenAPI document (/api/docs/openapi.json) against the running application: every route is in it, every
 * operation documents what it answers, and every route, called once to succeed and once to fail, answers what
 * its document says (test/helpers/openapi.ts closes every object, so an undocumented field fails too).
 * Every other e2e spec checks its responses the same way through startApp (PARLEY_OPENAPI_CHECK).
 */

interface World {
  admin: TestUser;
  member: TestUser;
  forum: TestForum;
  reviewForum: TestForum;
  otherForum: TestForum;
  topic: TestTopic;
  board: TestBoard;
  adminPostId: string;
}

interface Call {
  /** A concrete path (with its query string). */
  path: string;
  as?: TestUser | { headers: Record<string, string> };
  body?: object;
  /** Multipart uploads: files sent as form parts (with `body` as text fields). */
  files?: Array<{ field: string; bytes: Buffer; name: string }>;
  status: number;
}

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function uploadedBy(api: TestApp, user: TestUser, slug: string): Promise<{ id: string; url: string }> {
  const res = await api.http
    .post(`/api/forums/${slug}/uploads`)
    .set(user.auth)
    .attach('file', PNG, 'dot.png');
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${res.text}`);
  return res.body as { id: string; url: string };
}

type CallFor = (w: World, api: TestApp) => Promise<Call> | Call;

const SENTENCE = 'A notice text that is long enough to publish.';

/** A user nobody else uses, for calls that change or end an account. */
const throwaway = (api: TestApp) => registerUser(api);

/** A post by the member, for moderation calls that change its state. */
async function memberPost(api: TestApp, w: World, body = 'A post for a moderator to act on') {
  return (await replyAcknowledging(api, w.member, w.topic.id, body)).id;
}

/**
 * One successful call per route, as `METHOD path` of the router. A route missing here fails the test: add how
 * to call it. Calls run in this order (publishing a new public-area notice last: everyone must acknowledge it).
 */
const SUCCESS: Record<string, CallFor> = {
  'GET /api/health': () => ({ path: '/api/health', status: 200 }),
  'GET /metrics': () => ({ path: '/metrics', status: 200 }),
  'POST /api/auth/register': () => ({
    path: '/api/auth/register',
    body: {
      username: `fresh${Date.now().toString(36)}`,
      email: `f${Date.now()}@example.test`,
      password: 'long enough passphrase',
    },
    status: 201,
  }),
  'POST /api/auth/password-reset': (w) => ({
    path: '/api/auth/password-reset',
    body: { email: w.member.email },
    status: 202,
  }),
  'POST /api/auth/password-reset/confirm': async (_w, api) => {
    const user = await throwaway(api);
    await api.http.post('/api/auth/password-reset').send({ email: user.email }).expect(202);
    const reset = (await waitForMails(user.email, 2)).find((mail) => mail.subject.includes('Reset'));
    const token = reset ? linkIn(reset, '/reset-password?token=').searchParams.get('token') : 'none';
    return {
      path: '/api/auth/password-reset/confirm',
      body: { token, password: 'a fresh quiet passphrase' },
      status: 204,
    };
  },
  'POST /api/auth/verify-email': async (_w, api) => {
    const user = await throwaway(api);
    const [confirm] = await waitForMails(user.email);
    return {
      path: '/api/auth/verify-email',
      body: { token: linkIn(confirm, '/verify-email?token=').searchParams.get('token') },
      status: 200,
    };
  },
  'GET /api/topics/:id/watch': (w) => ({
    path: `/api/topics/${w.topic.id}/watch`,
    as: w.member,
    status: 200,
  }),
  'PUT /api/topics/:id/watch': (w) => ({
    path: `/api/topics/${w.topic.id}/watch`,
    as: w.member,
    body: { level: 'tracking' },
    status: 200,
  }),
  'GET /api/forums/:id/watch': (w) => ({
    path: `/api/forums/${w.forum.id}/watch`,
    as: w.member,
    status: 200,
  }),
  'PUT /api/forums/:id/watch': (w) => ({
    path: `/api/forums/${w.forum.id}/watch`,
    as: w.member,
    body: { level: 'tracking' },
    status: 200,
  }),
  'POST /api/me/verification-email': (w) => ({
    path: '/api/me/verification-email',
    as: w.member,
    status: 204,
  }),
  'POST /api/auth/login': (w) => ({
    path: '/api/auth/login',
    body: { login: w.member.username, password: w.member.password },
    status: 200,
  }),
  'POST /api/auth/refresh': async (w, api) => {
    const session = await cookieSession(api, w.member);
    return {
      path: '/api/auth/refresh',
      as: { headers: { Cookie: session.cookies.join('; '), ...session.csrfHeader } },
      status: 200,
    };
  },
  'POST /api/auth/logout': async (_w, api) => ({
    path: '/api/auth/logout',
    as: await throwaway(api),
    status: 204,
  }),
  'GET /api/me': (w) => ({ path: '/api/me', as: w.member, status: 200 }),
  'PATCH /api/me': (w) => ({ path: '/api/me', as: w.member, body: { displayName: 'Member M' }, status: 200 }),
  'PATCH /api/me/password': async (_w, api) => {
    const user = await throwaway(api);
    return {
      path: '/api/me/password',
      as: user,
      body: { currentPassword: user.password, newPassword: 'another long password' },
      status: 204,
    };
  },
  'GET /api/me/export': (w) => ({ path: '/api/me/export', as: w.member, status: 200 }),
  'PATCH /api/me/preferences': (w) => ({
    path: '/api/me/preferences',
    as: w.member,
    body: { mailings: { email: false } },
    status: 200,
  }),
  'DELETE /api/me': async (_w, api) => {
    const user = await throwaway(api);
    return { path: '/api/me', as: user, body: { password: user.password }, status: 204 };
  },
  'GET /api/unsubscribe': (w, api) => ({
    path: `/api/unsubscribe?token=${encodeURIComponent(api.app.get(UnsubscribeService).tokenFor(w.member.id, 'mentions'))}`,
    status: 200,
  }),
  'POST /api/unsubscribe': (w, api) => ({
    path: `/api/unsubscribe?token=${encodeURIComponent(api.app.get(UnsubscribeService).tokenFor(w.member.id, 'replies'))}`,
    status: 200,
  }),
  'GET /api/admin/users': (w) => ({ path: '/api/admin/users?limit=5', as: w.admin, status: 200 }),
  'GET /api/admin/users/:id': (w) => ({ path: `/api/admin/users/${w.member.id}`, as: w.admin, status: 200 }),
  'PUT /api/admin/users/:id/roles': async (w, api) => ({
    path: `/api/admin/users/${(await throwaway(api)).id}/roles`,
    as: w.admin,
    body: { roles: ['member', 'moderator'] },
    status: 200,
  }),
  'PUT /api/admin/users/:id/moderated-forums': async (w, api) => ({
    path: `/api/admin/users/${(await throwaway(api)).id}/moderated-forums`,
    as: w.admin,
    body: { forumIds: [w.forum.id] },
    status: 200,
  }),
  'PUT /api/admin/users/:id/status': async (w, api) => ({
    path: `/api/admin/users/${(await throwaway(api)).id}/status`,
    as: w.admin,
    body: { status: 'silenced', reason: 'Cooling down' },
    status: 200,
  }),
  'GET /api/audit-log': (w) => ({ path: '/api/audit-log', as: w.admin, status: 200 }),
  'GET /api/notices/public-area': (w) => ({ path: '/api/notices/public-area', as: w.member, status: 200 }),
  'GET /api/notices/public-area/versions': () => ({ path: '/api/notices/public-area/versions', status: 200 }),
  'POST /api/notices/public-area/acknowledgements': (w) => ({
    path: '/api/notices/public-area/acknowledgements',
    as: w.member,
    body: { version: 1 },
    status: 201,
  }),
  'GET /api/notices/public-area/acknowledgements': (w) => ({
    path: '/api/notices/public-area/acknowledgements',
    as: w.member,
    status: 200,
  }),
  'GET /api/notices/privacy': () => ({ path: '/api/notices/privacy', status: 200 }),
  'PUT /api/notices/privacy': (w) => ({
    path: '/api/notices/privacy',
    as: w.admin,
    body: { text: SENTENCE },
    status: 200,
  }),
  'GET /api/notices/privacy/versions': () => ({ path: '/api/notices/privacy/versions', status: 200 }),
  'POST /api/pii/check': (w) => ({
    path: '/api/pii/check',
    as: w.member,
    body: { text: 'Mail ann@example.com', forum: w.forum.slug },
    status: 200,
  }),
  'GET /api/forums': (w) => ({ path: '/api/forums', as: w.member, status: 200 }),
  'POST /api/forums': (w) => ({
    path: '/api/forums',
    as: w.admin,
    body: { slug: `made-${Date.now().toString(36)}`, name: 'Made here', productName: 'Product' },
    status: 201,
  }),
  'PUT /api/forums/order': async (w, api) => {
    const list = await api.http.get('/api/forums').set(w.admin.auth);
    const ids = (list.body.items as Array<{ id: string }>).map((forum) => forum.id);
    return { path: '/api/forums/order', as: w.admin, body: { forumIds: ids.reverse() }, status: 200 };
  },
  'PATCH /api/forums/:id': (w) => ({
    path: `/api/forums/${w.forum.id}`,
    as: w.admin,
    body: { description: 'Described' },
    status: 200,
  }),
  'GET /api/forums/:slug': (w) => ({ path: `/api/forums/${w.forum.slug}`, status: 200 }),
  'GET /api/forums/:slug/topics': (w) => ({
    path: `/api/forums/${w.forum.slug}/topics`,
    as: w.member,
    status: 200,
  }),
  'POST /api/forums/:slug/topics': (w) => ({
    path: `/api/forums/${w.forum.slug}/topics`,
    as: w.member,
    body: { title: 'Another topic', body: 'Its first post' },
    status: 201,
  }),
  'GET /api/topics/:id': (w) => ({ path: `/api/topics/${w.topic.id}`, as: w.member, status: 200 }),
  'GET /api/topics/:id/posts': (w) => ({ path: `/api/topics/${w.topic.id}/posts`, as: w.admin, status: 200 }),
  'POST /api/topics/:id/posts': (w) => ({
    path: `/api/topics/${w.topic.id}/posts`,
    as: w.member,
    body: { body: 'A reply' },
    status: 201,
  }),
  'PUT /api/topics/:id/read': (w) => ({
    path: `/api/topics/${w.topic.id}/read`,
    as: w.member,
    body: { seq: 1 },
    status: 200,
  }),
  'PUT /api/topics/:id/solution': (w) => ({
    path: `/api/topics/${w.topic.id}/solution`,
    as: w.admin,
    body: { postId: w.adminPostId },
    status: 200,
  }),
  'DELETE /api/topics/:id/solution': (w) => ({
    path: `/api/topics/${w.topic.id}/solution`,
    as: w.admin,
    status: 200,
  }),
  'PATCH /api/posts/:id': async (w, api) => ({
    path: `/api/posts/${await memberPost(api, w, 'First words')}`,
    as: w.member,
    body: { body: 'Second words', reason: 'clearer' },
    status: 200,
  }),
  'DELETE /api/posts/:id': async (w, api) => ({
    path: `/api/posts/${await memberPost(api, w)}`,
    as: w.member,
    status: 200,
  }),
  'GET /api/posts/:id/revisions': async (w, api) => {
    const id = await memberPost(api, w, 'Before');
    await api.http.patch(`/api/posts/${id}`).set(w.member.auth).send({ body: 'After' }).expect(200);
    return { path: `/api/posts/${id}/revisions`, as: w.member, status: 200 };
  },
  'POST /api/posts/:id/like': (w) => ({
    path: `/api/posts/${w.adminPostId}/like`,
    as: w.member,
    status: 201,
  }),
  'DELETE /api/posts/:id/like': (w) => ({
    path: `/api/posts/${w.adminPostId}/like`,
    as: w.member,
    status: 200,
  }),
  'GET /api/search': () => ({ path: '/api/search?q=first', status: 200 }),
  'GET /api/boards': (w) => ({ path: '/api/boards', as: w.member, status: 200 }),
  'POST /api/boards': (w) => ({
    path: '/api/boards',
    as: w.admin,
    body: { slug: `b-${Date.now().toString(36)}`, name: 'A board', forumSlug: w.forum.slug },
    status: 201,
  }),
  'GET /api/boards/:slug': (w) => ({ path: `/api/boards/${w.board.slug}`, status: 200 }),
  'PATCH /api/boards/:slug': (w) => ({
    path: `/api/boards/${w.board.slug}`,
    as: w.admin,
    body: { description: 'Live questions' },
    status: 200,
  }),
  'GET /api/boards/:slug/messages': (w) => ({
    path: `/api/boards/${w.board.slug}/messages`,
    as: w.member,
    status: 200,
  }),
  'POST /api/boards/:slug/messages': (w) => ({
    path: `/api/boards/${w.board.slug}/messages`,
    as: w.member,
    body: { body: 'Hello board' },
    status: 201,
  }),
  'PATCH /api/boards/:slug/messages/:id': async (w, api) => ({
    path: `/api/boards/${w.board.slug}/messages/${(await postMessage(api, w.member, w.board.slug, 'draft')).id}`,
    as: w.member,
    body: { body: 'final' },
    status: 200,
  }),
  'DELETE /api/boards/:slug/messages/:id': async (w, api) => ({
    path: `/api/boards/${w.board.slug}/messages/${(await postMessage(api, w.member, w.board.slug, 'oops')).id}`,
    as: w.member,
    status: 200,
  }),
  'PUT /api/boards/:slug/messages/:id/like': async (w, api) => ({
    path: `/api/boards/${w.board.slug}/messages/${(await postMessage(api, w.admin, w.board.slug, 'like me')).id}/like`,
    as: w.member,
    status: 200,
  }),
  'DELETE /api/boards/:slug/messages/:id/like': async (w, api) => ({
    path: `/api/boards/${w.board.slug}/messages/${(await postMessage(api, w.admin, w.board.slug, 'unlike me')).id}/like`,
    as: w.member,
    status: 200,
  }),
  'POST /api/boards/:slug/read': (w) => ({
    path: `/api/boards/${w.board.slug}/read`,
    as: w.member,
    body: { seq: 1 },
    status: 200,
  }),
  'GET /api/profiles/:username': (w) => ({ path: `/api/profiles/${w.member.username}`, status: 200 }),
  'GET /api/users/mentionable': (w) => ({
    path: `/api/users/mentionable?q=${w.member.username.slice(0, 3)}`,
    as: w.member,
    status: 200,
  }),
  'PUT /api/drafts/:kind/:ref': (w) => ({
    path: '/api/drafts/board/some-board',
    as: w.member,
    body: { body: 'Half a thought', replyTo: 3 },
    status: 200,
  }),
  'GET /api/drafts/:kind/:ref': (w) => ({ path: '/api/drafts/board/some-board', as: w.member, status: 200 }),
  'DELETE /api/drafts/:kind/:ref': (w) => ({
    path: '/api/drafts/board/some-board',
    as: w.member,
    status: 204,
  }),
  'GET /api/notifications': (w) => ({ path: '/api/notifications', as: w.member, status: 200 }),
  'GET /api/notifications/unread-count': (w) => ({
    path: '/api/notifications/unread-count',
    as: w.member,
    status: 200,
  }),
  'POST /api/notifications/:id/read': async (w, api) => {
    const inbox = await api.http.get('/api/notifications').set(w.member.auth).expect(200);
    const id = (inbox.body.items as Array<{ id: string }>)[0].id;
    return { path: `/api/notifications/${id}/read`, as: w.member, status: 200 };
  },
  'POST /api/notifications/read-all': (w) => ({
    path: '/api/notifications/read-all',
    as: w.member,
    status: 200,
  }),
  'POST /api/reports': (w) => ({
    path: '/api/reports',
    as: w.member,
    body: { targetType: 'post', targetId: w.adminPostId, reason: 'spam', note: 'looks automated' },
    status: 201,
  }),
  'GET /api/moderation/queue': (w) => ({ path: '/api/moderation/queue', as: w.admin, status: 200 }),
  'GET /api/moderation/audit': (w) => ({ path: '/api/moderation/audit', as: w.admin, status: 200 }),
  'POST /api/moderation/:kind/:id/approve': async (w, api) => ({
    path: `/api/moderation/posts/${await heldPost(api, w)}/approve`,
    as: w.admin,
    status: 200,
  }),
  'POST /api/moderation/:kind/:id/reject': async (w, api) => ({
    path: `/api/moderation/posts/${await heldPost(api, w)}/reject`,
    as: w.admin,
    body: { reason: 'Personal data' },
    status: 200,
  }),
  'POST /api/moderation/:kind/:id/remove-personal-info': async (w, api) => ({
    path: `/api/moderation/posts/${await memberPost(api, w, 'Write to ann@example.com')}/remove-personal-info`,
    as: w.admin,
    body: {},
    status: 200,
  }),
  'GET /api/moderation/:kind/:id/copies': async (w, api) => ({
    path: `/api/moderation/posts/${await memberPost(api, w, 'Write to ann@example.com')}/copies`,
    as: w.admin,
    status: 200,
  }),
  'POST /api/moderation/:kind/:id/hide': async (w, api) => ({
    path: `/api/moderation/posts/${await memberPost(api, w)}/hide`,
    as: w.admin,
    body: { reason: 'Heated' },
    status: 200,
  }),
  'POST /api/moderation/:kind/:id/unhide': async (w, api) => {
    const id = await memberPost(api, w);
    await api.http.post(`/api/moderation/posts/${id}/hide`).set(w.admin.auth).send({}).expect(200);
    return { path: `/api/moderation/posts/${id}/unhide`, as: w.admin, body: {}, status: 200 };
  },
  'POST /api/moderation/:kind/:id/edit': async (w, api) => ({
    path: `/api/moderation/posts/${await memberPost(api, w)}/edit`,
    as: w.admin,
    body: { source: 'A calmer text', reason: 'Tone' },
    status: 200,
  }),
  'POST /api/moderation/:kind/:id/delete': async (w, api) => ({
    path: `/api/moderation/posts/${await memberPost(api, w)}/delete`,
    as: w.admin,
    body: { reason: 'Spam' },
    status: 200,
  }),
  'POST /api/moderation/:kind/:id/dismiss-reports': (w) => ({
    path: `/api/moderation/posts/${w.adminPostId}/dismiss-reports`,
    as: w.admin,
    body: {},
    status: 200,
  }),
  'POST /api/moderation/topics/:id/lock': (w) => topicAction(w, 'lock'),
  'POST /api/moderation/topics/:id/unlock': (w) => topicAction(w, 'unlock'),
  'POST /api/moderation/topics/:id/pin': (w) => topicAction(w, 'pin'),
  'POST /api/moderation/topics/:id/unpin': (w) => topicAction(w, 'unpin'),
  'POST /api/moderation/topics/:id/close': (w) => topicAction(w, 'close'),
  'POST /api/moderation/topics/:id/reopen': (w) => topicAction(w, 'reopen'),
  'POST /api/moderation/topics/:id/move': async (w, api) => ({
    path: `/api/moderation/topics/${(await createTopic(api, w.member, w.forum.slug)).id}/move`,
    as: w.admin,
    body: { forumId: w.otherForum.id },
    status: 200,
  }),
  'POST /api/moderation/users/:id/silence': async (w, api) => ({
    path: `/api/moderation/users/${(await throwaway(api)).id}/silence`,
    as: w.admin,
    body: { reason: 'Cooling down' },
    status: 200,
  }),
  'POST /api/moderation/users/:id/suspend': async (w, api) => ({
    path: `/api/moderation/users/${(await throwaway(api)).id}/suspend`,
    as: w.admin,
    body: { reason: 'Spam', until: new Date(Date.now() + 86_400_000).toISOString() },
    status: 200,
  }),
  'POST /api/moderation/users/:id/lift': async (w, api) => {
    const user = await throwaway(api);
    await api.http
      .post(`/api/moderation/users/${user.id}/silence`)
      .set(w.admin.auth)
      .send({ reason: 'Cooling down' })
      .expect(200);
    return {
      path: `/api/moderation/users/${user.id}/lift`,
      as: w.admin,
      body: { reason: 'Over' },
      status: 200,
    };
  },
  'POST /api/forums/:slug/uploads': (w) => ({
    path: `/api/forums/${w.forum.slug}/uploads`,
    as: w.member,
    files: [{ field: 'file', bytes: PNG, name: 'dot.png' }],
    status: 201,
  }),
  'GET /media/:id/:name': async (w, api) => ({
    path: (await uploadedBy(api, w.member, w.forum.slug)).url,
    status: 200,
  }),
  // No public https host is reachable from a test run, so the proxy's answer here is its refusal of a
  // loopback address (test/e2e/image-proxy-fetch.e2e-spec.ts covers the 200 against a local TLS host).
  'GET /media/external/:signature/:encoded': () => ({
    path: proxiedImageUrl('https://127.0.0.1/x.png') ?? '/media/external/unconfigured/x',
    status: 403,
  }),
  'DELETE /api/uploads/:id': async (w, api) => ({
    path: `/api/uploads/${(await uploadedBy(api, w.member, w.forum.slug)).id}`,
    as: w.member,
    status: 204,
  }),
  // Last: every author must acknowledge the new version before posting again.
  'PUT /api/notices/public-area': (w) => ({
    path: '/api/notices/public-area',
    as: w.admin,
    body: { text: SENTENCE },
    status: 200,
  }),
};

/** Routes with no input and open to everyone: nothing a client sends can make them fail. */
const NO_ERROR_PATH = [
  'GET /api/health',
  'GET /metrics',
  'GET /api/forums',
  'GET /api/boards',
  'GET /api/notices/public-area',
  'GET /api/notices/privacy',
  'POST /api/auth/logout',
];

/** Calls that fail for a reason other than the generic ones derived in errorFor(). */
const ERROR: Record<string, CallFor> = {
  'POST /api/auth/refresh': () => ({ path: '/api/auth/refresh', status: 401 }),
};

function topicAction(w: World, action: string): Call {
  return {
    path: `/api/moderation/topics/${w.topic.id}/${action}`,
    as: w.admin,
    body: { reason: 'Tidying' },
    status: 200,
  };
}

async function heldPost(api: TestApp, w: World): Promise<string> {
  const topic = await createTopic(api, w.admin, w.reviewForum.slug);
  return (await replyAcknowledging(api, w.member, topic.id, 'Call me on 020 7946 0958')).id;
}

/**
 * A typical failure for a route: anonymous on a signed-in route (401); otherwise an unknown body property, an
 * unknown query parameter or a malformed path parameter (400).
 */
function errorFor(route: AppRoute, success: Call, w: World): Call | undefined {
  if (route.policy?.kind !== 'public') return { ...success, as: undefined, status: 401 };
  if (route.params) {
    return { ...success, as: w.admin, path: route.path.replace(/:[A-Za-z]+/g, '!'.repeat(60)), status: 400 };
  }
  if (route.body) return { ...success, body: { ...success.body, unexpectedField: 1 }, status: 400 };
  if (route.query) {
    const joiner = success.path.includes('?') ? '&' : '?';
    return { ...success, path: `${success.path}${joiner}unexpectedField=1`, status: 400 };
  }
  return undefined;
}

describe('The OpenAPI document', () => {
  let api: TestApp;
  let document: OpenApiDocument;
  let responses: OpenApiResponses;
  let world: World;

  beforeAll(async () => {
    api = await startApp({ env: { PII_CHECK_LIMIT_PER_MINUTE: '1000' } });
    document = (await api.http.get('/api/docs/openapi.json').expect(200)).body as OpenApiDocument;
    responses = new OpenApiResponses(document);
    const admin = await createUser(api, { roles: ['admin', 'moderator'] });
    await acknowledgeNotice(api, admin);
    const member = await registerAuthor(api);
    const forum = await createForum(api, admin);
    const reviewForum = await createForum(api, admin, { piiPolicy: 'review', phoneRegion: 'GB' });
    const otherForum = await createForum(api, admin);
    const topic = await createTopic(api, member, forum.slug, { title: 'The first topic' });
    // A reply to the member's topic: the member has a notification.
    const adminPost = await reply(api, admin, topic.id, `Welcome, @${member.username}`);
    const board = await createBoard(api, admin, forum.slug);
    await postMessage(api, member, board.slug, 'First message');
    world = { admin, member, forum, reviewForum, otherForum, topic, board, adminPostId: adminPost.id };
  });
  afterAll(async () => {
    await api.close();
  });

  it('lists every route the application serves, and nothing it does not', () => {
    const served = httpRoutesOf(api)
      .filter((route) => !/ \/api\/docs/.test(route))
      .map((route) => {
        const [method, path] = route.split(' ');
        return `${method.toLowerCase()} ${toOpenApiPath(path)}`;
      });
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method} ${path}`),
    );
    expect(served.length).toBeGreaterThan(80);
    expect(served.filter((route) => !documented.includes(route))).toEqual([]);
    expect(documented.filter((route) => !served.includes(route))).toEqual([]);
  });

  it('documents a success response with its schema and the error shape for every operation', () => {
    const problems: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const name = `${method.toUpperCase()} ${path}`;
        const success = Object.entries(operation!.responses).filter(([status]) => /^2/.test(status));
        if (success.length !== 1) problems.push(`${name}: ${success.length} success responses`);
        for (const [status, response] of success) {
          if (status !== '204' && !response.content) problems.push(`${name}: ${status} has no schema`);
        }
        for (const [status, response] of Object.entries(operation!.responses)) {
          if (/^[45]/.test(status) && !response.content?.['application/json']?.schema) {
            problems.push(`${name}: ${status} has no schema`);
          }
        }
        const error = operation!.responses.default?.content?.['application/json']?.schema;
        if (error?.$ref !== '#/components/schemas/ErrorBodyResponse')
          problems.push(`${name}: no error shape`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('flags an undocumented field, a missing or mistyped one, an undocumented status and an unknown route', async () => {
    const res = await api.http.get(`/api/topics/${world.topic.id}`).set(world.member.auth).expect(200);
    const path = `/api/topics/${world.topic.id}`;
    const as = (body: unknown, status = 200): ResponseLike => ({
      ...res,
      status,
      body,
      text: JSON.stringify(body),
    });
    expect(responses.problems('get', path, res)).toEqual([]);
    const topic = res.body.topic as Record<string, unknown>;
    expect(responses.problems('get', path, as({ ...res.body, secret: 'x' }))).toEqual([
      expect.stringContaining('must NOT have additional properties (secret)'),
    ]);
    expect(responses.problems('get', path, as({ ...res.body, topic: { ...topic, authorName: 7 } }))).toEqual([
      expect.stringContaining('/topic/authorName must be string'),
    ]);
    const { title: _title, ...untitled } = topic;
    expect(responses.problems('get', path, as({ ...res.body, topic: untitled }))).toEqual([
      expect.stringContaining("must have required property 'title'"),
    ]);
    expect(
      responses.problems('get', path, as({ ...res.body, topic: { ...topic, lastReadSeq: null } })),
    ).toEqual([expect.stringContaining('/topic/lastReadSeq must be number')]);
    expect(responses.problems('get', path, as(res.body, 202))).toEqual([
      expect.stringContaining('status 202'),
    ]);
    // The error shape is the default response: a 404 body without its code fails.
    expect(responses.problems('get', path, as({ statusCode: 404, message: 'gone' }, 404))).toEqual([
      expect.stringContaining("must have required property 'code'"),
    ]);
    expect(responses.problems('get', '/api/not-a-route', as({}, 200))).toEqual([
      expect.stringContaining('not in the OpenAPI document'),
    ]);
  });

  it('answers every route, once succeeding and once failing, as its document says', async () => {
    const routes = appRoutes(api.app);
    const names = routes.map((route) => `${route.method.toUpperCase()} ${route.path}`);
    expect(names.filter((name) => !SUCCESS[name])).toEqual([]);
    expect(Object.keys(SUCCESS).filter((name) => !names.includes(name))).toEqual([]);
    const problems: string[] = [];
    const withoutError: string[] = [];
    const send = async (method: AppRoute['method'], call: Call): Promise<ResponseLike> => {
      let req = api.http[method](call.path);
      if (call.as && 'auth' in call.as) req = req.set(call.as.auth);
      else if (call.as) req = req.set(call.as.headers);
      if (call.files) {
        for (const [field, value] of Object.entries(call.body ?? {})) req = req.field(field, String(value));
        for (const file of call.files) req = req.attach(file.field, file.bytes, file.name);
      }
      const res = await (call.files ? req : call.body ? req.send(call.body) : req);
      if (res.status !== call.status) {
        problems.push(
          `${method.toUpperCase()} ${call.path}: ${res.status}, expected ${call.status} ${res.text.slice(0, 200)}`,
        );
      }
      problems.push(...responses.problems(method, call.path, res));
      return res;
    };
    // In the table's order: some calls depend on what earlier ones did (the notice is published last).
    for (const name of Object.keys(SUCCESS)) {
      const route = routes.find(
        (candidate) => `${candidate.method.toUpperCase()} ${candidate.path}` === name,
      )!;
      const success = await SUCCESS[name](world, api);
      const failure = ERROR[name] ? await ERROR[name](world, api) : errorFor(route, success, world);
      if (failure) await send(route.method, failure);
      else withoutError.push(name);
      await send(route.method, success);
    }
    expect(problems).toEqual([]);
    expect(withoutError.sort()).toEqual([...NO_ERROR_PATH].sort());
  });
});
