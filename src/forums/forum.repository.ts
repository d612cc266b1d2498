import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isValidObjectId, type Model } from 'mongoose';
import { AppError } from '../infra/errors/app-error';
import type { Forum, ForumChanges, NewForum } from './forum';
import { ForumRecord } from './forum.schema';
import { isDuplicateKey } from '../infra/database/duplicate-key';
import { GroupCommit } from '../infra/concurrency/group-commit';
import { ShortLivedCache } from '../infra/cache/short-lived-cache';

/** How long a forum read serves this instance's next requests; other instances see a change within it. */
export const FORUM_READ_TTL_MS = 1000;

interface ActivityDelta {
  topics: number;
  posts: number;
  at?: Date;
}

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
    moderatorIds: row.moderatorIds ?? [],
    topicCount: row.topicCount ?? 0,
    postCount: row.postCount ?? 0,
    lastActivityAt: row.lastActivityAt ? row.lastActivityAt.toISOString() : null,
    archived: row.archived ?? false,
    createdAt: (row.createdAt ?? new Date(0)).toISOString(),
  };
}

@Injectable()
export class ForumRepository {
  private readonly activity = new GroupCommit<ActivityDelta, void>((id, deltas) =>
    this.writeActivity(id, deltas),
  );

  /**
   * Forums by id and by slug, shared by the requests of one second: every page view and post looks its forum
   * up (bench:http). Forums are few, so any write here forgets them all.
   */
  private readonly recent = new ShortLivedCache<Forum | null>(FORUM_READ_TTL_MS, 1_000, (forum) =>
    forum ? structuredClone(forum) : null,
  );

  constructor(@InjectModel(ForumRecord.name) private readonly forums: Model<ForumRecord>) {}

  async findById(id: string): Promise<Forum | null> {
    if (!isValidObjectId(id)) return null;
    return this.recent.get(`id|${id}`, async () => {
      const row = await this.forums.findById(id).lean<ForumRow>().exec();
      return row ? toForum(row) : null;
    });
  }

  async findBySlug(slug: string): Promise<Forum | null> {
    return this.recent.get(`slug|${String(slug)}`, async () => {
      const row = await this.forums
        .findOne({ slug: String(slug) })
        .lean<ForumRow>()
        .exec();
      return row ? toForum(row) : null;
    });
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
      this.recent.forget();
      return toForum(created.toObject() as ForumRow);
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw new AppError('conflict', `A forum with the slug "${forum.slug}" already exists`);
      }
      throw error;
    }
  }

  async update(id: string, changes: ForumChanges): Promise<Forum | null> {
    if (!isValidObjectId(id)) return null;
    const row = await this.forums
      .findByIdAndUpdate(id, { $set: changes }, { new: true })
      .lean<ForumRow>()
      .exec();
    this.recent.forget();
    return row ? toForum(row) : null;
  }

  async setPosition(id: string, position: number): Promise<void> {
    await this.forums.updateOne({ _id: id }, { $set: { position } }).exec();
    this.recent.forget();
  }

  /**
   * Counters move with $inc so that concurrent posts never lose an update. Every post in a forum moves the same
   * document: what arrives while one update is written is summed into the next one (group commit).
   */
  recordActivity(id: string, delta: { topics?: number; posts?: number }, at?: Date): Promise<void> {
    return this.activity.submit(id, { topics: delta.topics ?? 0, posts: delta.posts ?? 0, at });
  }

  private async writeActivity(id: string, deltas: ActivityDelta[]): Promise<void[]> {
    const sum = (field: 'topics' | 'posts') => deltas.reduce((total, delta) => total + delta[field], 0);
    const update: Record<string, unknown> = { $inc: { topicCount: sum('topics'), postCount: sum('posts') } };
    const times = deltas.flatMap((delta) => (delta.at ? [delta.at.getTime()] : []));
    if (times.length > 0) update.$max = { lastActivityAt: new Date(Math.max(...times)) };
    await this.forums.updateOne({ _id: id }, update).exec();
    this.recent.forget();
    return deltas.map(() => undefined);
  }
}
