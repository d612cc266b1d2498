import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { ModerationHistoryRecord, ReviewLaneRecord, ReviewSlotRecord } from './queue-slot.schema';

export const slotId = (lane: string, n: number) => `${lane}|${n}`;
export const laneId = (scope: string, priority: number) => `${scope}|${priority}`;

/** The only code that touches review_slots, review_lanes and moderation_history: `_id` reads and writes only. */
@Injectable()
export class QueueSlotRepository {
  constructor(
    @InjectModel(ReviewSlotRecord.name) private readonly slots: Model<ReviewSlotRecord>,
    @InjectModel(ReviewLaneRecord.name) private readonly lanes: Model<ReviewLaneRecord>,
    @InjectModel(ModerationHistoryRecord.name) private readonly history: Model<ModerationHistoryRecord>,
  ) {}

  /** Takes the lane's next number ($inc on the lane document, created on first use). */
  async allocate(lane: string): Promise<number> {
    const row = await this.lanes
      .findOneAndUpdate({ _id: lane }, { $inc: { next: 1 } }, { upsert: true, new: true })
      .lean<ReviewLaneRecord>()
      .exec();
    return (row?.next ?? 1) - 1;
  }

  async lane(lane: string): Promise<{ next: number; low: number }> {
    const row = await this.lanes.findById(lane).lean<ReviewLaneRecord>().exec();
    return { next: row?.next ?? 0, low: row?.low ?? 0 };
  }

  /** Only ever raises the mark: every slot below it is gone for good (numbers are never reused). */
  async raiseLow(lane: string, low: number): Promise<void> {
    await this.lanes.updateOne({ _id: lane }, { $max: { low } }).exec();
  }

  async put(id: string, itemId: string): Promise<void> {
    await this.slots.updateOne({ _id: id }, { $set: { itemId } }, { upsert: true }).exec();
  }

  /** Point reads in parallel; a missing slot comes back as null. */
  async get(ids: string[]): Promise<Array<{ id: string; itemId: string } | null>> {
    const rows = await Promise.all(ids.map((id) => this.slots.findById(id).lean<ReviewSlotRecord>().exec()));
    return rows.map((row) => (row ? { id: row._id, itemId: row.itemId } : null));
  }

  async remove(ids: string[]): Promise<void> {
    for (const id of ids) await this.slots.deleteOne({ _id: id }).exec();
  }

  async countAction(userId: string): Promise<void> {
    await this.history.updateOne({ _id: userId }, { $inc: { actions: 1 } }, { upsert: true }).exec();
  }

  async forgetUser(userId: string): Promise<void> {
    await this.history.deleteOne({ _id: userId }).exec();
  }

  async actionsOn(userIds: string[]): Promise<Map<string, number>> {
    const rows = await Promise.all(
      userIds.map((id) => this.history.findById(id).lean<ModerationHistoryRecord>().exec()),
    );
    return new Map(userIds.map((id, i) => [id, rows[i]?.actions ?? 0]));
  }
}
