import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { AppError, Forbidden, NotFound, ValidationFailed } from '../infra/errors/app-error';
import { EventBus } from '../infra/events/event-bus';
import { ForumEvent } from '../infra/events/forum-events';
import { PostRepository } from './post.repository';
import { TopicAccessService } from './topic-access.service';
import { toTopicView, type TopicView } from './topic-view';
import { TopicRepository } from './topic.repository';

/**
 * "Solved": the topic's author or a moderator of its forum marks one visible reply as the answer (marking
 * another moves the mark). Everyone viewing the topic or its forum sees it at once (topic.updated).
 */
@Injectable()
export class TopicSolutionService {
  constructor(
    private readonly access: TopicAccessService,
    private readonly topics: TopicRepository,
    private readonly posts: PostRepository,
    private readonly events: EventBus,
  ) {}

  async mark(user: AuthUser, topicId: string, postId: string): Promise<TopicView> {
    const { topic, forum } = await this.mayMark(user, topicId);
    const post = await this.posts.findById(postId);
    if (!post || post.topicId !== topic.id) throw new NotFound('Post');
    if (post.seq === 1) {
      throw new ValidationFailed([
        { field: 'postId', messages: ['The first post asks the question: mark a reply as the answer'] },
      ]);
    }
    if (post.status !== 'visible')
      throw new AppError('state_changed', 'Only a visible reply can be the answer');
    return this.set(topic.id, forum.id, { solvedPostId: post.id, solvedSeq: post.seq });
  }

  async clear(user: AuthUser, topicId: string): Promise<TopicView> {
    const { topic, forum } = await this.mayMark(user, topicId);
    return this.set(topic.id, forum.id, { solvedPostId: null, solvedSeq: null });
  }

  private async mayMark(user: AuthUser, topicId: string) {
    const found = await this.access.readable(user, topicId);
    if (found.topic.authorId !== user.id && !found.moderator) {
      throw new Forbidden('Only the topic’s author or a moderator can mark the answer');
    }
    return found;
  }

  private async set(
    topicId: string,
    forumId: string,
    solution: { solvedPostId: string | null; solvedSeq: number | null },
  ): Promise<TopicView> {
    const updated = await this.topics.update(topicId, solution);
    if (!updated) throw new NotFound('Topic');
    await this.events.emit(ForumEvent.TopicUpdated, {
      forumId,
      topicId,
      seq: updated.lastVisibleSeq,
      topic: { ...solution },
    });
    return toTopicView(updated);
  }
}
