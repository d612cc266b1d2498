import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { AppError } from '../infra/errors/app-error';
import { NoticeStateService } from '../notices/notice-state.service';
import { BoardAccessService } from './board-access.service';
import { toMessageView, type BoardMessageView } from './board-message-view';
import { BoardMessageRepository } from './board-message.repository';
import { BoardReadRepository } from './board-read.repository';

export interface MessagePageQuery {
  before?: number;
  after?: number;
  limit?: number;
}

export interface MessagePage {
  messages: BoardMessageView[];
  lastSeq: number;
  /** Pass as `before` for older messages; null at the start of the board. */
  olderBefore: number | null;
  /** Pass as `after` for newer messages; null when this page reaches the newest. */
  newerAfter: number | null;
  lastReadSeq: number | null;
  notice: { version: number; acknowledged: boolean };
}

/** History by sequence number (cursor, never skip) and the member's read position. */
@Injectable()
export class BoardReadingService {
  constructor(
    private readonly access: BoardAccessService,
    private readonly messages: BoardMessageRepository,
    private readonly reads: BoardReadRepository,
    private readonly notices: NoticeStateService,
  ) {}

  async page(user: AuthUser | undefined, slug: string, query: MessagePageQuery): Promise<MessagePage> {
    if (query.before !== undefined && query.after !== undefined) {
      throw new AppError('conflicting_parameters', 'Give either before or after, not both');
    }
    const { board, moderator } = await this.access.readable(user, slug);
    const limit = query.limit ?? 50;
    const viewer = { userId: user?.id, moderator };
    const rows = await this.messages.page(board.id, query, limit, viewer);
    const first = rows[0]?.seq;
    const last = rows[rows.length - 1]?.seq;
    return {
      messages: rows.map((row) => toMessageView(row, viewer)),
      lastSeq: board.lastSeq,
      olderBefore: first !== undefined && first > 1 ? first : null,
      newerAfter: last !== undefined && last < board.lastSeq ? last : null,
      lastReadSeq: user ? await this.reads.lastRead(board.id, user.id) : null,
      notice: await this.notices.forUser(user),
    };
  }

  /** Called by the socket `read` command and by the REST route alike. */
  async markRead(user: AuthUser, slug: string, seq: number): Promise<{ lastReadSeq: number }> {
    const { board } = await this.access.readable(user, slug);
    const capped = Math.min(seq, board.lastSeq);
    await this.reads.advance(board.id, user.id, capped);
    return { lastReadSeq: await this.reads.lastRead(board.id, user.id) };
  }
}
