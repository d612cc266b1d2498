import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import type { Forum } from '../forums/forum';
import { canModerateForum } from '../auth/forum-moderation.policy';
import { ForumsService } from '../forums/forums.service';
import { AppError, NotFound } from '../infra/errors/app-error';
import type { PublishRequest } from '../publishing/publish-decision';
import type { Board } from './board';
import { BoardRepository } from './board.repository';

export interface BoardContext {
  board: Board;
  forum: Forum;
  moderator: boolean;
}

/** Loads a board with its forum and answers "may this caller read it / write to it?" (the forum's rules). */
@Injectable()
export class BoardAccessService {
  constructor(
    private readonly boards: BoardRepository,
    private readonly forums: ForumsService,
  ) {}

  async readable(user: AuthUser | undefined, slug: string): Promise<BoardContext> {
    const board = await this.boards.findBySlug(slug);
    if (!board) throw new NotFound('Board');
    const forum = await this.forums.requireReadableById(user, board.forumId);
    const moderator = canModerateForum(user, forum.id);
    if (board.archived && !moderator) throw new NotFound('Board');
    return { board, forum, moderator };
  }

  async writable(user: AuthUser, slug: string): Promise<BoardContext> {
    const context = await this.readable(user, slug);
    if (context.board.archived || context.forum.archived) {
      throw new AppError('forum_archived', 'This board is archived and takes no new messages');
    }
    return context;
  }

  async moderated(user: AuthUser, slug: string): Promise<BoardContext> {
    const context = await this.readable(user, slug);
    if (!context.moderator) throw new AppError('forbidden', 'Only moderators of this forum can do this');
    return context;
  }
}

/** The board's own policy wins; otherwise the forum's (read at each write). */
export function publishArea({ board, forum }: BoardContext): PublishRequest['area'] {
  return { forumId: forum.id, piiPolicy: board.piiPolicy ?? forum.piiPolicy, phoneRegion: forum.phoneRegion };
}
