import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { EventBus } from '../infra/events/event-bus';
import { ForumEvent, type ForumEventPayloads } from '../infra/events/forum-events';
import { DELETED_USER_NAME } from '../users/user';
import { toPublicMessageView } from './board-message-view';
import { BoardMessageRepository } from './board-message.repository';
import { BoardPostingSlotRepository } from './board-posting-slot.repository';
import { BoardReadRepository } from './board-read.repository';
import { BoardRepository } from './board.repository';

/**
 * A deleted account leaves its board messages as "deleted user" (or, when the user asked, deletes their
 * text and every revision), takes back its likes and forgets its read positions and slow-mode slots.
 */
@Injectable()
export class BoardAccountCleanupListener {
  constructor(
    private readonly messages: BoardMessageRepository,
    private readonly boards: BoardRepository,
    private readonly reads: BoardReadRepository,
    private readonly slots: BoardPostingSlotRepository,
    private readonly events: EventBus,
  ) {}

  @OnEvent(ForumEvent.UserDeleted, { async: true, promisify: true })
  async onUserDeleted({ userId, deletePosts }: ForumEventPayloads['user.deleted']): Promise<void> {
    const touched = await this.messages.forgetAuthor(userId, deletePosts, DELETED_USER_NAME);
    await this.reads.deleteAllOf(userId);
    await this.slots.deleteAllOf(userId);
    // Viewers with the board open replace the author's name (and text) without reloading.
    for (const message of touched.filter((m) => m.status !== 'held')) {
      const board = await this.boards.findById(message.boardId);
      if (!board) continue;
      const view = toPublicMessageView(message);
      const fact = { boardId: board.id, boardSlug: board.slug, seq: message.seq };
      if (deletePosts) {
        await this.events.emit(ForumEvent.MessageRemoved, {
          ...fact,
          messageId: message.id,
          reason: 'account deleted',
          status: 'deleted',
        });
      } else {
        await this.events.emit(ForumEvent.MessageUpdated, { ...fact, message: view });
      }
    }
  }
}
