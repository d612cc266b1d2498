import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKey } from '../infra/database/duplicate-key';
import { RoomSequence } from '../infra/events/room-sequence';
import { toStoredPayload } from './room-event-content';
import { RoomEventRecord } from './room-event.schema';

export interface StoredRoomEvent {
  room: string;
  eventSeq: number;
  event: string;
  payload: Record<string, unknown>;
}

/** The post, message or topic the event is about: a retried announcement is logged once per content. */
export interface EventOrigin {
  contentId: string | null;
}

export interface NewRoomEvent {
  event: string;
  payload: Record<string, unknown>;
  origin: EventOrigin;
}

/** Kept per room beyond the replay bound, so a client just past the bound still gets a clean `resync`. */
export const RETAINED_PER_ROOM = 1000;
const PRUNE_EVERY = 100;

/** Rows logged before the log kept references only: they still hold the content they showed. */
const HOLDING_CONTENT = {
  $or: [
    { 'payload.post.html': { $exists: true } },
    { 'payload.message.html': { $exists: true } },
    { 'payload.title': { $exists: true, $ne: null } },
    { 'payload.topic.title': { $exists: true, $ne: null } },
  ],
};

@Injectable()
export class RoomEventRepository implements OnModuleInit {
  private readonly logger = new Logger('RoomEvents');

  constructor(
    @InjectModel(RoomEventRecord.name) private readonly events: Model<RoomEventRecord>,
    private readonly sequence: RoomSequence,
  ) {}

  /** Once, on the first start after the upgrade: older rows keep a reference in place of their content. */
  async onModuleInit(): Promise<void> {
    const rows = await this.events
      .find(HOLDING_CONTENT, { _id: 1, payload: 1 })
      .lean<Array<{ _id: unknown; payload: Record<string, unknown> }>>()
      .exec();
    if (rows.length === 0) return;
    await this.events.bulkWrite(
      rows.map((row) => ({
        updateOne: { filter: { _id: row._id }, update: { $set: { payload: toStoredPayload(row.payload) } } },
      })),
    );
    this.logger.log({ rows: rows.length }, 'room log: content replaced by references');
  }

  /**
   * Numbers the event with one atomic $inc of the room's counter and stores it; returns its eventSeq. The number
   * is the room's alone, so a duplicate (room, eventSeq) is a fault and surfaces as an error.
   */
  async append(room: string, item: NewRoomEvent): Promise<number> {
    const eventSeq = await this.sequence.next(room);
    await this.store(room, eventSeq, item);
    return eventSeq;
  }

  /**
   * Logs an event whose number the write path took with its content (RoomSequence): idempotent, so follow-up
   * work run twice logs it once. Returns whether this call stored it.
   */
  async appendNumbered(room: string, eventSeq: number, item: NewRoomEvent): Promise<boolean> {
    try {
      await this.store(room, eventSeq, item);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  private async store(room: string, eventSeq: number, item: NewRoomEvent): Promise<void> {
    await this.events.collection.insertOne({
      room,
      eventSeq,
      event: item.event,
      payload: toStoredPayload(item.payload),
      ...item.origin,
      at: new Date(),
    });
    if (eventSeq % PRUNE_EVERY === 0) {
      await this.events.deleteMany({ room, eventSeq: { $lte: eventSeq - RETAINED_PER_ROOM } }).exec();
    }
  }

  /** Whether the room's log already has this event about this post or message. */
  async hasEventAbout(room: string, event: string, contentId: string): Promise<boolean> {
    return (await this.events.exists({ room, event, contentId }).exec()) !== null;
  }

  lastSeq(room: string): Promise<number> {
    return this.sequence.current(room);
  }

  /** Events after `eventSeq`, oldest first, at most `limit`. */
  async after(room: string, eventSeq: number, limit: number): Promise<StoredRoomEvent[]> {
    return this.events
      .find({ room, eventSeq: { $gt: eventSeq } }, { _id: 0, room: 1, eventSeq: 1, event: 1, payload: 1 })
      .sort({ eventSeq: 1 })
      .limit(limit)
      .lean<StoredRoomEvent[]>()
      .exec();
  }
}
