import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { canReadForum } from '../forums/forum-access.policy';
import { ForumsService } from '../forums/forums.service';
import { NotFound } from '../infra/errors/app-error';
import type { PiiPolicy } from '../publishing/publish-decision';
import type { BoardChanges } from './board';
import { BoardAccessService } from './board-access.service';
import { toBoardView, type BoardView } from './board-message-view';
import { BoardRepository } from './board.repository';

export interface NewBoardInput {
  slug: string;
  name: string;
  description?: string;
  forumSlug: string;
  piiPolicy?: PiiPolicy | null;
  slowModeSeconds?: number;
}

/** The board list, one board, and the admin/moderator settings (name, policy, slow mode). */
@Injectable()
export class BoardsService {
  constructor(
    private readonly boards: BoardRepository,
    private readonly forums: ForumsService,
    private readonly access: BoardAccessService,
  ) {}

  async list(user: AuthUser | undefined): Promise<BoardView[]> {
    const boards = await this.boards.list(false);
    const forums = await this.forums.findByIds([...new Set(boards.map((board) => board.forumId))]);
    const readable = new Map(forums.filter((forum) => canReadForum(user, forum)).map((f) => [f.id, f]));
    return boards
      .filter((board) => readable.has(board.forumId))
      .map((board) => toBoardView(board, readable.get(board.forumId)!.slug));
  }

  async get(user: AuthUser | undefined, slug: string): Promise<BoardView> {
    const { board, forum } = await this.access.readable(user, slug);
    return toBoardView(board, forum.slug);
  }

  async create(input: NewBoardInput): Promise<BoardView> {
    const forum = await this.forums.findBySlug(input.forumSlug);
    if (!forum) throw new NotFound('Forum');
    const board = await this.boards.insert({
      slug: input.slug,
      name: input.name,
      description: input.description ?? '',
      forumId: forum.id,
      piiPolicy: input.piiPolicy ?? null,
      slowModeSeconds: input.slowModeSeconds ?? 0,
    });
    return toBoardView(board, forum.slug);
  }

  /** Moderators of the board's forum may change slow mode and the policy, e.g. during a busy launch. */
  async update(user: AuthUser, slug: string, changes: BoardChanges): Promise<BoardView> {
    const { board, forum } = await this.access.moderated(user, slug);
    const updated = await this.boards.update(board.id, changes);
    if (!updated) throw new NotFound('Board');
    return toBoardView(updated, forum.slug);
  }
}
