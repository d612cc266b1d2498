import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { BoardPostingSlotRecord } from './board-posting-slot.schema';
import { isDuplicateKey } from '../infra/database/duplicate-key';

@Injectable()
export class BoardPostingSlotRepository {
  constructor(
    @InjectModel(BoardPostingSlotRecord.name) private readonly slots: Model<BoardPostingSlotRecord>,
  ) {}

  /**
   * Claims the member's posting slot: succeeds when their next allowed time has passed (or they never posted)
   * and moves it `seconds` ahead. Atomic: the conditional upsert of two racing sends lets exactly one through.
   * Returns null on success, or the time the member may post again.
   */
  async claim(boardId: string, userId: string, seconds: number, now: Date): Promise<Date | null> {
    const _id = `${boardId}:${userId}`;
    const nextAt = new Date(now.getTime() + seconds * 1000);
    try {
      await this.slots
        .updateOne({ _id, nextAt: { $lte: now } }, { $set: { nextAt, userId } }, { upsert: true })
        .exec();
      return null;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const row = await this.slots.findById(_id).lean<BoardPostingSlotRecord>().exec();
      return row?.nextAt ?? nextAt;
    }
  }

  /** A refused send (422, 428, validation) gives the slot back so the author can correct and resend at once. */
  async release(boardId: string, userId: string, claimedUntil: Date): Promise<void> {
    await this.slots.deleteOne({ _id: `${boardId}:${userId}`, nextAt: claimedUntil }).exec();
  }

  async deleteAllOf(userId: string): Promise<void> {
    await this.slots.deleteMany({ userId }).exec();
  }
}
