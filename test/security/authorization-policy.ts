/**
 * Who may call what: the declared policy the authorization matrix checks the running application against.
 *
 * Written from the rules in README.md ("Access policy"), docs/moderation.md ("Who may do what") and
 * docs/realtime.md, on purpose not read from the route decorators: the matrix then checks the decorators and
 * the services behind them. Every REST route of the application must have a line here and every line must be
 * a route of the application (authorization-routes.e2e-spec.ts fails either way); the same holds for socket
 * commands. What each variant's request is lives in authorization-requests.ts and socket-requests.ts; the
 * matrix specs (authorization-{accounts,forums,moderation}, socket-authorization) send them.
 */
import { ClientCommand } from '../../src/realtime/socket-protocol';

export const ACTORS = [
  'anonymous',
  'member',
  'silenced',
  'suspended',
  /** Moderates a third forum (moderatedForumIds), not the fixture forums. */
  'otherModerator',
  /** Moderates both fixture forums (moderatedForumIds). */
  'moderator',
  /** Holds the `moderator` role: moderates every forum. */
  'globalModerator',
  'admin',
] as const;
export type Actor = (typeof ACTORS)[number];
export type SignedInActor = Exclude<Actor, 'anonymous'>;

/** `ok`: a 2xx answer. A number: exactly that refusal (404 where existence is hidden). */
export type Expected = 'ok' | 401 | 403 | 404;
export type PolicyRow = Readonly<Record<Actor, Expected>>;

const row = (others: Expected, exceptions: Partial<Record<Actor, Expected>>): PolicyRow =>
  Object.freeze(
    Object.fromEntries(ACTORS.map((a) => [a, exceptions[a] ?? others])) as Record<Actor, Expected>,
  );

/** Public reads: anyone, a suspended account included. */
export const ANYONE = row('ok', {});
/** Signing in: anyone with an account, except a suspended one. */
export const SIGNING_IN = row('ok', { suspended: 403 });
/** Members-only forums are read by any signed-in account that is not suspended. */
export const MEMBERS_AREA = row('ok', { anonymous: 401, suspended: 403 });
/** Anything for one's own account or reading position: signed in, not suspended. Silenced is fine. */
export const SIGNED_IN = row('ok', { anonymous: 401, suspended: 403 });
/** Writing to a public area: a silenced account may not post. */
export const POSTER = row('ok', { anonymous: 401, silenced: 403, suspended: 403 });
/** Moderating in a forum: its moderators, global moderators and admins; a moderator of another forum is refused. */
export const FORUM_MODERATOR = row(403, {
  anonymous: 401,
  moderator: 'ok',
  globalModerator: 'ok',
  admin: 'ok',
});
/** The queue and audit of all one's forums: anyone who moderates at least one forum. */
export const ANY_MODERATOR = row(403, {
  anonymous: 401,
  otherModerator: 'ok',
  moderator: 'ok',
  globalModerator: 'ok',
  admin: 'ok',
});
/** Account restrictions and the full audit log: the `moderator` role (global) and admins only. */
export const GLOBAL_MODERATOR = row(403, { anonymous: 401, globalModerator: 'ok', admin: 'ok' });
export const ADMIN = row(403, { anonymous: 401, admin: 'ok' });

/** A route whose answer does not depend on which forum it concerns. */
const one = (policy: PolicyRow) => ({ any: policy });
/** Reading something in the public forum and in the members-only forum. */
const read = { public: ANYONE, members: MEMBERS_AREA };
/** Publishing: the same rule in both fixture forums. */
const both = (policy: PolicyRow) => ({ public: policy, members: policy });
/**
 * Acting on content and moderating: the forum's visibility only matters for reading (the guard refuses
 * anonymous and suspended callers before any forum is looked at, and moderation goes by forum id), so these
 * are asked in the members-only forum, where the most conditions are in play.
 */
const inMembers = (policy: PolicyRow) => ({ members: policy });
/** A moderation action on a post or a board message. */
const content = { 'posts/members': FORUM_MODERATOR, 'messages/members': FORUM_MODERATOR };
const scoped = { all: ANY_MODERATOR, public: FORUM_MODERATOR, members: FORUM_MODERATOR };

const SWAGGER_UI = [
  'GET /api/docs',
  'GET /api/docs/',
  'GET /api/docs/index.html',
  'GET /api/docs/swagger-ui-init.js',
  'GET /api/docs/docs/swagger-ui-init.js',
  'GET /api/docs/openapi.json',
  'GET /api/docs-yaml',
];

/** `METHOD path` as the router declares it → variant → actor → expected answer. */
export const REST_POLICY: Readonly<Record<string, Readonly<Record<string, PolicyRow>>>> = {
  // Accounts
  'POST /api/auth/register': one(ANYONE),
  'POST /api/auth/login': one(SIGNING_IN),
  // Without a refresh cookie there is no session to refresh (401); a suspended account gets no new token.
  'POST /api/auth/refresh': one(SIGNED_IN),
  'POST /api/auth/logout': one(ANYONE),
  // Mailed links: whoever holds the token (they prove the mailbox, not a session).
  'POST /api/auth/password-reset': one(ANYONE),
  'POST /api/auth/password-reset/confirm': one(ANYONE),
  'POST /api/auth/verify-email': one(ANYONE),
  'POST /api/me/verification-email': one(SIGNED_IN),
  // Watching follows reading: a members-only forum's topics are refused to whoever cannot read them.
  'GET /api/topics/:id/watch': inMembers(SIGNED_IN),
  'PUT /api/topics/:id/watch': inMembers(SIGNED_IN),
  'GET /api/forums/:id/watch': inMembers(SIGNED_IN),
  'PUT /api/forums/:id/watch': inMembers(SIGNED_IN),
  'GET /api/me': one(SIGNED_IN),
  'PATCH /api/me': one(SIGNED_IN),
  'PATCH /api/me/password': one(SIGNED_IN),
  'GET /api/me/export': one(SIGNED_IN),
  'PATCH /api/me/preferences': one(SIGNED_IN),
  'DELETE /api/me': one(SIGNED_IN),
  'GET /api/unsubscribe': one(ANYONE),
  'POST /api/unsubscribe': one(ANYONE),
  'GET /api/admin/users': one(ADMIN),
  'GET /api/admin/users/:id': one(ADMIN),
  'PUT /api/admin/users/:id/roles': one(ADMIN),
  'PUT /api/admin/users/:id/moderated-forums': one(ADMIN),
  'PUT /api/admin/users/:id/status': one(ADMIN),
  'GET /api/audit-log': one(GLOBAL_MODERATOR),

  // Operations and documentation
  'GET /api/health': one(ANYONE),
  'GET /metrics': one(ANYONE),
  ...Object.fromEntries(SWAGGER_UI.map((route) => [route, one(ANYONE)])),
  // @nestjs/swagger mounts this route only to answer 404 (it serves no licence file).
  'GET /api/docs/LICENSE': one(row(404, {})),

  // Notices
  'GET /api/notices/public-area': one(ANYONE),
  'PUT /api/notices/public-area': one(ADMIN),
  'GET /api/notices/public-area/versions': one(ANYONE),
  'POST /api/notices/public-area/acknowledgements': one(SIGNED_IN),
  'GET /api/notices/public-area/acknowledgements': one(SIGNED_IN),
  'GET /api/notices/privacy': one(ANYONE),
  'PUT /api/notices/privacy': one(ADMIN),
  'GET /api/notices/privacy/versions': one(ANYONE),
  'POST /api/pii/check': one(SIGNED_IN),

  // Forums, topics, posts
  'POST /api/forums': one(ADMIN),
  'PUT /api/forums/order': one(ADMIN),
  'PATCH /api/forums/:id': one(ADMIN),
  'GET /api/forums': one(ANYONE),
  'GET /api/forums/:slug': read,
  'GET /api/forums/:slug/topics': read,
  'POST /api/forums/:slug/topics': both(POSTER),
  'GET /api/topics/:id': read,
  'GET /api/topics/:id/posts': read,
  'POST /api/topics/:id/posts': both(POSTER),
  'PUT /api/topics/:id/read': inMembers(SIGNED_IN),
  // The topic's author (not an actor here: object-access and the solved spec cover them) or its moderators.
  'PUT /api/topics/:id/solution': inMembers(FORUM_MODERATOR),
  'DELETE /api/topics/:id/solution': inMembers(FORUM_MODERATOR),
  'PATCH /api/posts/:id': inMembers(POSTER),
  'DELETE /api/posts/:id': inMembers(SIGNED_IN),
  // Uploads: writing to the forum (a silenced account may not); files are served to anyone holding the link.
  'POST /api/forums/:slug/uploads': both(POSTER),
  'GET /media/:id/:name': one(ANYONE),
  // The proxy refuses a loopback image for everyone alike: no caller can make it reach an internal address.
  'GET /media/external/:signature/:encoded': one(row(403, {})),
  // Another member's file: its forum's moderators remove it (its author may too: test/e2e/uploads).
  'DELETE /api/uploads/:id': inMembers(FORUM_MODERATOR),
  'GET /api/posts/:id/revisions': inMembers(SIGNED_IN),
  'POST /api/posts/:id/like': inMembers(SIGNED_IN),
  'DELETE /api/posts/:id/like': inMembers(SIGNED_IN),
  'GET /api/search': read,

  // Boards
  'GET /api/boards': one(ANYONE),
  'POST /api/boards': one(ADMIN),
  'GET /api/boards/:slug': read,
  'PATCH /api/boards/:slug': inMembers(FORUM_MODERATOR),
  'GET /api/boards/:slug/messages': read,
  'POST /api/boards/:slug/messages': both(POSTER),
  'PATCH /api/boards/:slug/messages/:id': inMembers(POSTER),
  'DELETE /api/boards/:slug/messages/:id': inMembers(SIGNED_IN),
  'PUT /api/boards/:slug/messages/:id/like': inMembers(SIGNED_IN),
  'DELETE /api/boards/:slug/messages/:id/like': inMembers(SIGNED_IN),
  'POST /api/boards/:slug/read': inMembers(SIGNED_IN),

  // Notifications and reports
  'GET /api/notifications': one(SIGNED_IN),
  'GET /api/notifications/unread-count': one(SIGNED_IN),
  'POST /api/notifications/read-all': one(SIGNED_IN),
  'POST /api/notifications/:id/read': one(SIGNED_IN),
  'POST /api/reports': inMembers(SIGNED_IN),

  'GET /api/users/mentionable': one(SIGNED_IN),
  'GET /api/profiles/:username': one(ANYONE),

  // Drafts: the caller's own, nobody else's
  'GET /api/drafts/:kind/:ref': one(SIGNED_IN),
  'PUT /api/drafts/:kind/:ref': one(SIGNED_IN),
  'DELETE /api/drafts/:kind/:ref': one(SIGNED_IN),

  // Moderation
  'GET /api/moderation/queue': scoped,
  'GET /api/moderation/audit': scoped,
  'POST /api/moderation/:kind/:id/approve': content,
  'POST /api/moderation/:kind/:id/reject': content,
  'POST /api/moderation/:kind/:id/remove-personal-info': content,
  'GET /api/moderation/:kind/:id/copies': content,
  'POST /api/moderation/:kind/:id/hide': content,
  'POST /api/moderation/:kind/:id/unhide': content,
  'POST /api/moderation/:kind/:id/edit': content,
  'POST /api/moderation/:kind/:id/delete': content,
  'POST /api/moderation/:kind/:id/dismiss-reports': content,
  'POST /api/moderation/topics/:id/lock': inMembers(FORUM_MODERATOR),
  'POST /api/moderation/topics/:id/unlock': inMembers(FORUM_MODERATOR),
  'POST /api/moderation/topics/:id/pin': inMembers(FORUM_MODERATOR),
  'POST /api/moderation/topics/:id/unpin': inMembers(FORUM_MODERATOR),
  'POST /api/moderation/topics/:id/close': inMembers(FORUM_MODERATOR),
  'POST /api/moderation/topics/:id/reopen': inMembers(FORUM_MODERATOR),
  // Moving needs the moderator to moderate both the topic's forum and the target (the public forum).
  'POST /api/moderation/topics/:id/move': inMembers(FORUM_MODERATOR),
  // A restriction reaches every forum, so forum moderators may not impose one.
  'POST /api/moderation/users/:id/silence': one(GLOBAL_MODERATOR),
  'POST /api/moderation/users/:id/suspend': one(GLOBAL_MODERATOR),
  'POST /api/moderation/users/:id/lift': one(GLOBAL_MODERATOR),
};

/**
 * Socket commands. A suspended account is refused at the handshake (`account_suspended`), so every command
 * is out of its reach: 403 throughout. Anonymous sockets only read public areas.
 */
export const HANDSHAKE: PolicyRow = row('ok', { suspended: 403 });

const SOCKET_READ = {
  public: row('ok', { suspended: 403 }),
  members: row('ok', { anonymous: 401, suspended: 403 }),
};
/** Typing announces an author about to post: a silenced account may not post, so it may not announce either. */
const SOCKET_TYPING = row('ok', { anonymous: 401, silenced: 403, suspended: 403 });

export const SOCKET_POLICY: Readonly<Record<string, Readonly<Record<string, PolicyRow>>>> = {
  [ClientCommand.Join]: {
    'forum/public': SOCKET_READ.public,
    'forum/members': SOCKET_READ.members,
    'topic/public': SOCKET_READ.public,
    'topic/members': SOCKET_READ.members,
    'board/public': SOCKET_READ.public,
    'board/members': SOCKET_READ.members,
    // The mod room carries held posts and messages: moderators of that forum only.
    'mod/public': FORUM_MODERATOR,
    'mod/members': FORUM_MODERATOR,
  },
  [ClientCommand.Leave]: { any: SOCKET_READ.public },
  [ClientCommand.MessageSend]: both(POSTER),
  [ClientCommand.Typing]: { 'topic/public': SOCKET_TYPING, 'board/members': SOCKET_TYPING },
  [ClientCommand.Read]: { 'board/public': SIGNED_IN, 'topic/members': SIGNED_IN },
};
