import type { FollowUpState } from '../infra/outbox/follow-up-worker';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isValidObjectId, type FilterQuery, type Model } from 'mongoose';
import type { BoardMessage, BoardMessageStatus, NewBoardMessage } from './board-message';
import { BoardMessageRecord } from './board-message.schema';
import { uniqueWrite } from '../infra/database/duplicate-key';

type MessageRow = BoardMessageRecord & { _id: { toString(): string } };

function toMessage(row: MessageRow): BoardMessage {
  return {
    id: row._id.toString(),
    eventSeq: row.eventSeq ?? null,
    boardId: row.boardId,
    forumId: row.forumId,
    seq: row.seq,
    authorId: row.authorId ?? null,
    authorName: row.authorName,
    source: row.source,
    html: row.html,
    replyTo: row.replyTo ?? null,
    replyCount: row.replyCount ?? 0,
    likeCount: row.likeCount ?? 0,
    likedBy: row.likedBy ?? [],
    status: row.status,
    findings: row.findings ?? null,
    revisions: (row.revisions ?? []).map((rev) => ({
      source: rev.source,
      html: rev.html,
      editedAt: rev.editedAt.toISOString(),
    })),
    createdAt: (row.createdAt ?? new Date(0)).toISOString(),
    editedAt: row.editedAt ? row.editedAt.toISOString() : null,
  };
}

export interface MessageCursor {
  before?: number;
  after?: number;
}

export interface ContentChange {
  source: string;
  html: string;
  status: BoardMessageStatus;
  findings: BoardMessage['findings'];
}

/** Board messages. Moderation may use findById and rewrite (redaction replaces the text and every revision). */
@Injectable()
export class BoardMessageRepository {
  constructor(@InjectModel(BoardMessageRecord.name) private readonly messages: Model<BoardMessageRecord>) {}

  async findById(id: string): Promise<BoardMessage | null> {
    if (!isValidObjectId(id)) return null;
    const row = await this.messages.findById(id).lean<MessageRow>().exec();
    return row ? toMessage(row) : null;
  }

  async findByIds(ids: string[]): Promise<BoardMessage[]> {
    const rows = await this.messages
      .find({ _id: { $in: ids.filter((id) => isValidObjectId(id)) } })
      .lean<MessageRow[]>()
      .exec();
    return rows.map(toMessage);
  }

  async findByClientKey(clientKey: string): Promise<BoardMessage | null> {
    const row = await this.messages.findOne({ clientKey }).lean<MessageRow>().exec();
    return row ? toMessage(row) : null;
  }

  async findBySeq(boardId: string, seq: number): Promise<BoardMessage | null> {
    const row = await this.messages.findOne({ boardId, seq }).lean<MessageRow>().exec();
    return row ? toMessage(row) : null;
  }

  /** Throws the driver's duplicate-key error on a repeated clientKey; the caller answers with the first one. */
  async insert(message: NewBoardMessage): Promise<BoardMessage> {
    // AlreadyStored: a clientKey used before (a retried send).
    const created = await uniqueWrite(this.messages.create(message));
    return toMessage(created.toObject() as MessageRow);
  }

  /**
   * A page by sequence number: `after` ascending, otherwise the newest before `before` (returned ascending).
   * Held messages appear only to moderators and to their author.
   */
  async page(
    boardId: string,
    cursor: MessageCursor,
    limit: number,
    viewer: HeldViewer,
  ): Promise<BoardMessage[]> {
    const filter: FilterQuery<BoardMessageRecord> = { boardId, ...heldFilter(viewer) };
    if (cursor.after !== undefined) {
      filter.seq = { $gt: cursor.after };
      const rows = await this.messages.find(filter).sort({ seq: 1 }).limit(limit).lean<MessageRow[]>().exec();
      return rows.map(toMessage);
    }
    if (cursor.before !== undefined) filter.seq = { $lt: cursor.before };
    const rows = await this.messages.find(filter).sort({ seq: -1 }).limit(limit).lean<MessageRow[]>().exec();
    return rows.map(toMessage).reverse();
  }

  /** Keeps the current text as a revision and stores the new one in one single-document update. */
  async edit(
    id: string,
    change: ContentChange,
    previous: BoardMessage,
    at: Date,
  ): Promise<BoardMessage | null> {
    const revision = { source: previous.source, html: previous.html, editedAt: at };
    const row = await this.messages
      .findOneAndUpdate(
        { _id: id, status: previous.status },
        { $set: { ...change, editedAt: at }, $push: { revisions: revision } },
        { new: true },
      )
      .lean<MessageRow>()
      .exec();
    return row ? toMessage(row) : null;
  }

  /**
   * Moderation's redaction: the text, its HTML and findings, and every earlier version, rewritten in one
   * single-document update (the caller has already replaced the removed values in each).
   */
  async rewriteText(
    id: string,
    text: { source: string; html: string; findings: BoardMessage['findings'] },
    revisions: Array<{ source: string; html: string; editedAt: string }>,
  ): Promise<BoardMessage | null> {
    if (!isValidObjectId(id)) return null;
    const stored = revisions.map((revision) => ({ ...revision, editedAt: new Date(revision.editedAt) }));
    const row = await this.messages
      .findByIdAndUpdate(id, { $set: { ...text, revisions: stored } }, { new: true })
      .lean<MessageRow>()
      .exec();
    return row ? toMessage(row) : null;
  }

  async setStatus(id: string, status: BoardMessageStatus): Promise<BoardMessage | null> {
    const row = await this.messages
      .findByIdAndUpdate(id, { $set: { status } }, { new: true })
      .lean<MessageRow>()
      .exec();
    return row ? toMessage(row) : null;
  }

  /** Sets the reply count of message `seq` from its visible replies: the same however often it runs. */
  async recountReplies(boardId: string, seq: number): Promise<void> {
    const replies = await this.messages.countDocuments({ boardId, replyTo: seq, status: 'visible' }).exec();
    await this.messages.updateOne({ boardId, seq }, { $set: { replyCount: replies } }).exec();
  }

  /** A message with follow-up work pending, and that work (the outbox's one read per run). */
  async findWithFollowUp(id: string): Promise<{ item: BoardMessage; followUp: FollowUpState } | null> {
    const row = await this.messages.findById(id).lean<MessageRow>().exec();
    return row?.followUp ? { item: toMessage(row), followUp: row.followUp } : null;
  }

  /** Messages whose announcement in the board room carries these numbers (a replay asking for pending events). */
  async findByEventSeqs(boardId: string, eventSeqs: number[]): Promise<BoardMessage[]> {
    const rows = await this.messages
      .find({ boardId, eventSeq: { $in: eventSeqs } })
      .lean<MessageRow[]>()
      .exec();
    return rows.map(toMessage);
  }

  /** Null when the like already existed (the filter makes add-and-count one atomic step). */
  async addLike(id: string, userId: string): Promise<BoardMessage | null> {
    const row = await this.messages
      .findOneAndUpdate(
        { _id: id, likedBy: { $ne: userId } },
        { $push: { likedBy: userId }, $inc: { likeCount: 1 } },
        { new: true },
      )
      .lean<MessageRow>()
      .exec();
    return row ? toMessage(row) : null;
  }

  async removeLike(id: string, userId: string): Promise<BoardMessage | null> {
    const row = await this.messages
      .findOneAndUpdate(
        { _id: id, likedBy: userId },
        { $pull: { likedBy: userId }, $inc: { likeCount: -1 } },
        { new: true },
      )
      .lean<MessageRow>()
      .exec();
    return row ? toMessage(row) : null;
  }

  /** Account deletion: the author's messages become "deleted user"; with deletePosts their text goes too. */
  async forgetAuthor(userId: string, deleteText: boolean, placeholderName: string): Promise<BoardMessage[]> {
    const touched = await this.messages.find({ authorId: userId }).lean<MessageRow[]>().exec();
    const set: Record<string, unknown> = { authorId: null, authorName: placeholderName };
    if (deleteText) Object.assign(set, { source: '', html: '', revisions: [], status: 'deleted' });
    await this.messages.updateMany({ authorId: userId }, { $set: set }).exec();
    await this.messages
      .updateMany({ likedBy: userId }, { $pull: { likedBy: userId }, $inc: { likeCount: -1 } })
      .exec();
    return touched.map((row) => ({ ...toMessage(row), ...(set as Partial<BoardMessage>) }));
  }

  async allBy(userId: string): Promise<BoardMessage[]> {
    const rows = await this.messages.find({ authorId: userId }).sort({ _id: 1 }).lean<MessageRow[]>().exec();
    return rows.map(toMessage);
  }
}

export interface HeldViewer {
  userId?: string;
  moderator: boolean;
}

function heldFilter(viewer: HeldViewer): FilterQuery<BoardMessageRecord> {
  if (viewer.moderator) return {};
  if (!viewer.userId) return { status: { $ne: 'held' } };
  return { $or: [{ status: { $ne: 'held' } }, { authorId: viewer.userId }] };
}
