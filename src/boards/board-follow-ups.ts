import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { EventBus } from '../infra/events/event-bus';
import { ForumEvent } from '../infra/events/forum-events';
import { PendingRoomEvents, type PendingRoomEvent } from '../infra/events/pending-room-events';
import { FollowUpWorker, type FollowUpContext, type FollowUpState } from '../infra/outbox/follow-up-worker';
import { HELD_REASON } from '../publishing/publish-gate.service';
import { ServerEvent } from '../realtime/socket-protocol';
import { needsReview } from '../publishing/publish-decision';
import type { BoardMessage } from './board-message';
import { toPublicMessageView } from './board-message-view';
import { BoardMessageRepository } from './board-message.repository';
import { BoardMessageRecord } from './board-message.schema';
import { BoardRepository } from './board.repository';

export const MessageFollowUpStep = {
  /** The answered message's reply count. */
  ReplyCount: 'reply-count',
  /** The board room's log (and, after a crash, the viewers), the moderators' room, the review queue. */
  Announce: 'announce',
} as const;

export function messageFollowUpSteps(message: { status: string; replyTo: number | null }): string[] {
  const visible = message.status === 'visible';
  return visible && message.replyTo !== null
    ? [MessageFollowUpStep.ReplyCount, MessageFollowUpStep.Announce]
    : [MessageFollowUpStep.Announce];
}

/** What a board message leaves for after the answer (the outbox: src/infra/outbox/follow-up-worker.ts). */
@Injectable()
export class BoardFollowUps implements OnModuleInit {
  constructor(
    @InjectModel(BoardMessageRecord.name) private readonly model: Model<BoardMessageRecord>,
    private readonly worker: FollowUpWorker,
    private readonly messages: BoardMessageRepository,
    private readonly boards: BoardRepository,
    private readonly replayGaps: PendingRoomEvents,
    private readonly events: EventBus,
  ) {}

  onModuleInit(): void {
    this.worker.register<BoardMessage>({
      name: 'message',
      model: this.model,
      load: (id) => this.messages.findWithFollowUp(id),
      steps: {
        [MessageFollowUpStep.ReplyCount]: (message) =>
          this.messages.recountReplies(message.boardId, message.replyTo as number),
        [MessageFollowUpStep.Announce]: (message, context) => this.announce(message, context),
      },
    });
    this.replayGaps.register('board', (slug, eventSeqs) => this.pendingEvents(slug, eventSeqs));
  }

  pending(steps: string[]): FollowUpState {
    return this.worker.pending(steps);
  }

  start(message: BoardMessage): void {
    this.worker.start('message', message.id);
  }

  private async announce(message: BoardMessage, { firstTry }: FollowUpContext): Promise<void> {
    const board = await this.boards.findById(message.boardId);
    if (!board) return;
    const fact = { boardId: board.id, boardSlug: board.slug, seq: message.seq };
    if (message.status === 'held') {
      await this.events.deliver(ForumEvent.MessageHeld, {
        ...fact,
        forumId: message.forumId,
        message: toPublicMessageView(message),
        reason: HELD_REASON,
        redelivery: true,
      });
      return;
    }
    if (message.status !== 'visible') return;
    await this.events.deliver(ForumEvent.MessageCreated, {
      ...fact,
      message: toPublicMessageView(message),
      eventSeq: message.eventSeq ?? undefined,
      live: firstTry,
      reviewable: needsReview(message.findings),
    });
  }

  private async pendingEvents(slug: string, eventSeqs: number[]): Promise<PendingRoomEvent[]> {
    const board = await this.boards.findBySlug(slug);
    if (!board) return [];
    const messages = await this.messages.findByEventSeqs(board.id, eventSeqs);
    return messages
      .filter((message) => message.status === 'visible' && message.eventSeq !== null)
      .map((message) => ({
        eventSeq: message.eventSeq as number,
        event: ServerEvent.MessageCreated,
        payload: {
          boardId: board.id,
          boardSlug: board.slug,
          seq: message.seq,
          message: toPublicMessageView(message),
        },
      }));
  }
}
