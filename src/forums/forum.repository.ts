import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isValidObjectId, type Model } from 'mongoose';
import { AppError } from '../infra/errors/app-error';
import type { Forum, ForumChanges, NewForum } from './forum';
import { ForumRecord } from './forum.schema';
import { isDuplicateKey } from '../infra/database/duplicate-key';

type ForumRow = ForumRecord & { _id: { toString(): string } };

function toForum(row: ForumRow): Forum {
  return {
    id: row._id.toString(),
    slug: row.slug,
    name: row.name,
    productName: row.productName,
    description: row.description ?? '',
    position: row.position ?? 0,
    visibility: row.visibility ?? 'public',
    piiPolicy: row.piiPolicy ?? 'warn',
    phoneRegion: row.phoneRegion ?? 'US',
    externalImages: row.externalImages ?? 'proxy',
    moderatorIds: row.moderatorIds ?? [],
    topicCount: row.topicCount ?? 0,
    postCount: row.postCount ?? 0,
    lastActivityAt: row.lastActivityAt ? row.lastActivityAt.toISOString() : null,
    archived: row.archived ?? false,
    createdAt: (row.createdAt ?? new Date(0)).toISOString(),
  };
}

/** How many of its last counted posts a forum remembers. */
const COUNTED_WINDOW = 500;

@Injectable()
export class ForumRepository {
  constructor(@InjectModel(ForumRecord.name) private readonly forums: Model<ForumRecord>) {}

  async findById(id: string): Promise<Forum | null> {
    if (!isValidObjectId(id)) return null;
    const row = await this.forums.findById(id).lean<ForumRow>().exec();
    return row ? toForum(row) : null;
  }

  async findBySlug(slug: string): Promise<Forum | null> {
    const row = await this.forums
      .findOne({ slug: String(slug) })
      .lean<ForumRow>()
      .exec();
    return row ? toForum(row) : null;
  }

  async findByIds(ids: string[]): Promise<Forum[]> {
    const rows = await this.forums
      .find({ _id: { $in: ids.filter((id) => isValidObjectId(id)) } })
      .lean<ForumRow[]>()
      .exec();
    return rows.map(toForum);
  }

  /** Forums are few (one per product), so the list is read whole, ordered by position then creation. */
  async list(includeArchived: boolean): Promise<Forum[]> {
    const filter = includeArchived ? {} : { archived: false };
    const rows = await this.forums.find(filter).sort({ position: 1, _id: 1 }).lean<ForumRow[]>().exec();
    return rows.map(toForum);
  }

  async insert(forum: NewForum): Promise<Forum> {
    try {
      const created = await this.forums.create(forum);
      return toForum(created.toObject() as ForumRow);
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw new AppError('slug_taken', `A forum with the slug "${forum.slug}" already exists`);
      }
      throw error;
    }
  }

  async addModerator(id: string, userId: string): Promise<void> {
    if (!isValidObjectId(id)) return;
    await this.forums.updateOne({ _id: id }, { $addToSet: { moderatorIds: userId } }).exec();
  }

  async removeModerator(id: string, userId: string): Promise<void> {
    if (!isValidObjectId(id)) return;
    await this.forums.updateOne({ _id: id }, { $pull: { moderatorIds: userId } }).exec();
  }

  async update(id: string, changes: ForumChanges): Promise<Forum | null> {
    if (!isValidObjectId(id)) return null;
    const row = await this.forums
      .findByIdAndUpdate(id, { $set: changes }, { new: true })
      .lean<ForumRow>()
      .exec();
    return row ? toForum(row) : null;
  }

  async setPosition(id: string, position: number): Promise<void> {
    await this.forums.updateOne({ _id: id }, { $set: { position } }).exec();
  }

  /** A post became visible: counted once per post, however often follow-up work runs (see recordVisibleReply). */
  async countPost(
    id: string,
    postId: string,
    delta: { topics?: number; posts?: number },
    at: Date,
  ): Promise<void> {
    await this.forums
      .updateOne(
        { _id: id, countedPostIds: { $ne: postId } },
        {
          $inc: { topicCount: delta.topics ?? 0, postCount: delta.posts ?? 0 },
          $max: { lastActivityAt: at },
          $push: { countedPostIds: { $each: [postId], $slice: -COUNTED_WINDOW } },
        },
      )
      .exec();
  }

  /** Counters move with one atomic update, so concurrent changes never lose one. */
  async recordActivity(id: string, delta: { topics?: number; posts?: number }, at?: Date): Promise<void> {
    const update: Record<string, unknown> = {
      $inc: { topicCount: delta.topics ?? 0, postCount: delta.posts ?? 0 },
    };
    if (at) update.$max = { lastActivityAt: at };
    await this.forums.updateOne({ _id: id }, update).exec();
  }
}
