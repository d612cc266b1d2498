import { Injectable } from '@nestjs/common';
import {
  noLongerInState,
  replaceValues,
  type ContentLifecycle,
  type ModeratedContent,
  type RedactionChange,
} from '../content/content-lifecycle';
import { AppError, NotFound } from '../infra/errors/app-error';
import { EventBus } from '../infra/events/event-bus';
import { ForumEvent, type ContentView } from '../infra/events/forum-events';
import { renderPostHtml } from '../infra/rendering/render-post';
import type { FindingsSummary } from '../publishing/publish-decision';
import type { BoardMessage } from './board-message';
import { toPublicMessageView } from './board-message-view';
import { BoardMessageRepository } from './board-message.repository';
import { BoardRepository } from './board.repository';

/**
 * The lifecycle steps of a board message after its publish, for moderation to call: no hidden state and no
 * parked edits; revisions are embedded.
 */
@Injectable()
export class MessageLifecycle implements ContentLifecycle {
  readonly kind = 'message' as const;

  constructor(
    private readonly messages: BoardMessageRepository,
    private readonly boards: BoardRepository,
    private readonly events: EventBus,
  ) {}

  async find(id: string): Promise<ModeratedContent | null> {
    const message = await this.messages.findById(id);
    return message ? toContent(message) : null;
  }

  async approve(content: ModeratedContent): Promise<ModeratedContent> {
    const message = await this.messages.setStatus(content.id, 'visible');
    if (!message) throw noLongerInState('message');
    if (message.replyTo !== null) await this.messages.recountReplies(message.boardId, message.replyTo);
    await this.events.emit(ForumEvent.MessageCreated, {
      ...(await this.fact(message)),
      message: toPublicMessageView(message),
    });
    return toContent(message);
  }

  settlePendingEdit(): Promise<ModeratedContent> {
    return Promise.reject(
      new AppError('no_pending_edit', 'Board messages have no edits waiting for a moderator'),
    );
  }

  async setStatus(
    content: ModeratedContent,
    to: 'hidden' | 'visible' | 'removed',
    from: string[],
    reason?: string,
  ): Promise<ModeratedContent | null> {
    if (!from.includes(content.status)) return null;
    const message = await this.messages.setStatus(content.id, to);
    if (!message) return null;
    const fact = await this.fact(message);
    if (to === 'removed') {
      const removed = { ...fact, messageId: message.id, reason, status: 'removed' as const };
      await this.events.emit(ForumEvent.MessageRemoved, removed);
    } else {
      // Hidden: viewers get the placeholder in place; unhidden: the text comes back.
      await this.events.emit(ForumEvent.MessageUpdated, { ...fact, message: toPublicMessageView(message) });
    }
    return toContent(message);
  }

  async edit(
    content: ModeratedContent,
    source: string,
    findings: FindingsSummary | null,
  ): Promise<ModeratedContent> {
    const previous = await this.messages.findById(content.id);
    if (!previous) throw noLongerInState('message');
    const change = { source, html: renderPostHtml(source), status: previous.status, findings };
    const message = await this.messages.edit(previous.id, change, previous, new Date());
    if (!message) throw noLongerInState('message');
    if (message.status === 'visible') {
      await this.events.emit(ForumEvent.MessageUpdated, {
        ...(await this.fact(message)),
        message: toPublicMessageView(message),
      });
    }
    return toContent(message);
  }

  async redact(
    content: ModeratedContent,
    change: RedactionChange,
  ): Promise<{ content: ModeratedContent; view: ContentView }> {
    const current = await this.messages.findById(content.id);
    if (!current) throw new NotFound('Board message');
    const revisions = current.revisions.map((revision) => {
      const source = replaceValues(revision.source, change.replacements);
      return { source, html: renderPostHtml(source), editedAt: revision.editedAt };
    });
    const text = { source: change.source, html: renderPostHtml(change.source), findings: change.findings };
    const message = await this.messages.rewriteText(current.id, text, revisions);
    if (!message) throw new NotFound('Board message');
    const view = toPublicMessageView(message);
    await this.events.emit(ForumEvent.MessageRedacted, {
      ...(await this.fact(message)),
      message: view,
      counts: change.counts,
    });
    return { content: toContent(message), view };
  }

  async revisionTexts(id: string): Promise<string[]> {
    return ((await this.messages.findById(id))?.revisions ?? []).map((revision) => revision.source);
  }

  private async fact(message: BoardMessage) {
    const board = await this.boards.findById(message.boardId);
    return { boardId: message.boardId, boardSlug: board?.slug ?? '', seq: message.seq };
  }
}

function toContent(message: BoardMessage): ModeratedContent {
  return {
    kind: 'message',
    id: message.id,
    forumId: message.forumId,
    containerId: message.boardId,
    seq: message.seq,
    authorId: message.authorId,
    authorName: message.authorName,
    status: message.status,
    source: message.source,
    html: message.html,
    title: null,
    findings: message.findings,
    pendingEdit: null,
    quotedIds: [],
    createdAt: message.createdAt,
  };
}
