import { randomBytes } from 'node:crypto';
import type { Test } from 'supertest';
import { UsersService } from '../../src/users/users.service';
import { createBoard, ensureAcknowledged, postMessage, type TestBoard } from '../factories/board.factory';
import { createForum, type TestForum } from '../factories/forum.factory';
import { createTopic, reply, type TestTopic } from '../factories/topic.factory';
import { createUser, registerUser, type CreateUserOptions, type TestUser } from '../factories/user.factory';
import { replyAcknowledging, sendAcknowledging } from '../e2e/moderation.helpers';
import type { TestApp } from '../helpers/start-app';
import { ACTORS, type Actor, type SignedInActor } from './authorization-policy';

/**
 * The fixtures of the authorization specs, made through the real API once per spec file: one account per
 * actor, a public and a members-only forum (both `review`, so personal data is held), and in each a topic with
 * posts, a board with messages, held items, and content of every actor's own. Requests that would use up or
 * change a shared fixture when allowed ask for a fresh one (`fresh*`), so every case stands on its own.
 */

export type Scope = 'public' | 'members';
export const SCOPES: Scope[] = ['public', 'members'];

export interface ItemRef {
  id: string;
  seq: number;
  status: string;
}

export interface OwnContent {
  post: ItemRef;
  /** Deleted by its author in the matrix. */
  doomedPost: ItemRef;
  message: ItemRef;
  doomedMessage: ItemRef;
}

export interface ScopeFixture {
  forum: TestForum;
  topic: TestTopic;
  /** Lock, pin and close act on this topic, so replies to `topic` are never refused as locked. */
  actionTopic: TestTopic;
  /** The author's visible reply: liked, moderated. */
  post: ItemRef;
  /** Reported by the actors (never acted on by them: nobody decides on an item they reported). */
  reportedPost: ItemRef;
  heldPost: ItemRef;
  board: TestBoard;
  message: ItemRef;
  reportedMessage: ItemRef;
  heldMessage: ItemRef;
  /** Only in the members forum of a world built with `ownContent`. */
  own?: Record<SignedInActor, OwnContent>;
}

export interface WorldOptions {
  /** The forum fixtures of each scope (topics, posts, boards, messages, held items). */
  scopes?: boolean;
  /** Also a post and a message (and one of each to delete) of every actor's own, in the members forum. */
  ownContent?: boolean;
  /** A notification in every actor's inbox. */
  notifications?: boolean;
}

const SIGNED_IN: SignedInActor[] = ACTORS.filter((a): a is SignedInActor => a !== 'anonymous');

/** How each actor's account is set up (restrictions are applied last, once their content exists). */
function setupOf(actor: SignedInActor, forums: Record<Scope | 'other', TestForum>): CreateUserOptions {
  switch (actor) {
    case 'otherModerator':
      return { moderatedForumIds: [forums.other.id] };
    case 'moderator':
      return { moderatedForumIds: [forums.public.id, forums.members.id] };
    case 'globalModerator':
      return { roles: ['moderator'] };
    case 'admin':
      return { roles: ['admin'] };
    default:
      return {};
  }
}

const restrictionOf = (actor: Actor) =>
  actor === 'silenced' ? 'silenced' : actor === 'suspended' ? 'suspended' : undefined;

const unique = () => randomBytes(4).toString('hex');

export class AuthorizationWorld {
  private constructor(
    readonly api: TestApp,
    readonly users: Record<SignedInActor, TestUser>,
    /** Writes the shared content; a plain member. */
    readonly author: TestUser,
    /** Target of account routes in the refused cases; nothing may change it. */
    readonly victim: TestUser,
    readonly forums: Record<Scope | 'other', TestForum>,
    private readonly scopeFixtures: Partial<Record<Scope, ScopeFixture>>,
    private readonly inboxes: Partial<Record<SignedInActor, string>>,
  ) {}

  static async build(api: TestApp, options: WorldOptions): Promise<AuthorizationWorld> {
    const admin = await ensureAcknowledged(api, await createUser(api, { roles: ['admin'] }));
    const [publicForum, membersForum, otherForum] = await Promise.all([
      createForum(api, admin, { visibility: 'public', piiPolicy: 'review', phoneRegion: 'GB' }),
      createForum(api, admin, { visibility: 'members', piiPolicy: 'review', phoneRegion: 'GB' }),
      createForum(api, admin, { visibility: 'public' }),
    ]);
    const forums = { public: publicForum, members: membersForum, other: otherForum };
    const [created, author, victim] = await Promise.all([
      Promise.all(
        SIGNED_IN.map(async (actor) => {
          const user = actor === 'admin' ? admin : await createUser(api, setupOf(actor, forums));
          return [actor, await ensureAcknowledged(api, user)] as const;
        }),
      ),
      registerUser(api).then((user) => ensureAcknowledged(api, user)),
      registerUser(api),
    ]);
    const users = Object.fromEntries(created) as Record<SignedInActor, TestUser>;
    const scopes: Partial<Record<Scope, ScopeFixture>> = {};
    if (options.scopes || options.ownContent) {
      await Promise.all(
        SCOPES.map(async (scope) => {
          const owners = options.ownContent && scope === 'members' ? users : undefined;
          scopes[scope] = await buildScope(api, admin, author, forums[scope], owners);
        }),
      );
    }
    const notifications = options.notifications
      ? await mentionEveryone(api, author, users, forums.public.slug)
      : {};
    // Restricted last: the silenced and suspended actors' own content and notifications exist by now.
    const accounts = api.app.get(UsersService);
    await Promise.all(
      SIGNED_IN.map(async (actor) => {
        const status = restrictionOf(actor);
        if (status) await accounts.restrict(users[actor].id, { status, reason: 'authorization matrix' });
      }),
    );
    return new AuthorizationWorld(api, users, author, victim, forums, scopes, notifications);
  }

  scope(scope: Scope): ScopeFixture {
    const fixture = this.scopeFixtures[scope];
    if (!fixture) throw new Error('build the world with `scopes` for this request');
    return fixture;
  }

  /** The notification in this actor's inbox. */
  notification(actor: SignedInActor): string {
    const id = this.inboxes[actor];
    if (!id) throw new Error('build the world with `notifications` for this request');
    return id;
  }

  /** A request as this actor: a Bearer token, or no credentials at all. */
  call(actor: Actor, method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string): Test {
    const request = this.api.http[method](path);
    return actor === 'anonymous' ? request : request.set(this.users[actor].auth);
  }

  user(actor: Actor): TestUser | undefined {
    return actor === 'anonymous' ? undefined : this.users[actor];
  }

  /** The actor's own content, or the author's for an anonymous caller (refused before ownership matters). */
  own(actor: Actor, scope: Scope): OwnContent {
    const fixture = this.scope(scope);
    if (actor !== 'anonymous') {
      if (!fixture.own) throw new Error('build the world with `ownContent` for this request');
      return fixture.own[actor];
    }
    return {
      post: fixture.post,
      doomedPost: fixture.post,
      message: fixture.message,
      doomedMessage: fixture.message,
    };
  }

  /**
   * A new account set up like `actor` (same roles, forums and restriction), for requests that use up the
   * account or its sessions: sign out, refresh, password change, deletion.
   */
  async clone(actor: SignedInActor): Promise<TestUser> {
    const user = await createUser(this.api, setupOf(actor, this.forums));
    const status = restrictionOf(actor);
    if (status) {
      await this.api.app.get(UsersService).restrict(user.id, { status, reason: 'authorization matrix' });
    }
    return user;
  }

  /** A plain member, for restrictions that must not touch anyone else. */
  freshMember(): Promise<TestUser> {
    return registerUser(this.api);
  }

  async freshTopic(scope: Scope): Promise<TestTopic> {
    return createTopic(this.api, this.author, this.scope(scope).forum.slug);
  }

  /** A post by the author: visible, held for review (it carries an address), or hidden by a moderator. */
  async freshPost(scope: Scope, status: 'visible' | 'held' | 'hidden'): Promise<ItemRef> {
    const topicId = this.scope(scope).topic.id;
    if (status === 'held') {
      return replyAcknowledging(this.api, this.author, topicId, `Mail me at ${unique()}@example.com`);
    }
    const post = await reply(this.api, this.author, topicId, `A fresh reply ${unique()}`);
    if (status === 'hidden') await this.hide('posts', post.id);
    return post;
  }

  async freshMessage(scope: Scope, status: 'visible' | 'held' | 'hidden'): Promise<ItemRef> {
    const slug = this.scope(scope).board.slug;
    if (status === 'held') {
      return sendAcknowledging(this.api, this.author, slug, `Mail me at ${unique()}@example.com`);
    }
    const message = await postMessage(this.api, this.author, slug, `A fresh message ${unique()}`);
    if (status === 'hidden') await this.hide('messages', message.id);
    return message;
  }

  private async hide(kind: 'posts' | 'messages', id: string): Promise<void> {
    await this.api.http
      .post(`/api/moderation/${kind}/${id}/hide`)
      .set(this.users.admin.auth)
      .send({})
      .expect(200);
  }

  /** After a new notice version: everyone acknowledges again, so posting keeps working. */
  async reacknowledge(): Promise<void> {
    const active = SIGNED_IN.filter((actor) => actor !== 'suspended').map((actor) => this.users[actor]);
    for (const user of [...active, this.author]) await ensureAcknowledged(this.api, user);
  }
}

async function buildScope(
  api: TestApp,
  admin: TestUser,
  author: TestUser,
  forum: TestForum,
  owners: Record<SignedInActor, TestUser> | undefined,
): Promise<ScopeFixture> {
  const topic = await createTopic(api, author, forum.slug);
  const actionTopic = await createTopic(api, author, forum.slug);
  const post = await reply(api, author, topic.id, 'A reply to like and to moderate.');
  const reportedPost = await reply(api, author, topic.id, 'A reply that everyone reports.');
  const heldPost = await replyAcknowledging(api, author, topic.id, `Held: mail ${unique()}@example.com`);
  const board = await createBoard(api, admin, forum.slug);
  const message = await postMessage(api, author, board.slug, 'A message to like and to moderate.');
  const reportedMessage = await postMessage(api, author, board.slug, 'A message that everyone reports.');
  const heldMessage = await sendAcknowledging(api, author, board.slug, `Held: mail ${unique()}@example.com`);
  const fixture = {
    forum,
    topic,
    actionTopic,
    post,
    reportedPost,
    heldPost,
    board,
    message,
    reportedMessage,
    heldMessage,
  };
  if (!owners) return fixture;
  const owned = await Promise.all(
    SIGNED_IN.map(async (actor) => {
      const user = owners[actor];
      const content: OwnContent = {
        post: await reply(api, user, topic.id, `Written by the ${actor}.`),
        doomedPost: await reply(api, user, topic.id, `To be deleted by the ${actor}.`),
        message: await postMessage(api, user, board.slug, `Written by the ${actor}.`),
        doomedMessage: await postMessage(api, user, board.slug, `To be deleted by the ${actor}.`),
      };
      return [actor, content] as const;
    }),
  );
  return { ...fixture, own: Object.fromEntries(owned) as Record<SignedInActor, OwnContent> };
}

/** One reply mentioning every actor gives each of them a notification; returns its id per actor. */
async function mentionEveryone(
  api: TestApp,
  author: TestUser,
  users: Record<SignedInActor, TestUser>,
  forumSlug: string,
): Promise<Record<SignedInActor, string>> {
  const mentions = SIGNED_IN.map((actor) => `@${users[actor].username}`).join(' ');
  await createTopic(api, author, forumSlug, { body: `Hello ${mentions}` });
  const found = await Promise.all(
    SIGNED_IN.map(async (actor) => {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const inbox = await api.http.get('/api/notifications').set(users[actor].auth).expect(200);
        const first = (inbox.body.items as Array<{ id: string }>)[0];
        if (first) return [actor, first.id] as const;
        if (Date.now() > deadline) throw new Error(`no notification reached the ${actor}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }),
  );
  return Object.fromEntries(found) as Record<SignedInActor, string>;
}
