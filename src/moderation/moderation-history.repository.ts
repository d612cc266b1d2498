import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { ModerationHistoryRecord } from './moderation-history.schema';

/** The only code that touches moderation_history: one counter per user, moved with $inc. */
@Injectable()
export class ModerationHistoryRepository {
  constructor(
    @InjectModel(ModerationHistoryRecord.name) private readonly history: Model<ModerationHistoryRecord>,
  ) {}

  async countAction(userId: string): Promise<void> {
    await this.history.updateOne({ _id: userId }, { $inc: { actions: 1 } }, { upsert: true }).exec();
  }

  async forgetUser(userId: string): Promise<void> {
    await this.history.deleteOne({ _id: userId }).exec();
  }

  async actionsOn(userIds: string[]): Promise<Map<string, number>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.history
      .find({ _id: { $in: userIds } })
      .lean<ModerationHistoryRecord[]>()
      .exec();
    const counts = new Map(rows.map((row) => [row._id, row.actions ?? 0]));
    return new Map(userIds.map((id) => [id, counts.get(id) ?? 0]));
  }
}
