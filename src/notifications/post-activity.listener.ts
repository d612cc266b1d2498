import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ForumEvent, type ForumEventPayloads } from '../infra/events/forum-events';
import type { Post } from '../posts/post';
import { PostRepository } from '../posts/post.repository';
import { TopicRepository } from '../posts/topic.repository';
import { excerptOf } from './excerpt';
import type { NewNotification } from './notification';
import { NotificationDeliveryService } from './notification-delivery.service';

/**
 * Replies and mentions. Listens to `post.created`, which fires when a post becomes visible (at once, or when a
 * moderator approves a held one), so nobody is told about text they cannot read yet.
 */
@Injectable()
export class PostActivityListener {
  constructor(
    private readonly posts: PostRepository,
    private readonly topics: TopicRepository,
    private readonly delivery: NotificationDeliveryService,
  ) {}

  @OnEvent(ForumEvent.PostCreated, { async: true, promisify: true })
  async onPostCreated({ post: view }: ForumEventPayloads['post.created']): Promise<void> {
    // Follow-up work may deliver this more than once (a retried step): each notification is stored once per
    // (post, recipient, type), so nobody is told twice. A failure reaches the follow-up work, which retries.
    const post = await this.posts.findById(view.id);
    if (!post || post.status !== 'visible' || !post.authorId) return;
    const entries: Array<{ input: NewNotification; onceKey: string }> = [];
    const replied = post.seq === 1 ? null : await this.repliedTo(post);
    if (replied && replied !== post.authorId) entries.push(this.entry(post, replied, 'reply'));
    const mentioned = new Set(post.mentionedUserIds);
    mentioned.delete(post.authorId);
    if (replied) mentioned.delete(replied);
    for (const userId of mentioned) entries.push(this.entry(post, userId, 'mention'));
    await this.delivery.notifyOnce(entries, post.id, new Date(post.createdAt));
  }

  private entry(post: Post, userId: string, type: 'reply' | 'mention') {
    const input: NewNotification = {
      userId,
      kind: type === 'reply' ? 'replies' : 'mentions',
      type,
      summary:
        type === 'reply' ? `${post.authorName} replied to your post` : `${post.authorName} mentioned you`,
      excerpt: excerptOf(post.source),
      reason: null,
      action: null,
      actorId: post.authorId,
      link: linkTo(post),
    };
    return { input, onceKey: `${type}:${post.id}:${userId}` };
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
