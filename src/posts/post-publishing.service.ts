import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import type { Forum } from '../forums/forum';
import { ForumsService } from '../forums/forums.service';
import { AppError } from '../infra/errors/app-error';
import { EventBus } from '../infra/events/event-bus';
import { ForumEvent } from '../infra/events/forum-events';
import type { NewPost, Post } from './post';
import { PostCounters } from './post-counters';
import { PostComposer, type ComposedPost } from './post-composer';
import { toPostView, toPublicView, type PostView } from './post-view';
import { PostRepository } from './post.repository';
import type { Topic } from './topic';
import { assertForumOpen, TopicAccessService, topicLocked } from './topic-access.service';
import { toTopicView, type TopicView } from './topic-view';
import { TopicReadRepository } from './topic-read.repository';
import { TopicRepository } from './topic.repository';
import { isDuplicateKey } from '../infra/database/duplicate-key';

export interface NewTopicInput {
  title: string;
  body: string;
  tags?: string[];
  clientId?: string;
  acknowledgePersonalData?: string;
}

export interface ReplyInput {
  body: string;
  replyTo?: number;
  clientId?: string;
  acknowledgePersonalData?: string;
}

export interface PublishedPost {
  topic: TopicView;
  post: PostView;
  /** Spans the gate masked (mask policy), so the author can be told what changed. */
  masked: ComposedPost['masked'];
}

/**
 * New topics and replies: load and check → the composer (the publish gate, rendering) → store visible or held →
 * counters → events after the write. A clientId used before gets the post stored then (a new topic asks before
 * composing, a reply learns it from the unique index when it stores: see insertOnce).
 */
@Injectable()
export class PostPublishingService {
  constructor(
    private readonly forums: ForumsService,
    private readonly access: TopicAccessService,
    private readonly composer: PostComposer,
    private readonly topics: TopicRepository,
    private readonly posts: PostRepository,
    private readonly reads: TopicReadRepository,
    private readonly counters: PostCounters,
    private readonly events: EventBus,
  ) {}

  async createTopic(user: AuthUser, forumSlug: string, input: NewTopicInput): Promise<PublishedPost> {
    const forum = await this.forums.requireReadable(user, forumSlug);
    assertForumOpen(forum);
    const clientKey = keyOf(user, input.clientId);
    const existing = await this.existingTopic(user, clientKey);
    if (existing) return existing;
    const composed = await this.composer.compose({
      ...input,
      user,
      forum,
      topicId: null,
      title: input.title,
    });
    let topic: Topic;
    try {
      topic = await this.topics.insert({
        forumId: forum.id,
        title: composed.title ?? input.title,
        authorId: user.id,
        authorName: user.username,
        tags: input.tags ?? [],
        status: composed.status,
        clientKey,
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const raced = await this.existingTopic(user, clientKey);
      if (raced) return raced;
      // The topic is stored without its first post: an earlier request with this clientId is storing it
      // now, or its process died in between (SIGKILL). Storing the post here finishes the topic either way;
      // the unique indexes let only one first post in.
      const unfinished = await this.topics.findByClientKey(clientKey);
      if (!unfinished || unfinished.firstPostId !== null) throw stillCreating();
      topic = unfinished;
    }
    let post: Post;
    try {
      post = await this.posts.insert(newPost(user, forum, topic, 1, composed, clientKey, null));
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const raced = await this.existingTopic(user, clientKey);
      if (raced) return raced;
      throw stillCreating();
    }
    await this.topics.setFirstPost(topic.id, post.id, post.status === 'visible');
    await this.reads.advance(user.id, topic.id, forum.id, 1);
    const stored = { ...topic, firstPostId: post.id, lastVisibleSeq: post.status === 'visible' ? 1 : 0 };
    await this.announceTopic(forum, stored, post, composed);
    return { topic: toTopicView(stored, 1), post: ownView(post, user), masked: composed.masked };
  }

  async reply(user: AuthUser, topicId: string, input: ReplyInput): Promise<PublishedPost> {
    const { topic, forum, moderator } = await this.access.writable(user, topicId);
    const clientKey = keyOf(user, input.clientId);
    await this.assertReplyTarget(topic, input.replyTo);
    const composed = await this.composer.compose({ ...input, user, forum, topicId, title: null });
    const seq = await this.topics.nextSeq(topic.id, moderator);
    if (seq === null) throw topicLocked();
    const { post, raced } = await this.insertOnce(
      newPost(user, forum, topic, seq, composed, clientKey, input.replyTo ?? null),
    );
    if (raced) {
      await this.announceAgain(forum, post);
      return this.published(post, user, []);
    }
    await this.afterReply(user, forum, topic, post, composed);
    return this.published(post, user, composed.masked);
  }

  /**
   * The number came from the topic's atomic $inc, so the unique (topicId, seq) index never refuses it; a
   * duplicate key therefore means the clientKey was used before (a retry, or two at once): the first post stands
   * and is the answer (the number taken here stays a gap). Any other duplicate is a fault and surfaces as one.
   * Replies learn that their clientId was used here rather than by asking before composing: only retries need it.
   */
  private async insertOnce(post: NewPost): Promise<{ post: Post; raced: boolean }> {
    try {
      return { post: await this.posts.insert(post), raced: false };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const raced = await this.posts.findByClientKey(post.clientKey);
      if (raced) return { post: raced, raced: true };
      throw error;
    }
  }

  private async afterReply(user: AuthUser, forum: Forum, topic: Topic, post: Post, composed: ComposedPost) {
    const fact = { forumId: forum.id, topicId: topic.id, seq: post.seq };
    if (post.status === 'held') {
      await this.events.emit(ForumEvent.PostHeld, {
        ...fact,
        post: toPublicView(post),
        reason: composed.heldReason ?? '',
      });
      return;
    }
    await this.counters.shown(post, new Date(post.createdAt));
    await this.reads.advance(user.id, topic.id, forum.id, post.seq);
    await this.events.emit(ForumEvent.PostCreated, { ...fact, post: toPublicView(post) });
  }

  private async announceTopic(forum: Forum, topic: Topic, post: Post, composed: ComposedPost) {
    const fact = { forumId: forum.id, topicId: topic.id, seq: 1 };
    if (post.status === 'held') {
      const reason = composed.heldReason ?? '';
      await this.events.emit(ForumEvent.PostHeld, { ...fact, post: toPublicView(post), reason });
      return;
    }
    await this.counters.shown(post, new Date(post.createdAt));
    await this.events.emit(ForumEvent.TopicCreated, {
      forumId: forum.id,
      forumSlug: forum.slug,
      topicId: topic.id,
      title: topic.title,
    });
    await this.events.emit(ForumEvent.PostCreated, { ...fact, post: toPublicView(post) });
  }

  /**
   * A retried reply found its post stored. The process that stored it may have died before announcing it
   * (SIGKILL between the insert and the event): announce it again; the room log sends it only once.
   */
  private async announceAgain(forum: Forum, post: Post): Promise<void> {
    const fact = { forumId: forum.id, topicId: post.topicId, seq: post.seq, redelivery: true };
    if (post.status === 'visible')
      await this.events.emit(ForumEvent.PostCreated, { ...fact, post: toPublicView(post) });
    if (post.status === 'held')
      await this.events.emit(ForumEvent.PostHeld, { ...fact, post: toPublicView(post), reason: '' });
  }

  private async existingTopic(user: AuthUser, clientKey: string): Promise<PublishedPost | null> {
    const post = await this.posts.findByClientKey(clientKey);
    if (!post || post.seq !== 1) return null;
    const topic = await this.topics.findById(post.topicId);
    if (!topic) return null;
    return { topic: toTopicView(topic), post: ownView(post, user), masked: [] };
  }

  private async published(
    post: Post,
    user: AuthUser,
    masked: ComposedPost['masked'],
  ): Promise<PublishedPost> {
    const topic = await this.topics.findById(post.topicId);
    if (!topic) throw new AppError('not_found', 'Topic not found');
    return { topic: toTopicView(topic), post: ownView(post, user), masked };
  }

  private async assertReplyTarget(topic: Topic, replyTo: number | undefined): Promise<void> {
    if (replyTo === undefined) return;
    const target = replyTo <= topic.lastSeq ? await this.posts.findBySeq(topic.id, replyTo) : null;
    if (!target || target.status === 'held') {
      throw new AppError('bad_request', `There is no post #${replyTo} in this topic to reply to`);
    }
  }
}

const stillCreating = () =>
  new AppError('conflict', 'An earlier request with this clientId is still creating the topic; retry');

/** Without a clientId every request is new; with one, the author's repeated request finds the first result. */
function keyOf(user: AuthUser, clientId: string | undefined): string {
  return clientId ? `${user.id}:${clientId.toLowerCase()}` : `${user.id}:auto:${randomUUID()}`;
}

function ownView(post: Post, user: AuthUser): PostView {
  return toPostView(post, { user, moderator: false }) ?? toPublicView(post);
}

function newPost(
  user: AuthUser,
  forum: Forum,
  topic: Topic,
  seq: number,
  composed: ComposedPost,
  clientKey: string,
  replyTo: number | null,
) {
  return {
    topicId: topic.id,
    forumId: forum.id,
    seq,
    authorId: user.id,
    authorName: user.username,
    source: composed.source,
    html: composed.html,
    searchText: composed.searchText,
    replyTo,
    quotedPostIds: composed.quotedPostIds,
    mentionedUserIds: composed.mentionedUserIds,
    status: composed.status,
    findings: composed.findings,
    clientKey,
  };
}
