import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKey } from '../infra/database/duplicate-key';
import { RoomSequence } from '../infra/events/room-sequence';
import { RoomEventRecord } from './room-event.schema';

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
    private readonly sequence: RoomSequence,
  ) {}

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
      payload: item.payload,
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
}
