import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ForumEvent, type ForumEventPayloads } from '../infra/events/forum-events';
import type { Post } from '../posts/post';
import { PostRepository } from '../posts/post.repository';
import { TopicRepository } from '../posts/topic.repository';
import { excerptOf } from './excerpt';
import { NotificationDeliveryService } from './notification-delivery.service';

/**
 * Replies and mentions. Listens to `post.created`, which fires when a post becomes visible (at once, or when a
 * moderator approves a held one), so nobody is told about text they cannot read yet.
 */
@Injectable()
export class PostActivityListener {
  private readonly logger = new Logger(PostActivityListener.name);

  constructor(
    private readonly posts: PostRepository,
    private readonly topics: TopicRepository,
    private readonly delivery: NotificationDeliveryService,
  ) {}

  @OnEvent(ForumEvent.PostCreated, { async: true, promisify: true })
  async onPostCreated({ post: view, redelivery }: ForumEventPayloads['post.created']): Promise<void> {
    // A retried request announcing its stored post again: the author was told once, or the crash lost it.
    if (redelivery) return;
    try {
      const post = await this.posts.findById(view.id);
      if (!post || post.status !== 'visible' || !post.authorId) return;
      const replied = await this.notifyReply(post);
      await this.notifyMentions(post, replied);
    } catch (error) {
      this.logger.warn(
        { err: (error as Error).message, postId: view.id },
        'reply/mention notification failed',
      );
    }
  }

  /** The author of the post replied to (or of the topic, for a plain reply); null when nobody is told. */
  private async notifyReply(post: Post): Promise<string | null> {
    if (post.seq === 1) return null;
    const recipient = await this.repliedTo(post);
    if (!recipient || recipient === post.authorId) return null;
    await this.delivery.notify({
      userId: recipient,
      kind: 'replies',
      type: 'reply',
      summary: `${post.authorName} replied to your post`,
      excerpt: excerptOf(post.source),
      reason: null,
      action: null,
      actorId: post.authorId,
      link: linkTo(post),
    });
    return recipient;
  }

  private async notifyMentions(post: Post, alreadyTold: string | null): Promise<void> {
    const mentioned = new Set(post.mentionedUserIds);
    mentioned.delete(post.authorId ?? '');
    if (alreadyTold) mentioned.delete(alreadyTold);
    for (const userId of mentioned) {
      await this.delivery.notify({
        userId,
        kind: 'mentions',
        type: 'mention',
        summary: `${post.authorName} mentioned you`,
        excerpt: excerptOf(post.source),
        reason: null,
        action: null,
        actorId: post.authorId,
        link: linkTo(post),
      });
    }
  }

  private async repliedTo(post: Post): Promise<string | null> {
    if (post.replyTo !== null)
      return (await this.posts.findBySeq(post.topicId, post.replyTo))?.authorId ?? null;
    return (await this.topics.findById(post.topicId))?.authorId ?? null;
  }
}

function linkTo(post: Post) {
  return { forumId: post.forumId, topicId: post.topicId, postId: post.id, seq: post.seq };
}
