import { Injectable } from '@nestjs/common';
import { AppError, NotFound } from '../infra/errors/app-error';
import { EventBus } from '../infra/events/event-bus';
import { ForumEvent } from '../infra/events/forum-events';
import type { PendingEdit, Post, PostContentChange, PostStatus } from './post';
import { PostRevisionRepository } from './post-revision.repository';
import { toPublicView } from './post-view';
import { PostRepository } from './post.repository';
import { TopicRepository } from './topic.repository';

export interface RevisedText {
  change: PostContentChange;
  /** The new title (first posts only) and the one it replaces. */
  title: string | null;
  currentTitle: string | null;
  editorId: string;
  reason: string | null;
}

/**
 * Changes the text of a stored post: applying an edit (a revision of the previous text first), or parking an
 * edit of a published post for review. Moderation approves or rejects parked edits through this service.
 */
@Injectable()
export class PostRevisingService {
  constructor(
    private readonly posts: PostRepository,
    private readonly revisions: PostRevisionRepository,
    private readonly topics: TopicRepository,
    private readonly events: EventBus,
  ) {}

  async apply(post: Post, text: RevisedText, status: PostStatus): Promise<Post> {
    await this.revisions.insert({
      postId: post.id,
      rev: post.revisionCount + 1,
      editorId: text.editorId,
      reason: text.reason,
      previousSource: post.source,
      previousTitle: text.currentTitle,
    });
    const updated = await this.posts.updateContent(post.id, { ...text.change, status }, true);
    if (!updated) throw new NotFound('Post');
    const retitled = text.title !== null && text.title !== text.currentTitle ? text.title : null;
    if (retitled) await this.topics.update(post.topicId, { title: retitled });
    const fact = { forumId: post.forumId, topicId: post.topicId, seq: post.seq };
    if (updated.status === 'visible') {
      await this.events.emit(ForumEvent.PostUpdated, { ...fact, post: toPublicView(updated) });
      if (retitled) await this.events.emit(ForumEvent.TopicUpdated, { ...fact, topic: { title: retitled } });
    }
    return updated;
  }

  /** The published text stays; the review queue gets post.held with the pending text (`pendingEdit: true`). */
  async hold(post: Post, text: RevisedText, reason: string): Promise<Post> {
    const pendingEdit: PendingEdit = {
      ...text.change,
      title: text.title,
      editorId: text.editorId,
      reason: text.reason,
      requestedAt: new Date().toISOString(),
    };
    const updated = await this.posts.setPendingEdit(post.id, pendingEdit);
    if (!updated) throw new NotFound('Post');
    await this.events.emit(ForumEvent.PostHeld, {
      forumId: post.forumId,
      topicId: post.topicId,
      seq: post.seq,
      post: { ...toPublicView(updated), html: pendingEdit.html, pendingEdit: true },
      reason,
    });
    return updated;
  }

  /** A moderator accepts a parked edit: it becomes the published text, with a revision like any edit. */
  async approvePending(postId: string): Promise<Post> {
    const post = await this.posts.findById(postId);
    if (!post?.pendingEdit)
      throw new AppError('no_pending_edit', 'This post has no edit waiting for a moderator');
    const { title, editorId, reason, requestedAt: _at, ...change } = post.pendingEdit;
    const currentTitle = post.seq === 1 ? ((await this.topics.findById(post.topicId))?.title ?? null) : null;
    return this.apply(post, { change, title, currentTitle, editorId, reason }, post.status);
  }

  async rejectPending(postId: string): Promise<Post> {
    const post = await this.posts.setPendingEdit(postId, null);
    if (!post) throw new NotFound('Post');
    return post;
  }
}
