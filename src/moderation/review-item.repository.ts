import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import type { QueuePosition } from './queue-cursor';
import {
  priorityOf,
  reviewItemId,
  type QueueEntry,
  type QueueFilter,
  type ReviewItem,
  type ReviewReason,
  type ReviewTargetType,
} from './review-item';
import { ReviewItemRecord } from './review-item.schema';
import { isDuplicateKey } from '../infra/database/duplicate-key';
import { upsertReturning } from '../infra/database/upserts';

type ReviewRow = ReviewItemRecord;

function toReviewItem(row: ReviewRow): ReviewItem {
  return {
    id: row._id.toString(),
    targetType: row.targetType,
    targetId: row.targetId,
    forumId: row.forumId,
    authorId: row.authorId ?? null,
    reasons: (row.reasons ?? []) as ReviewReason[],
    priority: row.priority,
    status: row.status,
    reportCount: row.reportCount ?? 0,
    queuedAt: row.queuedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    resolution: row.resolution ?? null,
  };
}

/** The only code that touches review_items. */
@Injectable()
export class ReviewItemRepository {
  constructor(@InjectModel(ReviewItemRecord.name) private readonly items: Model<ReviewItemRecord>) {}

  /**
   * Adds a reason to the item's open entry, or opens one (a fresh entry, or a resolved one again). Each step
   * is one atomic single-document update; the unique (targetType, targetId) index settles a race between two
   * first reports, and the loser merges into the winner's entry.
   */
  async enqueue(entry: QueueEntry, now: Date): Promise<ReviewItem> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const merged = await this.mergeIntoOpen(entry, now);
      if (merged) return merged;
      try {
        return await this.open(entry, now);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    throw new Error(`review item for ${entry.targetType} ${entry.targetId} kept changing`);
  }

  async findByTarget(targetType: ReviewTargetType, targetId: string): Promise<ReviewItem | null> {
    return this.findById(reviewItemId(targetType, targetId));
  }

  async findById(id: string): Promise<ReviewItem | null> {
    const row = await this.items.findById(id).lean<ReviewRow>().exec();
    return row ? toReviewItem(row) : null;
  }

  /**
   * Oldest first within a priority; keyset `after` the given position (never skip). Each query walks one range
   * of the compound index: {status, priority, queuedAt, _id} for every forum, {status, forumId, ...} for one.
   */
  async page(filter: QueueFilter, after: QueuePosition | null, limit: number): Promise<ReviewItem[]> {
    const query: FilterQuery<ReviewItemRecord> = { status: filter.status };
    if (filter.forumIds)
      query.forumId = filter.forumIds.length === 1 ? filter.forumIds[0] : { $in: filter.forumIds };
    if (filter.reason === 'reported') query.reasons = { $regex: '^reported:' };
    else if (filter.reason) query.reasons = filter.reason;
    const rows: ReviewRow[] = [];
    for (const range of after ? rangesAfter(after) : [{}]) {
      if (rows.length >= limit) break;
      const found = await this.items
        .find({ ...query, ...range })
        .sort({ priority: 1, queuedAt: 1, _id: 1 })
        .limit(limit - rows.length)
        .lean<ReviewRow[]>()
        .exec();
      rows.push(...found);
    }
    return rows.map(toReviewItem);
  }

  /** Closes the open entry of an item, if any; `resolution` names the action that settled it. */
  async resolve(
    targetType: ReviewTargetType,
    targetId: string,
    resolution: string,
    now: Date,
  ): Promise<ReviewItem | null> {
    const row = await this.items
      .findOneAndUpdate(
        { _id: reviewItemId(targetType, targetId), status: 'open' },
        { $set: { status: 'resolved', resolution, reportCount: 0, updatedAt: now } },
        { new: false },
      )
      .lean<ReviewRow>()
      .exec();
    return row ? toReviewItem(row) : null;
  }

  /** Seeding for the queue benchmark: many entries in one round trip. */
  async insertMany(entries: ReviewItemRecord[]): Promise<void> {
    await this.items.insertMany(entries, { ordered: false });
  }

  private async mergeIntoOpen(entry: QueueEntry, now: Date): Promise<ReviewItem | null> {
    const row = await this.items
      .findOneAndUpdate(
        { _id: reviewItemId(entry.targetType, entry.targetId), status: 'open' },
        {
          $addToSet: { reasons: entry.reason },
          $inc: { reportCount: entry.reports },
          $min: { priority: priorityOf(entry.reason) },
          $set: { updatedAt: now },
        },
        { new: true },
      )
      .lean<ReviewRow>()
      .exec();
    return row ? toReviewItem(row) : null;
  }

  private async open(entry: QueueEntry, now: Date): Promise<ReviewItem> {
    const row = await upsertReturning<ReviewRow>(
      this.items,
      { _id: reviewItemId(entry.targetType, entry.targetId), status: { $ne: 'open' } },
      {
        $set: {
          targetType: entry.targetType,
          targetId: entry.targetId,
          forumId: entry.forumId,
          authorId: entry.authorId,
          reasons: [entry.reason],
          priority: priorityOf(entry.reason),
          status: 'open',
          reportCount: entry.reports,
          queuedAt: now,
          updatedAt: now,
          resolution: null,
        },
        $setOnInsert: { createdAt: now },
      },
    );
    return toReviewItem(row);
  }
}

/**
 * What follows a position, in queue order, as three index ranges: the same priority and time with a later id,
 * a later time in the same priority, then the later priorities. (One $or of the three would be planned as a
 * merge of every branch followed by a sort, reading the whole queue after the position.)
 */
function rangesAfter(after: QueuePosition): Array<FilterQuery<ReviewItemRecord>> {
  const at = new Date(after.queuedAt);
  return [
    { priority: after.priority, queuedAt: at, _id: { $gt: after.id } },
    { priority: after.priority, queuedAt: { $gt: at } },
    { priority: { $gt: after.priority } },
  ];
}
