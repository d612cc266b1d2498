import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import type { Forum } from '../forums/forum';
import { ForumsService } from '../forums/forums.service';
import { AppError } from '../infra/errors/app-error';
import { EventBus } from '../infra/events/event-bus';
import { ForumEvent } from '../infra/events/forum-events';
import type { NewPost, Post } from './post';
import { PostComposer, type ComposedPost } from './post-composer';
import { toPostView, toPublicView, type PostView } from './post-view';
import { PostRepository } from './post.repository';
import type { Topic } from './topic';
import { assertForumOpen, TopicAccessService, topicLocked } from './topic-access.service';
import { toTopicView, type TopicView } from './topic-view';
import { TopicRepository } from './topic.repository';
import { AlreadyStored } from '../infra/database/duplicate-key';
import { newObjectId } from '../infra/database/object-id';
import { RoomSequence } from '../infra/events/room-sequence';
import { roomName } from '../realtime/socket-protocol';
import { PostFollowUps } from './post-follow-ups';

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
 * New topics and replies. The request does what the author waits for: access, the publish gate (composer),
 * the numbered insert carrying its follow-up work, and (for a visible reply) the live event to the topic's
 * viewers. Counters, the read mark, mentions and quotes, the room logs, the forum room, notifications and the
 * review queue follow after the answer from the stored post (PostFollowUps, the outbox). A clientId used
 * before gets the post stored then: its follow-up work is stored with it, so nothing needs announcing again.
 */
@Injectable()
export class PostPublishingService {
  constructor(
    private readonly forums: ForumsService,
    private readonly access: TopicAccessService,
    private readonly composer: PostComposer,
    private readonly topics: TopicRepository,
    private readonly posts: PostRepository,
    private readonly sequence: RoomSequence,
    private readonly followUps: PostFollowUps,
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
      deferReferences: true,
    });
    const postId = newObjectId();
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
        firstPostId: postId,
        lastVisibleSeq: composed.status === 'visible' ? 1 : 0,
      });
    } catch (error) {
      if (!(error instanceof AlreadyStored)) throw error;
      const raced = await this.existingTopic(user, clientKey);
      if (raced) return raced;
      // The topic is stored without its first post: an earlier request with this clientId is storing it
      // now, or its process died in between (SIGKILL). Storing the post here finishes the topic either way;
      // the unique indexes let only one first post in.
      const unfinished = await this.topics.findByClientKey(clientKey);
      if (!unfinished?.firstPostId) throw stillCreating();
      topic = unfinished;
    }
    let post: Post;
    try {
      const draft = newPost(user, forum, topic, 1, composed, clientKey, null);
      const followUp = this.followUps.pending(draft);
      post = await this.posts.insert({ ...draft, id: topic.firstPostId ?? postId, followUp });
    } catch (error) {
      if (!(error instanceof AlreadyStored)) throw error;
      const raced = await this.existingTopic(user, clientKey);
      if (raced) return raced;
      throw stillCreating();
    }
    this.followUps.start(post);
    return { topic: toTopicView(topic, 1), post: ownView(post, user), masked: composed.masked };
  }

  async reply(user: AuthUser, topicId: string, input: ReplyInput): Promise<PublishedPost> {
    const { topic, forum, moderator } = await this.access.writable(user, topicId);
    const clientKey = keyOf(user, input.clientId);
    await this.assertReplyTarget(topic, input.replyTo);
    const composed = await this.composer.compose({
      ...input,
      user,
      forum,
      topicId,
      title: null,
      deferReferences: true,
    });
    const numbered = await this.topics.nextSeq(topic.id, moderator);
    if (numbered === null) throw topicLocked();
    const visible = composed.status === 'visible';
    // The topic room's number is taken with the post, so the live event and a replay agree on it.
    const eventSeq = visible ? await this.sequence.next(roomName('topic', topic.id)) : null;
    const draft = newPost(user, forum, topic, numbered.lastSeq, composed, clientKey, input.replyTo ?? null);
    const followUp = this.followUps.pending(draft);
    const { post, raced } = await this.insertOnce({ ...draft, eventSeq, followUp });
    if (raced) return this.answer(raced, user, [], await this.topics.findById(post.topicId));
    if (eventSeq !== null) {
      const fact = { forumId: forum.id, topicId: topic.id, seq: post.seq };
      await this.events.emit(ForumEvent.PostStored, { ...fact, post: toPublicView(post), eventSeq });
    }
    this.followUps.start(post);
    return this.answer(post, user, composed.masked, numbered);
  }

  /**
   * A clientKey collision means the same request came twice (a retry, or two at once): the first post stands
   * and is the answer (the number taken here stays a gap). A (topicId, seq) collision cannot happen: every
   * number comes from the topic's atomic $inc, so it surfaces as the error it is.
   */
  private async insertOnce(post: NewPost): Promise<{ post: Post; raced: Post | null }> {
    try {
      return { post: await this.posts.insert(post), raced: null };
    } catch (error) {
      if (!(error instanceof AlreadyStored)) throw error;
      const raced = await this.posts.findByClientKey(post.clientKey);
      if (raced) return { post: raced, raced };
      throw error;
    }
  }

  private async existingTopic(user: AuthUser, clientKey: string): Promise<PublishedPost | null> {
    const post = await this.posts.findByClientKey(clientKey);
    if (!post || post.seq !== 1) return null;
    const topic = await this.topics.findById(post.topicId);
    if (!topic) return null;
    return { topic: toTopicView(topic), post: ownView(post, user), masked: [] };
  }

  /** The topic as the reply's own numbering left it (its counters follow a moment later). */
  private answer(
    post: Post,
    user: AuthUser,
    masked: ComposedPost['masked'],
    topic: Topic | null,
  ): PublishedPost {
    if (!topic) throw new AppError('not_found', 'Topic not found');
    return { topic: toTopicView(topic), post: ownView(post, user), masked };
  }

  private async assertReplyTarget(topic: Topic, replyTo: number | undefined): Promise<void> {
    if (replyTo === undefined) return;
    const target = replyTo <= topic.lastSeq ? await this.posts.findBySeq(topic.id, replyTo) : null;
    if (!target || target.status === 'held') {
      throw new AppError('reply_target_missing', `There is no post #${replyTo} in this topic to reply to`);
    }
  }
}

const stillCreating = () =>
  new AppError('still_creating', 'An earlier request with this clientId is still creating the topic; retry');

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
