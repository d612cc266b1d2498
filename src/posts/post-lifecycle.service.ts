import { Injectable } from '@nestjs/common';
import { ForumsService } from '../forums/forums.service';
import { renderPostHtml } from '../infra/rendering/render-post';
import { EventBus } from '../infra/events/event-bus';
import { ForumEvent, type ContentView } from '../infra/events/forum-events';
import {
  noLongerInState,
  type ContentLifecycle,
  type ModeratedContent,
  type RedactionChange,
} from '../content/content-lifecycle';
import type { FindingsSummary } from '../publishing/publish-decision';
import type { Post, PostStatus } from './post';
import { PostCounters } from './post-counters';
import { PostRevisingService } from './post-revising.service';
import { PostRevisionRepository } from './post-revision.repository';
import { toPublicView } from './post-view';
import { PostRepository } from './post.repository';
import { searchTextOf } from './search-text';
import type { TopicStatus } from './topic';
import { TopicRepository } from './topic.repository';

/**
 * The lifecycle steps of a forum post after its publish (approve, hide, remove, edit, redact), with the topic,
 * the counters and the live events each needs. Moderation decides and audits; this carries the step out.
 */
@Injectable()
export class PostLifecycle implements ContentLifecycle {
  readonly kind = 'post' as const;

  constructor(
    private readonly posts: PostRepository,
    private readonly revisions: PostRevisionRepository,
    private readonly revising: PostRevisingService,
    private readonly topics: TopicRepository,
    private readonly forums: ForumsService,
    private readonly counters: PostCounters,
    private readonly events: EventBus,
  ) {}

  async find(id: string): Promise<ModeratedContent | null> {
    const post = await this.posts.findById(id);
    if (!post) return null;
    const title = post.seq === 1 ? ((await this.topics.findById(post.topicId))?.title ?? null) : null;
    return toContent(post, title);
  }

  async approve(content: ModeratedContent): Promise<ModeratedContent> {
    const post = await this.posts.setStatus(content.id, 'visible', ['held']);
    if (!post) throw noLongerInState('post');
    const fact = { forumId: post.forumId, topicId: post.topicId, seq: post.seq };
    const now = new Date();
    if (post.seq === 1) {
      await this.topics.setStatus(post.topicId, 'visible');
      await this.topics.setFirstPost(post.topicId, post.id, true);
      const forum = await this.forums.findById(post.forumId);
      if (forum) {
        await this.events.emit(ForumEvent.TopicCreated, {
          forumId: forum.id,
          forumSlug: forum.slug,
          topicId: post.topicId,
          title: content.title ?? '',
        });
      }
    }
    await this.counters.shown(post, now);
    await this.events.emit(ForumEvent.PostCreated, { ...fact, post: toPublicView(post) });
    return toContent(post, content.title);
  }

  async settlePendingEdit(content: ModeratedContent, approve: boolean): Promise<ModeratedContent> {
    const post = approve
      ? await this.revising.approvePending(content.id)
      : await this.revising.rejectPending(content.id);
    const title = post.seq === 1 ? ((await this.topics.findById(post.topicId))?.title ?? null) : null;
    return toContent(post, title);
  }

  async setStatus(
    content: ModeratedContent,
    to: 'hidden' | 'visible' | 'removed',
    from: string[],
    reason?: string,
  ): Promise<ModeratedContent | null> {
    const post = await this.posts.setStatus(content.id, to, from as PostStatus[]);
    if (!post) return null;
    // A topic stands or falls with its first post.
    if (post.seq === 1) await this.topics.setStatus(post.topicId, to as TopicStatus);
    await this.counters.statusChanged(post, content.status as PostStatus);
    const fact = { forumId: post.forumId, topicId: post.topicId, seq: post.seq };
    if (to === 'removed') {
      await this.events.emit(ForumEvent.PostRemoved, { ...fact, postId: post.id, reason, status: 'removed' });
    } else {
      await this.events.emit(ForumEvent.PostUpdated, { ...fact, post: toPublicView(post) });
    }
    return toContent(post, content.title);
  }

  async edit(
    content: ModeratedContent,
    source: string,
    findings: FindingsSummary | null,
    editorId: string,
    reason: string,
  ): Promise<ModeratedContent> {
    const current = await this.posts.findById(content.id);
    if (!current) throw noLongerInState('post');
    await this.revisions.insert({
      postId: current.id,
      rev: current.revisionCount + 1,
      editorId,
      reason,
      previousSource: current.source,
      previousTitle: content.title,
    });
    const html = renderPostHtml(source);
    const change = {
      source,
      html,
      searchText: searchTextOf(source, content.title),
      findings,
      mentionedUserIds: current.mentionedUserIds,
      quotedPostIds: current.quotedPostIds,
    };
    const post = await this.posts.updateContent(current.id, change, true);
    if (!post) throw noLongerInState('post');
    if (post.status === 'visible') {
      const fact = { forumId: post.forumId, topicId: post.topicId, seq: post.seq };
      await this.events.emit(ForumEvent.PostUpdated, { ...fact, post: toPublicView(post) });
    }
    return toContent(post, content.title);
  }

  async redact(
    content: ModeratedContent,
    change: RedactionChange,
  ): Promise<{ content: ModeratedContent; view: ContentView }> {
    const post = await this.posts.updateText(content.id, {
      source: change.source,
      html: renderPostHtml(change.source),
      searchText: searchTextOf(change.source, change.title),
      findings: change.findings,
    });
    if (!post) throw noLongerInState('post');
    if (content.title !== null && change.title !== null && change.title !== content.title) {
      await this.topics.update(post.topicId, { title: change.title });
    }
    for (const { value, label } of change.replacements) {
      await this.revisions.replaceInAll(post.id, value, label);
    }
    const view = toPublicView(post);
    await this.events.emit(ForumEvent.PostRedacted, {
      forumId: post.forumId,
      topicId: post.topicId,
      seq: post.seq,
      post: view,
      counts: change.counts,
      ...(change.title !== null ? { title: change.title } : {}),
    });
    return { content: toContent(post, change.title), view };
  }

  /** Every stored revision's text (source and title), so redaction can look for values edited out earlier. */
  async revisionTexts(id: string): Promise<string[]> {
    const revisions = await this.revisions.listForPost(id);
    return revisions.flatMap((revision) => [revision.previousSource, revision.previousTitle ?? '']);
  }
}

function toContent(post: Post, title: string | null): ModeratedContent {
  return {
    kind: 'post',
    id: post.id,
    forumId: post.forumId,
    containerId: post.topicId,
    seq: post.seq,
    authorId: post.authorId,
    authorName: post.authorName,
    status: post.status,
    source: post.source,
    html: post.html,
    title,
    findings: post.findings,
    pendingEdit: post.pendingEdit ? { source: post.pendingEdit.source, title: post.pendingEdit.title } : null,
    quotedIds: post.quotedPostIds,
    createdAt: post.createdAt,
  };
}
