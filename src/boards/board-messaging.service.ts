import { RoomSequence } from '../infra/events/room-sequence';
import { roomName } from '../realtime/socket-protocol';
import { BoardFollowUps, messageFollowUpSteps } from './board-follow-ups';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { AppError, NotFound } from '../infra/errors/app-error';
import { EventBus } from '../infra/events/event-bus';
import { ForumEvent } from '../infra/events/forum-events';
import { renderPostHtml } from '../infra/rendering/render-post';
import type { PublishDecision } from '../publishing/publish-decision';
import { PublishGateService } from '../publishing/publish-gate.service';
import { BoardAccessService, publishArea, type BoardContext } from './board-access.service';
import type { BoardMessage } from './board-message';
import { toMessageView, toPublicMessageView, type BoardMessageView } from './board-message-view';
import { BoardMessageRepository } from './board-message.repository';
import { BoardPostingSlotRepository } from './board-posting-slot.repository';
import { AlreadyStored } from '../infra/database/duplicate-key';
import { BoardRepository } from './board.repository';

export interface SendMessageInput {
  body: string;
  replyTo?: number;
  clientId?: string;
  acknowledgePersonalData?: string;
}

export interface EditMessageInput {
  body: string;
  acknowledgePersonalData?: string;
}

export interface SentMessage {
  message: BoardMessageView;
  /** Spans the gate masked (mask policy), so the author can be told what changed. */
  masked: PublishDecision['masked'];
}

/**
 * Board messages from REST and from the socket gateway alike: access → the publish gate → slow mode →
 * number ($inc) → store → events after the write. The gateway calls exactly these methods.
 */
@Injectable()
export class BoardMessagingService {
  constructor(
    private readonly access: BoardAccessService,
    private readonly gate: PublishGateService,
    private readonly boards: BoardRepository,
    private readonly messages: BoardMessageRepository,
    private readonly slots: BoardPostingSlotRepository,
    private readonly events: EventBus,
    private readonly sequence: RoomSequence,
    private readonly followUps: BoardFollowUps,
  ) {}

  async send(user: AuthUser, slug: string, input: SendMessageInput): Promise<SentMessage> {
    const context = await this.access.writable(user, slug);
    const clientKey = input.clientId
      ? `${user.id}:${input.clientId.toLowerCase()}`
      : `${user.id}:auto:${randomUUID()}`;
    await this.assertReplyTarget(context, input.replyTo);
    const decision = await this.gate.evaluate({
      user,
      area: publishArea(context),
      text: input.body,
      acknowledgePersonalData: input.acknowledgePersonalData,
    });
    const { message, raced } = await this.store(user, context, decision, input.replyTo ?? null, clientKey);
    return {
      message: toMessageView(message, { userId: user.id, moderator: false }),
      masked: raced ? [] : decision.masked,
    };
  }

  async edit(user: AuthUser, slug: string, messageId: string, input: EditMessageInput): Promise<SentMessage> {
    const context = await this.access.writable(user, slug);
    const message = await this.requireMessage(context, messageId, user);
    if (message.authorId !== user.id) throw new AppError('forbidden', 'Only the author can edit a message');
    if (message.status !== 'visible' && message.status !== 'held') {
      throw new AppError('state_changed', 'This message was deleted or removed and cannot be edited');
    }
    const decision = await this.gate.evaluate({
      user,
      area: publishArea(context),
      text: input.body,
      acknowledgePersonalData: input.acknowledgePersonalData,
    });
    const status = decision.action === 'hold' ? 'held' : message.status;
    const change = {
      source: decision.text,
      html: renderPostHtml(decision.text),
      status,
      findings: decision.findings,
    };
    const edited = await this.messages.edit(message.id, change, message, new Date());
    if (!edited)
      throw new AppError('edit_conflict', 'The message changed meanwhile; reload it and edit again');
    await this.announceEdit(context, message, edited, decision);
    return { message: toMessageView(edited, { userId: user.id, moderator: false }), masked: decision.masked };
  }

  /** Authors delete their own messages; moderators of the forum remove anyone's. */
  async remove(user: AuthUser, slug: string, messageId: string): Promise<BoardMessageView> {
    const context = await this.access.readable(user, slug);
    const message = await this.requireMessage(context, messageId, user);
    // A moderator removes someone else's message through the moderation routes, which record it.
    if (message.authorId !== user.id) {
      throw new AppError(
        'forbidden',
        context.moderator
          ? 'Only the author can delete this message; moderators remove it with POST /api/moderation/messages/:id/delete'
          : 'You can only delete your own messages',
      );
    }
    const removed = (await this.messages.setStatus(message.id, 'deleted')) ?? message;
    await this.events.emit(ForumEvent.MessageRemoved, {
      ...fact(context, message),
      messageId: message.id,
      reason: 'deleted by its author',
      status: 'deleted',
    });
    return toMessageView(removed, { userId: user.id, moderator: context.moderator });
  }

  /**
   * The slow-mode slot, the board's atomic $inc, the board room's event number and one insert carrying the
   * follow-up work; then the live event. A clientKey used before means the same send came again: the first
   * message stands and is the answer (its follow-up work was stored with it, so nothing is announced again).
   */
  private async store(
    user: AuthUser,
    context: BoardContext,
    decision: PublishDecision,
    replyTo: number | null,
    clientKey: string,
  ): Promise<{ message: BoardMessage; raced: boolean }> {
    const status = decision.action === 'hold' ? ('held' as const) : ('visible' as const);
    const retried = await this.messages.findByClientKey(clientKey);
    if (retried) return { message: retried, raced: true };
    await this.claimSlowModeSlot(user, context);
    const seq = await this.boards.nextSeq(context.board.id);
    const eventSeq =
      status === 'visible' ? await this.sequence.next(roomName('board', context.board.slug)) : null;
    let message: BoardMessage;
    try {
      message = await this.messages.insert({
        boardId: context.board.id,
        forumId: context.forum.id,
        seq,
        authorId: user.id,
        authorName: user.username,
        source: decision.text,
        html: renderPostHtml(decision.text),
        replyTo,
        status,
        findings: decision.findings.total > 0 ? decision.findings : null,
        clientKey,
        eventSeq,
        followUp: this.followUps.pending(messageFollowUpSteps({ status, replyTo })),
      });
    } catch (error) {
      if (!(error instanceof AlreadyStored)) throw error;
      const raced = await this.messages.findByClientKey(clientKey);
      if (raced) return { message: raced, raced: true };
      throw error;
    }
    if (eventSeq !== null) {
      const view = toPublicMessageView(message);
      await this.events.emit(ForumEvent.MessageStored, {
        ...fact(context, message),
        message: view,
        eventSeq,
      });
    }
    this.followUps.start(message);
    return { message, raced: false };
  }

  private async announce(
    context: BoardContext,
    message: BoardMessage,
    reason?: string,
    redelivery = false,
  ): Promise<void> {
    if (message.status === 'held') {
      await this.events.emit(ForumEvent.MessageHeld, {
        ...fact(context, message),
        forumId: context.forum.id,
        message: toPublicMessageView(message),
        reason: reason ?? '',
        redelivery,
      });
      return;
    }
    await this.events.emit(ForumEvent.MessageCreated, {
      ...fact(context, message),
      message: toPublicMessageView(message),
      redelivery,
    });
  }

  private async announceEdit(
    context: BoardContext,
    before: BoardMessage,
    after: BoardMessage,
    decision: PublishDecision,
  ) {
    if (after.status === 'held' && before.status === 'visible') {
      // Viewers drop it until a moderator decides; moderators get it in their queue.
      await this.events.emit(ForumEvent.MessageRemoved, {
        ...fact(context, after),
        messageId: after.id,
        reason: 'held for review',
      });
      await this.announce(context, after, decision.reason);
      return;
    }
    if (after.status === 'visible') {
      await this.events.emit(ForumEvent.MessageUpdated, {
        ...fact(context, after),
        message: toPublicMessageView(after),
      });
    }
  }

  private async claimSlowModeSlot(user: AuthUser, { board, moderator }: BoardContext): Promise<void> {
    if (moderator || board.slowModeSeconds <= 0) return;
    const now = new Date();
    const nextAt = await this.slots.claim(board.id, user.id, board.slowModeSeconds, now);
    if (!nextAt) return;
    const retryAfterSeconds = Math.max(1, Math.ceil((nextAt.getTime() - now.getTime()) / 1000));
    throw new AppError('rate_limited', `Slow mode is on: you can post again in ${retryAfterSeconds} s`, {
      retryAfterSeconds,
      slowModeSeconds: board.slowModeSeconds,
    });
  }

  private async assertReplyTarget({ board }: BoardContext, replyTo: number | undefined): Promise<void> {
    if (replyTo === undefined) return;
    const target = replyTo <= board.lastSeq ? await this.messages.findBySeq(board.id, replyTo) : null;
    if (!target || target.status !== 'visible') {
      throw new AppError('reply_target_missing', `There is no message #${replyTo} on this board to reply to`);
    }
  }

  /** Someone else's held message exists only for the forum's moderators, as in the history. */
  private async requireMessage(
    { board, moderator }: BoardContext,
    messageId: string,
    user: AuthUser,
  ): Promise<BoardMessage> {
    const message = await this.messages.findById(messageId);
    const hidden = message?.status === 'held' && message.authorId !== user.id && !moderator;
    if (!message || message.boardId !== board.id || hidden) throw new NotFound('Message');
    return message;
  }
}

export function fact({ board }: BoardContext, message: BoardMessage) {
  return { boardId: board.id, boardSlug: board.slug, seq: message.seq };
}
