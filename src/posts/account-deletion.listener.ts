import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { EventBus } from '../infra/events/event-bus';
import { ForumEvent, type ForumEventPayloads } from '../infra/events/forum-events';
import { PostLikeRepository } from './post-like.repository';
import { PostRevisionRepository } from './post-revision.repository';
import { PostRepository } from './post.repository';
import { TopicReadRepository } from './topic-read.repository';
import { TopicRepository } from './topic.repository';

export const DELETED_USER_NAME = 'deleted user';
/** The title of a topic whose author deleted their account with its posts. */
export const DELETED_TOPIC_TITLE = 'Deleted topic';

/**
 * A deleted account: its posts stay readable but belong to nobody ("deleted user"), or, when the user asked
 * for it, their text, revisions and topic titles are purged. Other people's quotes and mentions of its name
 * read "a deleted user". Likes and read marks are personal data and go entirely.
 */
@Injectable()
export class AccountDeletionListener {
  private readonly logger = new Logger(AccountDeletionListener.name);

  constructor(
    private readonly posts: PostRepository,
    private readonly revisions: PostRevisionRepository,
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

  /** Other people's posts: quote headers and mentions of the name read "a deleted user" (search too). */
  @OnEvent(ForumEvent.UserErased, { async: true, promisify: true })
  async onUserErased({ userId, username }: ForumEventPayloads['user.erased']): Promise<void> {
    const posts = await this.posts.eraseNameInPosts(userId, username);
    const revisions = await this.revisions.eraseName(username);
    this.logger.log({ userId, posts, revisions }, 'name of a deleted account erased from other posts');
  }

  /** Purged, not hidden: text, every revision and the titles of the topics it started. */
  private async removePosts(userId: string): Promise<void> {
    const posts = await this.posts.purgeAllByAuthor(userId);
    await this.revisions.deleteAllOf(posts.map((post) => post.id));
    for (const topic of await this.topics.purgeTitlesBy(userId, DELETED_TOPIC_TITLE)) {
      const fact = { forumId: topic.forumId, topicId: topic.id, seq: 1 };
      await this.events.emit(ForumEvent.TopicUpdated, { ...fact, topic: { title: topic.title } });
    }
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
