import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKey } from '../infra/database/duplicate-key';
import type { ReviewTargetType } from './review-item';
import { CopyIndexRecord } from './copy-index.schema';

export interface IndexedCopy {
  valueKey: string;
  kind: ReviewTargetType;
  contentId: string;
  forumId: string;
}

/** The personal-data copy index (copy-index.schema.ts): keyed hashes only. */
@Injectable()
export class CopyIndexRepository {
  constructor(@InjectModel(CopyIndexRecord.name) private readonly rows: Model<CopyIndexRecord>) {}

  /** This content now holds exactly these values: rows for others go, new ones are added (idempotent). */
  async replace(
    content: { kind: ReviewTargetType; id: string; forumId: string },
    valueKeys: string[],
  ): Promise<void> {
    await this.rows.deleteMany({ contentId: content.id, valueKey: { $nin: valueKeys } }).exec();
    for (const valueKey of valueKeys) {
      try {
        await this.rows.collection.insertOne({
          _id: `${valueKey}:${content.kind}:${content.id}` as never,
          valueKey,
          kind: content.kind,
          contentId: content.id,
          forumId: content.forumId,
        });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
  }

  async forget(contentId: string): Promise<void> {
    await this.rows.deleteMany({ contentId }).exec();
  }

  /** Every indexed place of these values, at most `limit`. */
  async withKeys(valueKeys: string[], limit: number): Promise<IndexedCopy[]> {
    if (valueKeys.length === 0) return [];
    return this.rows
      .find({ valueKey: { $in: valueKeys } }, { _id: 0, valueKey: 1, kind: 1, contentId: 1, forumId: 1 })
      .limit(limit)
      .lean<IndexedCopy[]>()
      .exec();
  }
}
