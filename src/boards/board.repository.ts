import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isValidObjectId, type Model } from 'mongoose';
import { AppError } from '../infra/errors/app-error';
import type { Board, BoardChanges, NewBoard } from './board';
import { BoardRecord } from './board.schema';
import { isDuplicateKey } from '../infra/database/duplicate-key';

type BoardRow = BoardRecord & { _id: { toString(): string } };

function toBoard(row: BoardRow): Board {
  return {
    id: row._id.toString(),
    slug: row.slug,
    name: row.name,
    description: row.description ?? '',
    forumId: row.forumId,
    piiPolicy: row.piiPolicy ?? null,
    slowModeSeconds: row.slowModeSeconds ?? 0,
    lastSeq: row.lastSeq ?? 0,
    archived: row.archived ?? false,
    createdAt: (row.createdAt ?? new Date(0)).toISOString(),
  };
}

@Injectable()
export class BoardRepository {
  constructor(@InjectModel(BoardRecord.name) private readonly boards: Model<BoardRecord>) {}

  async findBySlug(slug: string): Promise<Board | null> {
    const row = await this.boards
      .findOne({ slug: String(slug) })
      .lean<BoardRow>()
      .exec();
    return row ? toBoard(row) : null;
  }

  async findById(id: string): Promise<Board | null> {
    if (!isValidObjectId(id)) return null;
    const row = await this.boards.findById(id).lean<BoardRow>().exec();
    return row ? toBoard(row) : null;
  }

  /** Boards are few (a handful per forum), so the list is read whole, newest first. */
  async list(includeArchived: boolean): Promise<Board[]> {
    const filter = includeArchived ? {} : { archived: false };
    const rows = await this.boards.find(filter).sort({ _id: -1 }).lean<BoardRow[]>().exec();
    return rows.map(toBoard);
  }

  async insert(board: NewBoard): Promise<Board> {
    try {
      const created = await this.boards.create(board);
      return toBoard(created.toObject() as BoardRow);
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw new AppError('slug_taken', `A board with the slug "${board.slug}" already exists`);
      }
      throw error;
    }
  }

  async update(id: string, changes: BoardChanges): Promise<Board | null> {
    const row = await this.boards
      .findByIdAndUpdate(id, { $set: changes }, { new: true })
      .lean<BoardRow>()
      .exec();
    return row ? toBoard(row) : null;
  }

  /** Takes the next message number; $inc on the board document, so concurrent senders never share one. */
  async nextSeq(id: string): Promise<number> {
    const row = await this.boards
      .findByIdAndUpdate(id, { $inc: { lastSeq: 1 } }, { new: true })
      .lean<{ lastSeq: number }>()
      .exec();
    if (!row) throw new AppError('not_found', 'Board not found');
    return row.lastSeq;
  }
}
