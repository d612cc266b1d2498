import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { canModerateForum } from '../auth/forum-moderation.policy';
import { ForumsService } from '../forums/forums.service';
import { UploadLifecycleService } from '../uploads/upload-lifecycle.service';
import { AppError, Forbidden, NotFound } from '../infra/errors/app-error';
import { EventBus } from '../infra/events/event-bus';
import { ForumEvent } from '../infra/events/forum-events';
import type { Post, PostRevision } from './post';
import { PostCounters } from './post-counters';
import { PostComposer } from './post-composer';
import { PostRevisionRepository } from './post-revision.repository';
import { PostRevisingService } from './post-revising.service';
import { toPostView, toPublicView, WAITING_FOR_MODERATOR, type PostView } from './post-view';
import { PostRepository } from './post.repository';
import { TopicAccessService } from './topic-access.service';

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
    private readonly revising: PostRevisingService,
    private readonly access: TopicAccessService,
    private readonly forums: ForumsService,
    private readonly composer: PostComposer,
    private readonly counters: PostCounters,
    private readonly events: EventBus,
    private readonly uploads: UploadLifecycleService,
  ) {}

  async edit(user: AuthUser, postId: string, input: EditInput): Promise<PostView> {
    const post = await this.requirePost(postId);
    if (post.authorId !== user.id) {
      await this.moderatorOfSomeoneElses(user, post);
      throw new Forbidden('Only the author can edit this post');
    }
    if (post.status !== 'visible' && post.status !== 'held') throw new NotFound('Post');
    if (input.title !== undefined && post.seq !== 1) {
      throw new AppError('title_not_allowed', 'Only the first post of a topic carries the title');
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
      postId: post.id,
    });
    // Files added by the edit belong to the post (kept if a moderator turns a held edit down).
    await this.uploads.attach(post.id, user.id, composed.source);
    const { title: newTitle, heldReason, masked: _masked, status: verdict, ...change } = composed;
    const text = {
      change,
      title: newTitle,
      currentTitle: post.seq === 1 ? context.topic.title : null,
      editorId: user.id,
      reason: input.reason ?? null,
    };
    const viewer = { user, moderator: context.moderator };
    if (verdict === 'held' && post.status === 'visible') {
      // A published post keeps its published text until a moderator accepts the edit.
      const parked = await this.revising.hold(post, text, heldReason ?? 'personal data');
      return withPendingEdit(toPostView(parked, viewer) ?? toPublicView(parked), parked);
    }
    // A post that was never published stays held whatever the edit: a moderator decides.
    const updated = await this.revising.apply(post, text, post.status === 'held' ? 'held' : verdict);
    if (updated.status === 'held') await this.announceHeld(updated, heldReason);
    return toPostView(updated, viewer) ?? toPublicView(updated);
  }

  /**
   * The author's delete is soft: readers see a placeholder; the source stays for export and moderators. Only
   * the author's: a moderator removes someone else's post through the moderation routes, which record it.
   */
  async remove(user: AuthUser, postId: string): Promise<PostView> {
    const post = await this.requirePost(postId);
    if (post.authorId !== user.id) {
      await this.moderatorOfSomeoneElses(user, post);
      throw new Forbidden(
        'Only the author can delete this post; moderators remove it with POST /api/moderation/posts/:id/delete',
      );
    }
    const moderator = canModerateForum(user, (await this.forums.requireReadableById(user, post.forumId)).id);
    const updated = await this.posts.setStatus(post.id, 'deleted', ['visible', 'held', 'hidden']);
    if (!updated) throw new NotFound('Post');
    await this.counters.statusChanged(updated, post.status);
    await this.events.emit(ForumEvent.PostRemoved, {
      forumId: post.forumId,
      topicId: post.topicId,
      seq: post.seq,
      postId: post.id,
      reason: 'deleted by its author',
      status: 'deleted',
    });
    return toPostView(updated, { user, moderator }) ?? toPublicView(updated);
  }

  async revisionsOf(user: AuthUser, postId: string): Promise<{ items: PostRevision[] }> {
    const post = await this.requirePost(postId);
    if (post.authorId === user.id) await this.forums.requireReadableById(user, post.forumId);
    else if (!(await this.moderatorOfSomeoneElses(user, post))) {
      throw new Forbidden('Only the author and moderators can read the history of a post');
    }
    return { items: await this.revisions.listForPost(post.id) };
  }

  private async announceHeld(post: Post, heldReason: string | null): Promise<void> {
    await this.events.emit(ForumEvent.PostHeld, {
      forumId: post.forumId,
      topicId: post.topicId,
      seq: post.seq,
      post: toPublicView(post),
      reason: heldReason ?? 'edited while waiting for a moderator',
    });
  }

  /**
   * Whether the caller moderates the forum of someone else's post; 404 when they may not see the post at all
   * (held for review, or in a topic not shown to them), as reading it would answer: its existence is not told.
   */
  private async moderatorOfSomeoneElses(user: AuthUser, post: Post): Promise<boolean> {
    const { moderator } = await this.access.readable(user, post.topicId);
    if (!toPostView(post, { user, moderator })) throw new NotFound('Post');
    return moderator;
  }

  private async requirePost(postId: string): Promise<Post> {
    const post = await this.posts.findById(postId);
    if (!post) throw new NotFound('Post');
    return post;
  }
}

/** The author sees their parked edit (not yet public) with the "waiting for a moderator" mark. */
function withPendingEdit(view: PostView, post: Post): PostView {
  if (!post.pendingEdit) return view;
  return {
    ...view,
    html: post.pendingEdit.html,
    source: post.pendingEdit.source,
    pending: WAITING_FOR_MODERATOR,
  };
}
