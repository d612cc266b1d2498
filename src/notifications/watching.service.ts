import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { ForumsService } from '../forums/forums.service';
import { TopicAccessService } from '../posts/topic-access.service';
import type { WatchLevel } from './watch';
import { WatchRepository } from './watch.repository';

export interface WatchLevels {
  level: WatchLevel;
  forumLevel: WatchLevel | null;
}

/** Watch, track or mute a topic or a forum; only what the user can read. */
@Injectable()
export class WatchingService {
  constructor(
    private readonly watches: WatchRepository,
    private readonly topics: TopicAccessService,
    private readonly forums: ForumsService,
  ) {}

  async topicLevels(user: AuthUser, topicId: string): Promise<WatchLevels> {
    const { topic } = await this.topics.readable(user, topicId);
    const [level, forumLevel] = await Promise.all([
      this.watches.levelOf(user.id, 'topic', topic.id),
      this.watches.levelOf(user.id, 'forum', topic.forumId),
    ]);
    return { level: level ?? 'normal', forumLevel: forumLevel ?? 'normal' };
  }

  async setTopicLevel(user: AuthUser, topicId: string, level: WatchLevel): Promise<WatchLevels> {
    const { topic } = await this.topics.readable(user, topicId);
    await this.watches.set(user.id, 'topic', topic.id, level);
    return this.topicLevels(user, topicId);
  }

  async forumLevel(user: AuthUser, forumId: string): Promise<WatchLevels> {
    const forum = await this.forums.requireReadableById(user, forumId);
    return { level: (await this.watches.levelOf(user.id, 'forum', forum.id)) ?? 'normal', forumLevel: null };
  }

  async setForumLevel(user: AuthUser, forumId: string, level: WatchLevel): Promise<WatchLevels> {
    const forum = await this.forums.requireReadableById(user, forumId);
    await this.watches.set(user.id, 'forum', forum.id, level);
    return { level, forumLevel: null };
  }
}
