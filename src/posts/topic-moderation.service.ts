import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { Forbidden, NotFound } from '../infra/errors/app-error';
import { EventBus } from '../infra/events/event-bus';
import { ForumEvent } from '../infra/events/forum-events';
import { AdminContentPolicy } from '../users/admin-content.policy';
import { TopicAccessService } from './topic-access.service';
import { toTopicView, type TopicView } from './topic-view';
import { TopicRepository } from './topic.repository';

export interface TopicFlags {
  pinned?: boolean;
  locked?: boolean;
}

/** Pinning and locking, by the forum's moderators. */
@Injectable()
export class TopicModerationService {
  constructor(
    private readonly access: TopicAccessService,
    private readonly topics: TopicRepository,
    private readonly adminContent: AdminContentPolicy,
    private readonly events: EventBus,
  ) {}

  async setFlags(user: AuthUser, topicId: string, flags: TopicFlags): Promise<TopicView> {
    const { topic, forum, moderator } = await this.access.readable(user, topicId);
    if (!moderator) throw new Forbidden('Only moderators of this forum can pin or lock topics');
    await this.adminContent.assertMayModerate(user, topic.authorId);
    const updated = await this.topics.update(topic.id, flags);
    if (!updated) throw new NotFound('Topic');
    const fact = { forumId: forum.id, topicId: topic.id, seq: updated.lastVisibleSeq };
    if (flags.locked !== undefined && flags.locked !== topic.locked) {
      await this.events.emit(ForumEvent.TopicLocked, { ...fact, locked: updated.locked, byUserId: user.id });
    }
    if (flags.pinned !== undefined && flags.pinned !== topic.pinned) {
      await this.events.emit(ForumEvent.TopicUpdated, { ...fact, topic: { pinned: updated.pinned } });
    }
    return toTopicView(updated);
  }
}
