import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { TopicReadRecord } from './topic-read.schema';
import { isDuplicateKey } from '../infra/database/duplicate-key';

@Injectable()
export class TopicReadRepository {
  constructor(@InjectModel(TopicReadRecord.name) private readonly reads: Model<TopicReadRecord>) {}

  /**
   * One upsert under the unique (userId, topicId) index; $max only ever moves the mark forward, so an old page
   * loaded late cannot make read posts unread again.
   */
  async advance(userId: string, topicId: string, forumId: string, seq: number): Promise<void> {
    const update = { $max: { lastReadSeq: seq }, $setOnInsert: { forumId } };
    try {
      await this.reads.updateOne({ userId, topicId }, update, { upsert: true }).exec();
    } catch (error) {
      // Two first reads raced on the unique index: the other one created the mark, so move it.
      if (!isDuplicateKey(error)) throw error;
      await this.reads.updateOne({ userId, topicId }, { $max: { lastReadSeq: seq } }).exec();
    }
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
  }
}
