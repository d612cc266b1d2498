import { Injectable } from '@nestjs/common';
import { ForumsService } from '../forums/forums.service';
import type { Post, PostStatus } from './post';
import { TopicRepository } from './topic.repository';

/**
 * A topic's reply count and its forum's topic and post counts follow what readers can see: a post counts while
 * it is visible. Publishing and approval add it; deleting, removing or hiding takes it away; unhiding adds it
 * back. All moves are `$inc`, so concurrent changes add up.
 */
@Injectable()
export class PostCounters {
  constructor(
    private readonly topics: TopicRepository,
    private readonly forums: ForumsService,
  ) {}

  /** A post became visible for the first time (published, or approved by a moderator): idempotent. */
  async shown(post: Post, at: Date): Promise<void> {
    if (post.seq === 1) {
      await this.forums.countPost(post.forumId, post.id, { topics: 1, posts: 1 }, at);
      return;
    }
    await this.topics.recordVisibleReply(post.topicId, post.seq, at);
    await this.forums.countPost(post.forumId, post.id, { posts: 1 }, at);
  }

  /** A post went from `from` to its current status: counts move when it enters or leaves `visible`. */
  async statusChanged(post: Post, from: PostStatus): Promise<void> {
    const delta = (post.status === 'visible' ? 1 : 0) - (from === 'visible' ? 1 : 0);
    if (delta === 0) return;
    if (post.seq === 1) {
      await this.forums.recordActivity(post.forumId, { topics: delta, posts: delta });
      return;
    }
    await this.topics.addReplies(post.topicId, delta);
    await this.forums.recordActivity(post.forumId, { posts: delta });
  }
}
