import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { ForumsService } from '../forums/forums.service';
import { AppError, NotFound } from '../infra/errors/app-error';
import type { Topic } from '../posts/topic';
import { TopicLifecycle } from '../posts/topic-lifecycle.service';
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

/**
 * Moderators' actions on a topic: lock, close, pin (and their reverses), move to another forum. Decides (who may)
 * and audits here; the topic's owner (TopicLifecycle, in posts) carries the change out.
 */
@Injectable()
export class TopicActionsService {
  constructor(
    private readonly topics: TopicLifecycle,
    private readonly forums: ForumsService,
    private readonly access: ModerationAccessService,
    private readonly recorder: ActionRecorder,
  ) {}

  async setFlag(
    user: AuthUser,
    topicId: string,
    action: TopicFlagAction,
    reason?: string,
  ): Promise<TopicView> {
    const topic = await this.load(user, topicId);
    const updated = await this.topics.setFlags(topic, FLAGS[action], user.id);
    await this.recorder.record(user, action, targetOf(topic), { reason });
    return toTopicView(updated);
  }

  /** The topic and its posts change forum; the moderator must moderate both forums. */
  async move(user: AuthUser, topicId: string, forumId: string, reason?: string): Promise<TopicView> {
    const topic = await this.load(user, topicId);
    if (forumId === topic.forumId)
      throw new AppError('already_in_forum', 'The topic is already in that forum');
    const target = await this.forums.findById(forumId);
    if (!target) throw new NotFound('Forum');
    this.access.assertModeratesForum(user, target.id);
    if (target.archived) throw new AppError('forum_archived', 'That forum is archived and takes no topics');
    const moved = await this.topics.move(topic, target);
    await this.recorder.record(user, 'move', targetOf(topic), {
      reason: reason ?? `moved to ${target.slug}`,
    });
    return toTopicView(moved);
  }

  private async load(user: AuthUser, topicId: string): Promise<Topic> {
    const topic = await this.topics.find(topicId);
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
