import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKey } from '../infra/database/duplicate-key';
import { RoomCounterRecord, RoomEventRecord } from './room-event.schema';

export interface StoredRoomEvent {
  room: string;
  eventSeq: number;
  event: string;
  payload: Record<string, unknown>;
}

export interface EventOrigin {
  contentId: string | null;
  authorId: string | null;
}

export interface NewRoomEvent {
  event: string;
  payload: Record<string, unknown>;
  origin: EventOrigin;
}

/** Kept per room beyond the replay bound, so a client just past the bound still gets a clean `resync`. */
export const RETAINED_PER_ROOM = 1000;
const PRUNE_EVERY = 100;

@Injectable()
export class RoomEventRepository {
  constructor(
    @InjectModel(RoomEventRecord.name) private readonly events: Model<RoomEventRecord>,
    @InjectModel(RoomCounterRecord.name) private readonly counters: Model<RoomCounterRecord>,
  ) {}

  /**
   * Numbers the events (one $inc of the room's counter by their count) and stores them with one insert, in
   * order; returns their eventSeqs. The broadcaster hands over every event that queued up for the room while the
   * previous batch was being written (group commit), so a busy room costs two writes per batch, not per event.
   */
  async append(room: string, items: NewRoomEvent[]): Promise<number[]> {
    if (items.length === 0) return [];
    const last = await this.nextSeq(room, items.length);
    const first = last - items.length + 1;
    const at = new Date();
    const docs = items.map((item, i) => ({
      room,
      eventSeq: first + i,
      event: item.event,
      payload: item.payload,
      ...item.origin,
      at,
    }));
    let stored = docs.length;
    try {
      await this.events.insertMany(docs, { ordered: true });
    } catch (error) {
      // Two instances got the same numbers (FerretDB 1.24's findAndModify $inc is not atomic across
      // processes): the unique index kept the events stored before the clash; the rest take new numbers.
      const clash = (error as { writeErrors?: Array<{ index: number }> }).writeErrors?.[0]?.index;
      if (!isDuplicateKey(error) || clash === undefined) throw error;
      stored = clash;
    }
    const seqs = docs.slice(0, stored).map((doc) => doc.eventSeq);
    for (const item of items.slice(stored)) seqs.push(await this.appendOne(room, item));
    if (Math.floor(last / PRUNE_EVERY) > Math.floor((first - 1) / PRUNE_EVERY)) {
      await this.events.deleteMany({ room, eventSeq: { $lte: last - RETAINED_PER_ROOM } }).exec();
    }
    return seqs;
  }

  /** One event after a numbering clash, retried with the next number while the clash lasts. */
  private async appendOne(room: string, item: NewRoomEvent): Promise<number> {
    for (let attempt = 0; ; attempt += 1) {
      const eventSeq = await this.nextSeq(room, 1);
      try {
        await this.events.create({
          room,
          eventSeq,
          event: item.event,
          payload: item.payload,
          ...item.origin,
          at: new Date(),
        });
        return eventSeq;
      } catch (error) {
        if (!isDuplicateKey(error) || attempt >= 10) throw error;
      }
    }
  }

  /** Whether the room's log already has this event about this post or message. */
  async hasEventAbout(room: string, event: string, contentId: string): Promise<boolean> {
    return (await this.events.exists({ room, event, contentId }).exec()) !== null;
  }

  async lastSeq(room: string): Promise<number> {
    const row = await this.counters.findById(room).lean<RoomCounterRecord>().exec();
    return row?.seq ?? 0;
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

  /** Replaces fields of the stored view (`payload.<key>.<field>`) in every earlier event about this content. */
  async rewriteContent(
    contentId: string,
    key: 'post' | 'message',
    fields: Record<string, unknown>,
  ): Promise<void> {
    const set = Object.fromEntries(
      Object.entries(fields).map(([field, value]) => [`payload.${key}.${field}`, value]),
    );
    await this.events.updateMany({ contentId, [`payload.${key}`]: { $exists: true } }, { $set: set }).exec();
  }

  /**
   * A redacted first post: every stored title of the topic (as created, as retitled) becomes the redacted one,
   * since an older title may hold the removed value too.
   */
  async rewriteTopicTitle(topicId: string, title: string): Promise<void> {
    await this.events
      .updateMany({ contentId: topicId, event: 'topic.created' }, { $set: { 'payload.title': title } })
      .exec();
    await this.events
      .updateMany(
        { contentId: topicId, event: 'topic.updated', 'payload.topic.title': { $exists: true } },
        { $set: { 'payload.topic.title': title } },
      )
      .exec();
  }

  /** Account deletion: the author's name (and, with their posts deleted, the text) leaves the replay log. */
  async forgetAuthor(authorId: string, fields: Record<string, unknown>): Promise<void> {
    for (const key of ['post', 'message']) {
      const set = Object.fromEntries(
        Object.entries(fields).map(([field, value]) => [`payload.${key}.${field}`, value]),
      );
      await this.events.updateMany({ authorId, [`payload.${key}`]: { $exists: true } }, { $set: set }).exec();
    }
    await this.events.updateMany({ authorId }, { $set: { authorId: null } }).exec();
  }

  // No projection on findAndModify: FerretDB 1.24 does not implement `fields`. The upsert of two instances
  // numbering a room's very first event can collide once on the unique _id; the retry then increments.
  private async nextSeq(room: string, count: number, attempt = 0): Promise<number> {
    try {
      const row = await this.counters
        .findOneAndUpdate({ _id: room }, { $inc: { seq: count } }, { upsert: true, new: true })
        .lean<RoomCounterRecord>()
        .exec();
      return row!.seq;
    } catch (error) {
      if (!isDuplicateKey(error) || attempt > 2) throw error;
      return this.nextSeq(room, count, attempt + 1);
    }
  }
}
