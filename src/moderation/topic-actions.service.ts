import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { ForumsService } from '../forums/forums.service';
import { AppError, NotFound } from '../infra/errors/app-error';
import { EventBus } from '../infra/events/event-bus';
import { ForumEvent } from '../infra/events/forum-events';
import type { Topic } from '../posts/topic';
import { PostRepository } from '../posts/post.repository';
import { TopicRepository } from '../posts/topic.repository';
import { toTopicView, type TopicView } from '../posts/topic-view';
import { ActionRecorder } from './action-recorder.service';
import { ModerationAccessService } from './moderation-access.service';

export type TopicFlagAction = 'lock' | 'unlock' | 'pin' | 'unpin' | 'close' | 'reopen';

const FLAGS: Record<TopicFlagAction, { locked?: boolean; pinned?: boolean }> = {
  lock: { locked: true },
  unlock: { locked: false },
  // Closing is a lock meant to last (the discussion is over), told to the author with its reason.
  close: { locked: true },
  reopen: { locked: false },
  pin: { pinned: true },
  unpin: { pinned: false },
};

/** Moderators' actions on a topic: lock, close, pin (and their reverses), move to another forum. */
@Injectable()
export class TopicActionsService {
  constructor(
    private readonly topics: TopicRepository,
    private readonly posts: PostRepository,
    private readonly forums: ForumsService,
    private readonly access: ModerationAccessService,
    private readonly recorder: ActionRecorder,
    private readonly events: EventBus,
  ) {}

  async setFlag(
    user: AuthUser,
    topicId: string,
    action: TopicFlagAction,
    reason?: string,
  ): Promise<TopicView> {
    const topic = await this.load(user, topicId);
    const flags = FLAGS[action];
    const updated = await this.topics.update(topic.id, flags);
    if (!updated) throw new NotFound('Topic');
    const fact = { forumId: updated.forumId, topicId: updated.id, seq: updated.lastVisibleSeq };
    if (flags.locked !== undefined && flags.locked !== topic.locked) {
      await this.events.emit(ForumEvent.TopicLocked, { ...fact, locked: updated.locked, byUserId: user.id });
    }
    if (flags.pinned !== undefined && flags.pinned !== topic.pinned) {
      await this.events.emit(ForumEvent.TopicUpdated, { ...fact, topic: { pinned: updated.pinned } });
    }
    await this.recorder.record(user, action, targetOf(topic), { reason });
    return toTopicView(updated);
  }

  /** The topic and its posts change forum; the moderator must moderate both forums. */
  async move(user: AuthUser, topicId: string, forumId: string, reason?: string): Promise<TopicView> {
    const topic = await this.load(user, topicId);
    if (forumId === topic.forumId) throw new AppError('bad_request', 'The topic is already in that forum');
    const target = await this.forums.findById(forumId);
    if (!target) throw new NotFound('Forum');
    this.access.assertModeratesForum(user, target.id);
    if (target.archived) throw new AppError('forum_archived', 'That forum is archived and takes no topics');
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
    await this.recorder.record(user, 'move', targetOf(topic), {
      reason: reason ?? `moved to ${target.slug}`,
    });
    return toTopicView(moved);
  }

  private async load(user: AuthUser, topicId: string): Promise<Topic> {
    const topic = await this.topics.findById(topicId);
    if (!topic) throw new NotFound('Topic');
    this.access.assertModeratesForum(user, topic.forumId);
    await this.access.assertNotOverAdmin(user, topic.authorId);
    return topic;
  }
}

function targetOf(topic: Topic) {
  return {
    targetType: 'topic' as const,
    targetId: topic.id,
    forumId: topic.forumId,
    topicId: topic.id,
    subjectUserId: topic.authorId,
  };
}
