import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { createHash } from 'node:crypto';
import { isValidObjectId, Types, type FilterQuery, type Model } from 'mongoose';
import type { NewNotification, Notification, NotificationLink, NotificationType } from './notification';
import { NotificationRecord } from './notification.schema';

type NotificationRow = NotificationRecord & { _id: { toString(): string } };

function toNotification(row: NotificationRow): Notification {
  return {
    id: row._id.toString(),
    userId: row.userId,
    kind: row.kind,
    type: row.type,
    summary: row.summary,
    excerpt: row.excerpt ?? null,
    reason: row.reason ?? null,
    action: row.action ?? null,
    actorId: row.actorId ?? null,
    link: row.link ?? {},
    readAt: row.readAt ? row.readAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * A stable ObjectId for one notification: its cause's time and counter (bytes 0-3 and 9-11 of an ObjectId),
 * so entries sort like the posts that caused them, then 5 bytes of a hash of what it is about.
 */
function idFor(causeId: string, onceKey: string): Types.ObjectId {
  const cause = new Types.ObjectId(causeId).toHexString();
  const about = createHash('sha256').update(onceKey).digest('hex').slice(0, 10);
  return new Types.ObjectId(cause.slice(0, 8) + cause.slice(18, 24) + about);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** The only code that touches the notifications collection. */
@Injectable()
export class NotificationRepository {
  constructor(@InjectModel(NotificationRecord.name) private readonly rows: Model<NotificationRecord>) {}

  /**
   * One batch, at most once each: an entry's id is made from the id of the document that caused it (a post,
   * so entries sort as their causes do) and its `onceKey`; an id already stored is skipped. Returns what this
   * call stored.
   */
  async insertOnce(
    entries: Array<{ input: NewNotification; onceKey: string }>,
    causeId: string,
    at: Date,
  ): Promise<Notification[]> {
    if (entries.length === 0) return [];
    const docs = entries.map(({ input, onceKey }) => ({
      _id: idFor(causeId, onceKey),
      ...input,
      createdAt: at,
      readAt: null,
    }));
    const refused = new Set<number>();
    try {
      await this.rows.collection.insertMany(docs, { ordered: false });
    } catch (error) {
      const writeErrors = (error as { writeErrors?: Array<{ index: number; code: number }> }).writeErrors;
      if (!writeErrors || writeErrors.some((e) => e.code !== 11000)) throw error;
      for (const e of writeErrors) refused.add(e.index);
    }
    return docs
      .filter((_, i) => !refused.has(i))
      .map((doc) => toNotification(doc as unknown as NotificationRow));
  }

  async insert(input: NewNotification, at: Date): Promise<Notification> {
    const [row] = await this.rows.insertMany([{ ...input, createdAt: at, readAt: null }]);
    return toNotification(row.toObject() as NotificationRow);
  }

  /** Newest first, keyset by _id. */
  async page(userId: string, before: string | undefined, limit: number): Promise<Notification[]> {
    const filter: FilterQuery<NotificationRecord> = { userId };
    if (before && isValidObjectId(before)) filter._id = { $lt: before };
    const rows = await this.rows.find(filter).sort({ _id: -1 }).limit(limit).lean<NotificationRow[]>().exec();
    return rows.map(toNotification);
  }

  /** Only the owner's own entry; the first read time is kept. */
  async markRead(userId: string, id: string, at: Date): Promise<Notification | null> {
    if (!isValidObjectId(id)) return null;
    await this.rows.updateOne({ _id: id, userId, readAt: null }, { $set: { readAt: at } }).exec();
    const row = await this.rows.findOne({ _id: id, userId }).lean<NotificationRow>().exec();
    return row ? toNotification(row) : null;
  }

  async markAllRead(userId: string, at: Date): Promise<number> {
    const result = await this.rows.updateMany({ userId, readAt: null }, { $set: { readAt: at } }).exec();
    return result.modifiedCount;
  }

  countUnread(userId: string): Promise<number> {
    return this.rows.countDocuments({ userId, readAt: null }).exec();
  }

  async listAll(userId: string): Promise<Notification[]> {
    const rows = await this.rows.find({ userId }).sort({ _id: 1 }).lean<NotificationRow[]>().exec();
    return rows.map(toNotification);
  }

  /** Redaction: every notification pointing at this content gets the excerpt of the redacted text. */
  async rewriteExcerpts(
    link: Pick<NotificationLink, 'postId' | 'messageId'>,
    excerpt: string,
  ): Promise<number> {
    const filter: FilterQuery<NotificationRecord> = link.postId
      ? { 'link.postId': link.postId }
      : { 'link.messageId': link.messageId };
    const result = await this.rows
      .updateMany({ ...filter, excerpt: { $ne: null } }, { $set: { excerpt } })
      .exec();
    return result.modifiedCount;
  }

  /**
   * Redaction, belt and braces: any other excerpt still holding a removed value has it replaced.
   * Read-modify-write per entry because update pipelines are not in the portable subset.
   */
  async replaceInExcerpts(value: string, replacement: string): Promise<number> {
    if (!value) return 0;
    const rows = await this.rows
      .find({ excerpt: { $regex: escapeRegExp(value) } }, { _id: 1, excerpt: 1 })
      .lean<NotificationRow[]>()
      .exec();
    for (const row of rows) {
      const excerpt = (row.excerpt ?? '').split(value).join(replacement);
      await this.rows.updateOne({ _id: row._id }, { $set: { excerpt } }).exec();
    }
    return rows.length;
  }

  /** Account deletion: the inbox is personal data and goes entirely. */
  async deleteAllFor(userId: string): Promise<void> {
    await this.rows.deleteMany({ userId }).exec();
  }

  /**
   * Account deletion: other people's notifications caused by the account no longer name it, link to it or
   * quote its words. The summary is rewritten per type because it was built with the name.
   */
  async forgetActor(actorId: string): Promise<number> {
    let changed = 0;
    for (const [type, summary] of Object.entries(ERASED_ACTOR_SUMMARIES)) {
      const result = await this.rows
        .updateMany({ actorId, type }, { $set: { actorId: null, excerpt: null, summary } })
        .exec();
      changed += result.modifiedCount;
    }
    // Any other type an actor may cause later loses the actor and the excerpt all the same.
    const rest = await this.rows.updateMany({ actorId }, { $set: { actorId: null, excerpt: null } }).exec();
    return changed + rest.modifiedCount;
  }
}

const ERASED_ACTOR_SUMMARIES: Partial<Record<NotificationType, string>> = {
  reply: 'A deleted user replied to your post',
  mention: 'A deleted user mentioned you',
};
