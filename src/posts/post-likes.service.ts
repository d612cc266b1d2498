import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { NotFound } from '../infra/errors/app-error';
import { EventBus } from '../infra/events/event-bus';
import { ForumEvent } from '../infra/events/forum-events';
import type { Post } from './post';
import { PostLikeRepository } from './post-like.repository';
import { PostRepository } from './post.repository';
import { TopicAccessService } from './topic-access.service';

export interface LikeState {
  postId: string;
  liked: boolean;
  likeCount: number;
}

/** One like per user per post: the unique index decides, and only the call that changed it moves the counter. */
@Injectable()
export class PostLikesService {
  constructor(
    private readonly posts: PostRepository,
    private readonly likes: PostLikeRepository,
    private readonly access: TopicAccessService,
    private readonly events: EventBus,
  ) {}

  async like(user: AuthUser, postId: string): Promise<LikeState> {
    const post = await this.requireLikeable(user, postId);
    const added = await this.likes.add(post.id, user.id);
    const likeCount = added ? await this.posts.addLikes(post.id, 1) : post.likeCount;
    if (added) await this.announce(post, likeCount);
    return { postId: post.id, liked: true, likeCount };
  }

  async unlike(user: AuthUser, postId: string): Promise<LikeState> {
    const post = await this.requireLikeable(user, postId);
    const removed = await this.likes.remove(post.id, user.id);
    const likeCount = removed ? await this.posts.addLikes(post.id, -1) : post.likeCount;
    if (removed) await this.announce(post, likeCount);
    return { postId: post.id, liked: false, likeCount };
  }

  /** Other viewers of the topic see the count move; a repeated (no-op) like announces nothing. */
  private announce(post: Post, likeCount: number): Promise<void> {
    return this.events.emit(ForumEvent.PostLiked, {
      forumId: post.forumId,
      topicId: post.topicId,
      seq: post.seq,
      postId: post.id,
      likeCount,
    });
  }

  private async requireLikeable(user: AuthUser, postId: string) {
    const post = await this.posts.findById(postId);
    if (!post || post.status !== 'visible') throw new NotFound('Post');
    await this.access.readable(user, post.topicId);
    return post;
  }
}
