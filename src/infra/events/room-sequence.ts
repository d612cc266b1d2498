import { Injectable } from '@nestjs/common';
import { InjectModel, Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { incrementCounter } from '../database/upserts';

/** The per-room event counter (`_id` is the room name), moved with $inc only. */
@Schema({ collection: 'room_counters', versionKey: false })
export class RoomCounterRecord {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true, default: 0 }) seq!: number;
}

export const RoomCounterSchema = SchemaFactory.createForClass(RoomCounterRecord);

/**
 * Numbers the events of each socket room (1, 2, 3 … per room). A write path that announces live takes its
 * event's number here with the write itself, so the number is stored with the content and a replay can find an
 * event whose log entry the follow-up work has not written yet; the broadcaster numbers everything else.
 */
@Injectable()
export class RoomSequence {
  constructor(@InjectModel(RoomCounterRecord.name) private readonly counters: Model<RoomCounterRecord>) {}

  next(room: string): Promise<number> {
    return incrementCounter(this.counters, room, 'seq');
  }

  async current(room: string): Promise<number> {
    const row = await this.counters.findById(room).lean<RoomCounterRecord>().exec();
    return row?.seq ?? 0;
  }
}
