import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ForumEvent, type ForumEventPayloads } from '../infra/events/forum-events';
import { ContentLifecycles } from './content-lifecycles';
import type { ReviewTargetType } from './review-item';
import { ReviewQueueService } from './review-queue.service';

const ON = { async: true, promisify: true } as const;

/**
 * Feeds the review queue from domain events: items held by the `review` policy, and published items whose
 * author acknowledged personal data under `warn` (lower priority). Reports enqueue directly.
 */
@Injectable()
export class ReviewQueueListener {
  private readonly logger = new Logger(ReviewQueueListener.name);

  constructor(
    private readonly queue: ReviewQueueService,
    private readonly adapters: ContentLifecycles,
  ) {}

  @OnEvent(ForumEvent.PostHeld, ON)
  postHeld({ forumId, post }: ForumEventPayloads['post.held']) {
    return this.held('post', post.id, forumId, post.authorId);
  }

  @OnEvent(ForumEvent.MessageHeld, ON)
  messageHeld({ forumId, message }: ForumEventPayloads['message.held']) {
    return this.held('message', message.id, forumId, message.authorId);
  }

  @OnEvent(ForumEvent.PostCreated, ON)
  postCreated({ post, reviewable }: ForumEventPayloads['post.created']) {
    if (reviewable === false) return; // the publisher knows it holds no acknowledged personal data
    return this.published('post', post.id);
  }

  @OnEvent(ForumEvent.PostUpdated, ON)
  postUpdated({ post }: ForumEventPayloads['post.updated']) {
    return this.published('post', post.id);
  }

  @OnEvent(ForumEvent.MessageCreated, ON)
  messageCreated({ message, reviewable }: ForumEventPayloads['message.created']) {
    if (reviewable === false) return;
    return this.published('message', message.id);
  }

  @OnEvent(ForumEvent.MessageUpdated, ON)
  messageUpdated({ message }: ForumEventPayloads['message.updated']) {
    return this.published('message', message.id);
  }

  private async held(kind: ReviewTargetType, id: string, forumId: string, authorId: string | null) {
    await this.safely(kind, id, () =>
      this.queue.enqueue({
        targetType: kind,
        targetId: id,
        forumId,
        authorId,
        reason: 'personal_data',
        reports: 0,
      }),
    );
  }

  /** The event carries the public view only, so the findings summary is read from the stored item. */
  private async published(kind: ReviewTargetType, id: string) {
    await this.safely(kind, id, async () => {
      const content = await this.adapters.adapter(kind).find(id);
      const findings = content?.findings;
      if (!content || content.status !== 'visible' || !findings) return;
      if (findings.policy !== 'warn' || !findings.acknowledged || findings.total === 0) return;
      await this.queue.enqueue({
        targetType: kind,
        targetId: id,
        forumId: content.forumId,
        authorId: content.authorId,
        reason: 'pii_acknowledged',
        reports: 0,
      });
    });
  }

  private async safely(kind: ReviewTargetType, id: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.error({ kind, id, err: (error as Error).message }, 'review queue entry not stored');
    }
  }
}
