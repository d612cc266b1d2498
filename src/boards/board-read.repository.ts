import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { BoardReadRecord } from './board-read.schema';
import { isDuplicateKey } from '../infra/database/duplicate-key';

@Injectable()
export class BoardReadRepository {
  constructor(@InjectModel(BoardReadRecord.name) private readonly reads: Model<BoardReadRecord>) {}

  /** $max keeps the position monotonic when two tabs report out of order. */
  async advance(boardId: string, userId: string, seq: number): Promise<void> {
    try {
      await this.reads
        .updateOne({ boardId, userId }, { $max: { lastReadSeq: seq } }, { upsert: true })
        .exec();
    } catch (error) {
      // Two first reads raced on the unique index: the other one created the row, so update it.
      if (!isDuplicateKey(error)) throw error;
      await this.reads.updateOne({ boardId, userId }, { $max: { lastReadSeq: seq } }).exec();
    }
  }

  async lastRead(boardId: string, userId: string): Promise<number> {
    const row = await this.reads.findOne({ boardId, userId }).lean<BoardReadRecord>().exec();
    return row?.lastReadSeq ?? 0;
  }

  async deleteAllOf(userId: string): Promise<void> {
    await this.reads.deleteMany({ userId }).exec();
  }
}
