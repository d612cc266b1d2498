import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isValidObjectId, type FilterQuery, type Model } from 'mongoose';
import type { NewTopic, Topic, TopicStatus } from './topic';
import { TopicRecord } from './topic.schema';
import { uniqueWrite } from '../infra/database/duplicate-key';

type TopicRow = TopicRecord & { _id: { toString(): string } };

function toTopic(row: TopicRow): Topic {
  return {
    id: row._id.toString(),
    forumId: row.forumId,
    title: row.title,
    authorId: row.authorId ?? null,
    authorName: row.authorName,
    tags: row.tags ?? [],
    pinned: row.pinned ?? false,
    locked: row.locked ?? false,
    status: row.status,
    replyCount: row.replyCount ?? 0,
    lastSeq: row.lastSeq ?? 0,
    lastVisibleSeq: row.lastVisibleSeq ?? 0,
    lastActivityAt: row.lastActivityAt.toISOString(),
    firstPostId: row.firstPostId ?? null,
    solvedPostId: row.solvedPostId ?? null,
    solvedSeq: row.solvedSeq ?? null,
    createdAt: (row.createdAt ?? new Date(0)).toISOString(),
  };
}

export interface TopicListCursor {
  lastActivityAt: string;
  id: string;
}

/** How many of its last counted replies a topic remembers. */
const COUNTED_WINDOW = 200;

@Injectable()
export class TopicRepository {
  constructor(@InjectModel(TopicRecord.name) private readonly topics: Model<TopicRecord>) {}

  async findById(id: string): Promise<Topic | null> {
    if (!isValidObjectId(id)) return null;
    const row = await this.topics.findById(id).lean<TopicRow>().exec();
    return row ? toTopic(row) : null;
  }

  async findByIds(ids: string[]): Promise<Topic[]> {
    const rows = await this.topics
      .find({ _id: { $in: ids.filter((id) => isValidObjectId(id)) } })
      .lean<TopicRow[]>()
      .exec();
    return rows.map(toTopic);
  }

  async findByClientKey(clientKey: string): Promise<Topic | null> {
    const row = await this.topics.findOne({ clientKey }).lean<TopicRow>().exec();
    return row ? toTopic(row) : null;
  }

  /** The first post takes seq 1, so the counter starts there; throws duplicate-key on a repeated clientKey. */
  async insert(topic: NewTopic): Promise<Topic> {
    // AlreadyStored: a clientKey used before (a retried new topic).
    const created = await uniqueWrite(
      this.topics.create({ ...topic, lastSeq: 1, lastActivityAt: new Date() }),
    );
    return toTopic(created.toObject() as TopicRow);
  }

  async setFirstPost(id: string, postId: string, visible: boolean): Promise<void> {
    const set: Record<string, unknown> = { firstPostId: postId };
    if (visible) set.lastVisibleSeq = 1;
    await this.topics.updateOne({ _id: id }, { $set: set }).exec();
  }

  /**
   * Takes the next sequence number in one atomic update and returns the topic after it. Unless `evenIfLocked`, the filter refuses a locked
   * topic, so a lock that lands between the caller's check and this call still wins. Null: locked or gone.
   */
  async nextSeq(id: string, evenIfLocked: boolean): Promise<Topic | null> {
    const filter: FilterQuery<TopicRecord> = { _id: id };
    if (!evenIfLocked) filter.locked = false;
    const row = await this.topics
      .findOneAndUpdate(filter, { $inc: { lastSeq: 1 } }, { new: true })
      .lean<TopicRow>()
      .exec();
    return row ? toTopic(row) : null;
  }

  /**
   * A reply became visible: counted once, however often follow-up work runs (the topic remembers the last
   * COUNTED_WINDOW replies it counted; a retry comes seconds later, far inside that window).
   */
  async recordVisibleReply(id: string, seq: number, at: Date): Promise<void> {
    await this.topics
      .updateOne(
        { _id: id, countedSeqs: { $ne: seq } },
        {
          $inc: { replyCount: 1 },
          $max: { lastVisibleSeq: seq, lastActivityAt: at },
          $push: { countedSeqs: { $each: [seq], $slice: -COUNTED_WINDOW } },
        },
      )
      .exec();
  }

  /** A reply left or came back to the visible posts (deleted, hidden, unhidden). */
  async addReplies(id: string, delta: number): Promise<void> {
    await this.topics.updateOne({ _id: id }, { $inc: { replyCount: delta } }).exec();
  }

  async update(
    id: string,
    changes: Partial<
      Pick<Topic, 'title' | 'pinned' | 'locked' | 'status' | 'tags' | 'solvedPostId' | 'solvedSeq'>
    >,
  ): Promise<Topic | null> {
    if (!isValidObjectId(id)) return null;
    const row = await this.topics
      .findByIdAndUpdate(id, { $set: changes }, { new: true })
      .lean<TopicRow>()
      .exec();
    return row ? toTopic(row) : null;
  }

  /** Moderation: the topic changes forum (its posts follow through PostRepository.moveTopicToForum). */
  async moveToForum(id: string, forumId: string): Promise<Topic | null> {
    if (!isValidObjectId(id)) return null;
    const row = await this.topics
      .findByIdAndUpdate(id, { $set: { forumId } }, { new: true })
      .lean<TopicRow>()
      .exec();
    return row ? toTopic(row) : null;
  }

  async setStatus(id: string, status: TopicStatus): Promise<Topic | null> {
    return this.update(id, { status });
  }

  /** Pinned topics of a forum (first page only), newest activity first; bounded, pinning is rare. */
  async listPinned(forumId: string, statuses: TopicStatus[], limit: number): Promise<Topic[]> {
    const rows = await this.topics
      .find({ forumId, pinned: true, status: { $in: statuses } })
      .sort({ lastActivityAt: -1, _id: -1 })
      .limit(limit)
      .lean<TopicRow[]>()
      .exec();
    return rows.map(toTopic);
  }

  /** Unpinned topics by last activity, then id, with a keyset cursor (never skip). */
  async listByActivity(
    forumId: string,
    statuses: TopicStatus[],
    cursor: TopicListCursor | undefined,
    limit: number,
  ): Promise<Topic[]> {
    const filter: FilterQuery<TopicRecord> = { forumId, pinned: false, status: { $in: statuses } };
    if (cursor) {
      const at = new Date(cursor.lastActivityAt);
      filter.$or = [{ lastActivityAt: { $lt: at } }, { lastActivityAt: at, _id: { $lt: cursor.id } }];
    }
    const rows = await this.topics
      .find(filter)
      .sort({ lastActivityAt: -1, _id: -1 })
      .limit(limit)
      .lean<TopicRow[]>()
      .exec();
    return rows.map(toTopic);
  }

  /** The most recently active topics of several forums, for unread counts on the forum list. */
  async recentInForums(forumIds: string[], limit: number): Promise<Topic[]> {
    const rows = await this.topics
      .find({ forumId: { $in: forumIds }, status: 'visible' })
      .sort({ lastActivityAt: -1 })
      .limit(limit)
      .lean<TopicRow[]>()
      .exec();
    return rows.map(toTopic);
  }

  async anonymiseAuthor(authorId: string, placeholderName: string): Promise<void> {
    await this.topics
      .updateMany({ authorId }, { $set: { authorId: null, authorName: placeholderName } })
      .exec();
  }

  /** Account deletion with its posts: the titles of the topics it started are purged. Returns those topics. */
  async purgeTitlesBy(authorId: string, placeholderTitle: string): Promise<Topic[]> {
    const rows = await this.topics.find({ authorId }).lean<TopicRow[]>().exec();
    await this.topics.updateMany({ authorId }, { $set: { title: placeholderTitle } }).exec();
    return rows.map((row) => ({ ...toTopic(row), title: placeholderTitle }));
  }
}
