import { Injectable } from '@nestjs/common';
import { ForumsService } from '../forums/forums.service';
import { NotFound } from '../infra/errors/app-error';
import { EventBus } from '../infra/events/event-bus';
import { ForumEvent } from '../infra/events/forum-events';
import { PostRepository } from './post.repository';
import type { Topic } from './topic';
import { TopicRepository } from './topic.repository';

export interface TopicFlags {
  locked?: boolean;
  pinned?: boolean;
}

/**
 * A topic's steps after it is published, for moderation to call once it has decided and before it audits: pin
 * and lock (with the live events a change needs), and the move to another forum with its posts and counts.
 */
@Injectable()
export class TopicLifecycle {
  constructor(
    private readonly topics: TopicRepository,
    private readonly posts: PostRepository,
    private readonly forums: ForumsService,
    private readonly events: EventBus,
  ) {}

  find(topicId: string): Promise<Topic | null> {
    return this.topics.findById(topicId);
  }

  /** Sets the flags; tells the topic's and forum's viewers of each one that changed. */
  async setFlags(topic: Topic, flags: TopicFlags, byUserId: string): Promise<Topic> {
    const updated = await this.topics.update(topic.id, flags);
    if (!updated) throw new NotFound('Topic');
    const fact = { forumId: updated.forumId, topicId: updated.id, seq: updated.lastVisibleSeq };
    if (flags.locked !== undefined && flags.locked !== topic.locked) {
      await this.events.emit(ForumEvent.TopicLocked, { ...fact, locked: updated.locked, byUserId });
    }
    if (flags.pinned !== undefined && flags.pinned !== topic.pinned) {
      await this.events.emit(ForumEvent.TopicUpdated, { ...fact, topic: { pinned: updated.pinned } });
    }
    return updated;
  }

  /** The topic and its posts change forum; a visible topic's counts move with it. */
  async move(topic: Topic, target: { id: string; slug: string }): Promise<Topic> {
    const moved = await this.topics.moveToForum(topic.id, target.id);
    if (!moved) throw new NotFound('Topic');
    const postCount = await this.posts.moveTopicToForum(topic.id, target.id);
    if (topic.status === 'visible') {
      await this.forums.recordActivity(topic.forumId, { topics: -1, posts: -postCount });
      await this.forums.recordActivity(target.id, { topics: 1, posts: postCount });
    }
    const fact = { forumId: topic.forumId, topicId: topic.id, seq: moved.lastVisibleSeq };
    await this.events.emit(ForumEvent.TopicUpdated, {
      ...fact,
      topic: { forumId: target.id, forumSlug: target.slug },
    });
    return moved;
  }
}
