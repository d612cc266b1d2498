import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { EventBus } from '../infra/events/event-bus';
import { ForumEvent, type ForumEventPayloads } from '../infra/events/forum-events';
import { PostLikeRepository } from './post-like.repository';
import { PostRepository } from './post.repository';
import { TopicReadRepository } from './topic-read.repository';
import { TopicRepository } from './topic.repository';

export const DELETED_USER_NAME = 'deleted user';

/**
 * A deleted account: its posts stay readable but belong to nobody ("deleted user"), or, when the user asked
 * for it, they are soft-deleted as well. Likes and read marks are personal data and go entirely.
 */
@Injectable()
export class AccountDeletionListener {
  private readonly logger = new Logger(AccountDeletionListener.name);

  constructor(
    private readonly posts: PostRepository,
    private readonly topics: TopicRepository,
    private readonly likes: PostLikeRepository,
    private readonly reads: TopicReadRepository,
    private readonly events: EventBus,
  ) {}

  @OnEvent(ForumEvent.UserDeleted, { async: true, promisify: true })
  async onUserDeleted({ userId, deletePosts }: ForumEventPayloads['user.deleted']): Promise<void> {
    if (deletePosts) await this.removePosts(userId);
    await this.posts.anonymiseAuthor(userId, DELETED_USER_NAME);
    await this.topics.anonymiseAuthor(userId, DELETED_USER_NAME);
    for (const postId of await this.likes.deleteAllBy(userId)) await this.posts.addLikes(postId, -1);
    await this.reads.deleteAllFor(userId);
    this.logger.log({ userId, deletePosts }, 'forum content of a deleted account handled');
  }

  private async removePosts(userId: string): Promise<void> {
    const posts = await this.posts.listByAuthor(userId);
    await this.posts.deleteAllByAuthor(userId);
    for (const post of posts) {
      if (post.status === 'deleted') continue;
      await this.events.emit(ForumEvent.PostRemoved, {
        forumId: post.forumId,
        topicId: post.topicId,
        seq: post.seq,
        postId: post.id,
        reason: 'account deleted',
        status: 'deleted',
      });
    }
  }
}
