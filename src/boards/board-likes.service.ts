import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { AppError, NotFound } from '../infra/errors/app-error';
import { EventBus } from '../infra/events/event-bus';
import { ForumEvent } from '../infra/events/forum-events';
import { BoardAccessService } from './board-access.service';
import type { BoardMessage } from './board-message';
import { toMessageView, toPublicMessageView, type BoardMessageView } from './board-message-view';
import { BoardMessageRepository } from './board-message.repository';
import { fact } from './board-messaging.service';

/** Likes: at most one per member and message, counted with the same atomic update that records it. */
@Injectable()
export class BoardLikesService {
  constructor(
    private readonly access: BoardAccessService,
    private readonly messages: BoardMessageRepository,
    private readonly events: EventBus,
  ) {}

  like(user: AuthUser, slug: string, messageId: string): Promise<BoardMessageView> {
    return this.change(user, slug, messageId, true);
  }

  unlike(user: AuthUser, slug: string, messageId: string): Promise<BoardMessageView> {
    return this.change(user, slug, messageId, false);
  }

  private async change(user: AuthUser, slug: string, messageId: string, like: boolean) {
    const context = await this.access.readable(user, slug);
    const message = await this.messages.findById(messageId);
    if (!message || message.boardId !== context.board.id || message.status !== 'visible') {
      throw new NotFound('Message');
    }
    if (like && message.authorId === user.id)
      throw new AppError('own_content', 'You cannot like your own message');
    const changed: BoardMessage | null = like
      ? await this.messages.addLike(message.id, user.id)
      : await this.messages.removeLike(message.id, user.id);
    // Null: nothing changed (liked twice, or unliked without a like), which is fine to repeat.
    if (changed) {
      await this.events.emit(ForumEvent.MessageUpdated, {
        ...fact(context, changed),
        message: toPublicMessageView(changed),
      });
    }
    return toMessageView(changed ?? message, { userId: user.id, moderator: context.moderator });
  }
}
