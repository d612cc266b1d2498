import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { AppError } from '../infra/errors/app-error';
import type { Notice, NoticeKind } from './notice';
import { NoticeRecord } from './notice.schema';
import { isDuplicateKey } from '../infra/database/duplicate-key';

type NoticeRow = NoticeRecord & { _id: unknown };

function toNotice(row: NoticeRow): Notice {
  return {
    kind: row.kind,
    version: row.version,
    text: row.text,
    publishedAt: row.publishedAt.toISOString(),
    publishedBy: row.publishedBy ?? null,
  };
}

@Injectable()
export class NoticeRepository {
  constructor(@InjectModel(NoticeRecord.name) private readonly notices: Model<NoticeRecord>) {}

  async latest(kind: NoticeKind): Promise<Notice | null> {
    const row = await this.notices.findOne({ kind }).sort({ version: -1 }).lean<NoticeRow>().exec();
    return row ? toNotice(row) : null;
  }

  /** Newest first, by version cursor (versions below `before`). */
  async list(kind: NoticeKind, before: number | undefined, limit: number): Promise<Notice[]> {
    const filter = before === undefined ? { kind } : { kind, version: { $lt: before } };
    const rows = await this.notices
      .find(filter)
      .sort({ version: -1 })
      .limit(limit)
      .lean<NoticeRow[]>()
      .exec();
    return rows.map(toNotice);
  }

  async insert(notice: Notice): Promise<Notice> {
    try {
      await this.notices.create({ ...notice, publishedAt: new Date(notice.publishedAt) });
      return notice;
    } catch (error) {
      if (isDuplicateKey(error)) {
        throw new AppError(
          'notice_version_stale',
          `Version ${notice.version} was just published by someone else; reload`,
        );
      }
      throw error;
    }
  }

  /**
   * Creates version 1 unless it exists. An upsert instead of "count then insert" so that several instances
   * starting together (or before the unique index is built) still create exactly one first version.
   */
  async seedFirstVersion(kind: NoticeKind, text: string): Promise<void> {
    await this.notices
      .updateOne(
        { kind, version: 1 },
        { $setOnInsert: { kind, version: 1, text, publishedAt: new Date(), publishedBy: null } },
        { upsert: true },
      )
      .exec();
  }
}
