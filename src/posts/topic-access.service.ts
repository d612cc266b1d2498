import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import type { Forum } from '../forums/forum';
import { canModerateForum } from '../auth/forum-moderation.policy';
import { canReadForum } from '../forums/forum-access.policy';
import { ForumsService } from '../forums/forums.service';
import { AppError, NotFound } from '../infra/errors/app-error';
import type { Topic } from './topic';
import { TopicRepository } from './topic.repository';

export interface TopicContext {
  topic: Topic;
  forum: Forum;
  moderator: boolean;
}

/** Loads a topic with its forum and answers "may this caller see it / write to it?" in one place. */
@Injectable()
export class TopicAccessService {
  constructor(
    private readonly topics: TopicRepository,
    private readonly forums: ForumsService,
  ) {}

  /** A topic that is not visible exists only for moderators (and, while held, for its author). */
  async readable(user: AuthUser | undefined, topicId: string): Promise<TopicContext> {
    const topic = await this.topics.findById(topicId);
    if (!topic) throw new NotFound('Topic');
    const forum = await this.forums.requireReadableById(user, topic.forumId);
    if (!topicVisibleTo(user, topic, forum)) throw new NotFound('Topic');
    return { topic, forum, moderator: canModerateForum(user, forum.id) };
  }

  /**
   * The topic and its forum, for asking `canReadTopic` about many users at once (notification recipients):
   * two reads, however many are asked. Null when either is gone.
   */
  async load(topicId: string): Promise<{ topic: Topic; forum: Forum } | null> {
    const topic = await this.topics.findById(topicId);
    const forum = topic ? await this.forums.findById(topic.forumId) : null;
    return topic && forum ? { topic, forum } : null;
  }

  /** Replies and edits: the topic must be open (moderators may still write in a locked topic). */
  async writable(user: AuthUser, topicId: string): Promise<TopicContext> {
    const context = await this.readable(user, topicId);
    assertForumOpen(context.forum);
    if (context.topic.locked && !context.moderator) throw topicLocked();
    return context;
  }
}

/** The rule `readable` applies, without the reads: the forum is readable and the topic shown to this user. */
export function canReadTopic(user: AuthUser | undefined, topic: Topic, forum: Forum): boolean {
  return canReadForum(user, forum) && topicVisibleTo(user, topic, forum);
}

function topicVisibleTo(user: AuthUser | undefined, topic: Topic, forum: Forum): boolean {
  if (topic.status === 'visible' || canModerateForum(user, forum.id)) return true;
  return topic.status === 'held' && !!user && topic.authorId === user.id;
}

export function assertForumOpen(forum: Forum): void {
  if (forum.archived) throw new AppError('forum_archived', 'This forum is archived and takes no new posts');
}

export const topicLocked = () =>
  new AppError('topic_locked', 'This topic is locked: no new replies or edits');
