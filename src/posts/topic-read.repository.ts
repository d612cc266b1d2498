import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { TopicReadRecord } from './topic-read.schema';
import { isDuplicateKey } from '../infra/database/duplicate-key';

/** A mark's `_id`: one document per reader and topic, addressed without an index lookup. */
export const readMarkId = (userId: string, topicId: string) => `${userId}:${topicId}`;

/** Marks remembered by `atLeast`, the oldest dropped first beyond this. */
const MARKS_REMEMBERED = 200_000;

@Injectable()
export class TopicReadRepository {
  /**
   * Mark id → a lastReadSeq this instance knows is stored: reopening a topic read to its end then costs no
   * database read at all (every signed-in page view advances the mark; bench:http).
   */
  private readonly atLeast = new Map<string, number>();

  constructor(@InjectModel(TopicReadRecord.name) private readonly reads: Model<TopicReadRecord>) {}

  /**
   * Only ever moves forward, so an old page loaded late cannot make read posts unread again. Reading the mark
   * by `_id` first spares the write when it is already there, as it is whenever a reader opens a topic again:
   * a point read is cheaper than a write on every engine, and on FerretDB a write waits for the document's lock.
   */
  async advance(userId: string, topicId: string, forumId: string, seq: number): Promise<void> {
    const _id = readMarkId(userId, topicId);
    // Marks only move forward, so one this instance saw at `seq` or beyond is still there (or further).
    if ((this.atLeast.get(_id) ?? 0) >= seq) return;
    const mark = await this.reads.findById(_id, { lastReadSeq: 1 }).lean<{ lastReadSeq: number }>().exec();
    this.saw(_id, mark?.lastReadSeq ?? 0);
    if (mark && mark.lastReadSeq >= seq) return;
    const update = { $max: { lastReadSeq: seq }, $setOnInsert: { userId, topicId, forumId } };
    try {
      await this.reads.updateOne({ _id }, update, { upsert: true }).exec();
    } catch (error) {
      // Two first reads raced, or the mark predates `_id` keys (an ObjectId): the unique (userId, topicId)
      // index refused a second mark, so move the one that exists.
      if (!isDuplicateKey(error)) throw error;
      await this.reads.updateOne({ userId, topicId }, { $max: { lastReadSeq: seq } }).exec();
    }
    this.saw(_id, seq);
  }

  private saw(markId: string, seq: number): void {
    if (seq <= (this.atLeast.get(markId) ?? 0)) return;
    this.atLeast.delete(markId);
    if (this.atLeast.size >= MARKS_REMEMBERED)
      this.atLeast.delete(this.atLeast.keys().next().value as string);
    this.atLeast.set(markId, seq);
  }

  async positions(userId: string, topicIds: string[]): Promise<Map<string, number>> {
    if (topicIds.length === 0) return new Map();
    const rows = await this.reads
      .find({ userId, topicId: { $in: topicIds } }, { topicId: 1, lastReadSeq: 1 })
      .lean<TopicReadRecord[]>()
      .exec();
    return new Map(rows.map((row) => [row.topicId, row.lastReadSeq]));
  }

  async deleteAllFor(userId: string): Promise<void> {
    await this.reads.deleteMany({ userId }).exec();
    this.atLeast.clear();
  }
}
