import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ForumEvent, type ForumEventPayloads as P } from '../infra/events/forum-events';
import { PersonalDataCopies } from './personal-data-copies.service';

const ON = { async: true, promisify: true } as const;

/**
 * Keeps the copy index current: every post or board message is indexed when it is published, held, edited or
 * redacted. Failures reach the event bus (logged and counted; `post.created` from the outbox is retried).
 */
@Injectable()
export class CopyIndexListener {
  constructor(private readonly copies: PersonalDataCopies) {}

  /** `reviewable: false`: the post holds no personal data its author acknowledged, so nothing to index. */
  @OnEvent(ForumEvent.PostCreated, ON)
  postCreated(p: P['post.created']) {
    return p.reviewable === false ? undefined : this.copies.index('post', p.post.id);
  }

  @OnEvent(ForumEvent.PostHeld, ON)
  @OnEvent(ForumEvent.PostUpdated, ON)
  @OnEvent(ForumEvent.PostRedacted, ON)
  postChanged(p: P['post.updated']) {
    return this.copies.index('post', p.post.id);
  }

  @OnEvent(ForumEvent.MessageCreated, ON)
  messageCreated(p: P['message.created']) {
    return p.reviewable === false ? undefined : this.copies.index('message', p.message.id);
  }

  @OnEvent(ForumEvent.MessageHeld, ON)
  @OnEvent(ForumEvent.MessageUpdated, ON)
  @OnEvent(ForumEvent.MessageRedacted, ON)
  messageChanged(p: P['message.updated']) {
    return this.copies.index('message', p.message.id);
  }
}
