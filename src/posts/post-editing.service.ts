import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { moderatesForum } from '../forums/forum-access.policy';
import { ForumsService } from '../forums/forums.service';
import { AppError, Forbidden, NotFound } from '../infra/errors/app-error';
import { EventBus } from '../infra/events/event-bus';
import { ForumEvent } from '../infra/events/forum-events';
import type { Post, PostRevision } from './post';
import { PostComposer } from './post-composer';
import { PostRevisionRepository } from './post-revision.repository';
import { toPostView, toPublicView, type PostView } from './post-view';
import { PostRepository } from './post.repository';
import { TopicAccessService } from './topic-access.service';
import { TopicRepository } from './topic.repository';

export interface EditInput {
  body?: string;
  title?: string;
  reason?: string;
  acknowledgePersonalData?: string;
}

/** Authors edit (with a stored revision per edit) and soft-delete their own posts; revisions for author/mods. */
@Injectable()
export class PostEditingService {
  constructor(
    private readonly posts: PostRepository,
    private readonly revisions: PostRevisionRepository,
    private readonly topics: TopicRepository,
    private readonly access: TopicAccessService,
    private readonly forums: ForumsService,
    private readonly composer: PostComposer,
    private readonly events: EventBus,
  ) {}

  async edit(user: AuthUser, postId: string, input: EditInput): Promise<PostView> {
    const post = await this.requirePost(postId);
    if (post.authorId !== user.id) throw new Forbidden('Only the author can edit this post');
    if (post.status !== 'visible' && post.status !== 'held') throw new NotFound('Post');
    if (input.title !== undefined && post.seq !== 1) {
      throw new AppError('bad_request', 'Only the first post of a topic carries the title');
    }
    const context = await this.access.writable(user, post.topicId);
    const title = post.seq === 1 ? (input.title ?? context.topic.title) : null;
    const composed = await this.composer.compose({
      user,
      forum: context.forum,
      topicId: post.topicId,
      title,
      body: input.body ?? post.source,
      acknowledgePersonalData: input.acknowledgePersonalData,
    });
    await this.revisions.insert({
      postId: post.id,
      rev: post.revisionCount + 1,
      editorId: user.id,
      reason: input.reason ?? null,
      previousSource: post.source,
      previousTitle: post.seq === 1 ? context.topic.title : null,
    });
    const { title: newTitle, heldReason, masked: _masked, ...change } = composed;
    // Once held, an edit cannot publish a post by itself: a moderator decides.
    const status = post.status === 'held' || composed.status === 'held' ? 'held' : 'visible';
    const updated = await this.posts.updateContent(post.id, { ...change, status }, true);
    if (!updated) throw new NotFound('Post');
    const retitled = newTitle !== null && newTitle !== context.topic.title ? newTitle : null;
    if (retitled) await this.topics.update(post.topicId, { title: retitled });
    await this.announceEdit(updated, heldReason, retitled);
    return toPostView(updated, { user, moderator: context.moderator }) ?? toPublicView(updated);
  }

  /** The author's delete is soft: readers see a placeholder; the source stays for export and moderators. */
  async remove(user: AuthUser, postId: string): Promise<PostView> {
    const post = await this.requirePost(postId);
    const forum = await this.forums.requireReadableById(user, post.forumId);
    const moderator = moderatesForum(user, forum);
    const isAuthor = post.authorId === user.id;
    if (!isAuthor && !moderator) throw new Forbidden('Only the author or a moderator can delete this post');
    const status = isAuthor ? 'deleted' : 'removed';
    const updated = await this.posts.setStatus(post.id, status, ['visible', 'held', 'hidden']);
    if (!updated) throw new NotFound('Post');
    await this.events.emit(ForumEvent.PostRemoved, {
      forumId: post.forumId,
      topicId: post.topicId,
      seq: post.seq,
      postId: post.id,
      reason: isAuthor ? 'deleted by its author' : 'removed by a moderator',
    });
    return toPostView(updated, { user, moderator }) ?? toPublicView(updated);
  }

  async revisionsOf(user: AuthUser, postId: string): Promise<{ items: PostRevision[] }> {
    const post = await this.requirePost(postId);
    const forum = await this.forums.requireReadableById(user, post.forumId);
    if (post.authorId !== user.id && !moderatesForum(user, forum)) {
      throw new Forbidden('Only the author and moderators can read the history of a post');
    }
    return { items: await this.revisions.listForPost(post.id) };
  }

  private async announceEdit(post: Post, heldReason: string | null, retitled: string | null): Promise<void> {
    const fact = { forumId: post.forumId, topicId: post.topicId, seq: post.seq };
    if (post.status === 'held') {
      await this.events.emit(ForumEvent.PostHeld, {
        ...fact,
        post: toPublicView(post),
        reason: heldReason ?? 'edited while waiting for a moderator',
      });
      return;
    }
    await this.events.emit(ForumEvent.PostUpdated, { ...fact, post: toPublicView(post) });
    if (retitled) await this.events.emit(ForumEvent.TopicUpdated, { ...fact, topic: { title: retitled } });
  }

  private async requirePost(postId: string): Promise<Post> {
    const post = await this.posts.findById(postId);
    if (!post) throw new NotFound('Post');
    return post;
  }
}
