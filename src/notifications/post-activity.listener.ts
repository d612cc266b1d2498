import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ForumEvent, type ForumEventPayloads } from '../infra/events/forum-events';
import type { Post } from '../posts/post';
import { PostRepository } from '../posts/post.repository';
import { canReadTopic, TopicAccessService } from '../posts/topic-access.service';
import { toAuthUser } from '../users/user';
import { excerptOf } from './excerpt';
import type { NewNotification, NotificationType } from './notification';
import { NotificationDeliveryService } from './notification-delivery.service';
import type { WatchLevel } from './watch';
import { WatchRepository } from './watch.repository';

type ActivityType = Extract<NotificationType, 'reply' | 'mention' | 'quote' | 'watched_post'>;

/**
 * Replies, mentions, quotes and posts in watched topics and forums. Listens to `post.created`, which fires when
 * a post becomes visible (at once, or when a moderator approves a held one), so nobody is told about text they
 * cannot read yet; and each recipient must be able to read the topic. Muting a topic or forum silences it all.
 */
@Injectable()
export class PostActivityListener {
  constructor(
    private readonly posts: PostRepository,
    private readonly access: TopicAccessService,
    private readonly watches: WatchRepository,
    private readonly delivery: NotificationDeliveryService,
  ) {}

  @OnEvent(ForumEvent.PostCreated, { async: true, promisify: true })
  async onPostCreated({ post: view, references }: ForumEventPayloads['post.created']): Promise<void> {
    // Follow-up work may deliver this more than once (a retried step): each notification is stored once per
    // (post, recipient, type), so nobody is told twice. A failure reaches the follow-up work, which retries.
    const post = await this.posts.findById(view.id);
    if (!post || post.status !== 'visible' || !post.authorId) return;
    const author = post.authorId;
    const [levels, place] = await Promise.all([
      this.watches.levelsOnTopicAndForum(post.topicId, post.forumId),
      this.access.load(post.topicId),
    ]);
    if (!place) return;
    const { topic: topicLevels, forum: forumLevels } = levels;
    // Writing a topic or replying in it watches it, unless the author has a level there already (chosen or not).
    if (!topicLevels.has(author)) await this.watches.setDefault(author, 'topic', post.topicId, 'watching');
    const levelOf = (userId: string): WatchLevel =>
      topicLevels.get(userId) ?? forumLevels.get(userId) ?? 'normal';
    // One notification per recipient, the most personal reason first; never the author, never a muter.
    const chosen = new Map<string, ActivityType>();
    const add = (userId: string | null | undefined, type: ActivityType) => {
      if (!userId || userId === author || chosen.has(userId) || levelOf(userId) === 'muted') return;
      chosen.set(userId, type);
    };
    if (post.seq !== 1) add(await this.repliedTo(post, place.topic.authorId), 'reply');
    const { mentionedUserIds, quotedPostIds } = references ?? post;
    for (const userId of mentionedUserIds) add(userId, 'mention');
    for (const userId of await this.quotedAuthors(quotedPostIds)) add(userId, 'quote');
    const watchers = new Set([...forumLevels.keys(), ...topicLevels.keys()]);
    for (const userId of watchers) {
      const level = levelOf(userId);
      if (level === 'watching' || level === 'tracking') add(userId, 'watched_post');
    }
    // Tracking: every new post in the inbox, but mail only for what is personal (replies, mentions, quotes).
    const entries = [...chosen].map(([userId, type]) => ({
      ...this.entry(post, userId, type),
      mail: type !== 'watched_post' || levelOf(userId) === 'watching',
    }));
    await this.delivery.notifyOnce(entries, post.id, new Date(post.createdAt), {
      actorName: post.authorName,
      readable: (recipient) => canReadTopic(toAuthUser(recipient), place.topic, place.forum),
    });
  }

  private entry(post: Post, userId: string, type: ActivityType) {
    const summaries: Record<ActivityType, string> = {
      reply: `${post.authorName} replied to your post`,
      mention: `${post.authorName} mentioned you`,
      quote: `${post.authorName} quoted you`,
      watched_post: `${post.authorName} posted in a topic you watch`,
    };
    const input: NewNotification = {
      userId,
      kind: type === 'mention' || type === 'quote' ? 'mentions' : 'replies',
      type,
      summary: summaries[type],
      excerpt: excerptOf(post.source),
      reason: null,
      action: null,
      actorId: post.authorId,
      link: linkTo(post),
    };
    return { input, onceKey: `${type}:${post.id}:${userId}` };
  }

  private async repliedTo(post: Post, topicAuthorId: string | null): Promise<string | null> {
    if (post.replyTo !== null)
      return (await this.posts.findBySeq(post.topicId, post.replyTo))?.authorId ?? null;
    return topicAuthorId;
  }

  private async quotedAuthors(quotedPostIds: string[]): Promise<string[]> {
    if (quotedPostIds.length === 0) return [];
    const quoted = await this.posts.findByIds(quotedPostIds);
    return quoted.map((item) => item.authorId).filter((id): id is string => !!id);
  }
}

function linkTo(post: Post) {
  return { forumId: post.forumId, topicId: post.topicId, postId: post.id, seq: post.seq };
}
