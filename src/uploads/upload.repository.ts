import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { NewUpload, Upload } from './upload';
import { UploadRecord } from './upload.schema';

function toUpload(row: UploadRecord): Upload {
  return {
    id: row._id,
    ownerId: row.ownerId,
    forumId: row.forumId,
    postId: row.postId ?? null,
    kind: row.kind,
    mime: row.mime,
    name: row.name,
    size: row.size,
    width: row.width ?? null,
    height: row.height ?? null,
    storageKey: row.storageKey,
    findings: row.findings ?? null,
    removed: row.removed ?? [],
    createdAt: row.createdAt.toISOString(),
  };
}

export const UPLOAD_ID = /^[A-Za-z0-9_-]{22}$/;

/** The only code that touches the uploads collection. */
@Injectable()
export class UploadRepository {
  constructor(@InjectModel(UploadRecord.name) private readonly uploads: Model<UploadRecord>) {}

  async insert(upload: NewUpload, at: Date): Promise<Upload> {
    const _id = randomBytes(16).toString('base64url');
    const [row] = await this.uploads.insertMany([{ ...upload, _id, postId: null, createdAt: at }]);
    return toUpload(row.toObject() as UploadRecord);
  }

  async findById(id: string): Promise<Upload | null> {
    if (!UPLOAD_ID.test(id)) return null;
    const row = await this.uploads.findById(id).lean<UploadRecord>().exec();
    return row ? toUpload(row) : null;
  }

  async findByIds(ids: readonly string[]): Promise<Upload[]> {
    const valid = ids.filter((id) => UPLOAD_ID.test(id));
    if (valid.length === 0) return [];
    const rows = await this.uploads
      .find({ _id: { $in: valid } })
      .lean<UploadRecord[]>()
      .exec();
    return rows.map(toUpload);
  }

  async listByOwner(ownerId: string): Promise<Upload[]> {
    const rows = await this.uploads.find({ ownerId }).sort({ createdAt: -1 }).lean<UploadRecord[]>().exec();
    return rows.map(toUpload);
  }

  async listByPost(postId: string): Promise<Upload[]> {
    const rows = await this.uploads.find({ postId }).sort({ createdAt: 1 }).lean<UploadRecord[]>().exec();
    return rows.map(toUpload);
  }

  async listByPosts(postIds: readonly string[]): Promise<Upload[]> {
    if (postIds.length === 0) return [];
    const rows = await this.uploads
      .find({ postId: { $in: [...postIds] } })
      .sort({ createdAt: 1 })
      .lean<UploadRecord[]>()
      .exec();
    return rows.map(toUpload);
  }

  /** Uploaded before `before` and never carried by a post. */
  async listOrphans(before: Date, limit: number): Promise<Upload[]> {
    const rows = await this.uploads
      .find({ postId: null, createdAt: { $lt: before } })
      .sort({ createdAt: 1 })
      .limit(limit)
      .lean<UploadRecord[]>()
      .exec();
    return rows.map(toUpload);
  }

  /** Quotas: how many uploads and bytes since `since` (optionally in one forum), and bytes held in all. */
  async usage(ownerId: string, since: Date, forumId: string) {
    const recent = await this.uploads
      .find({ ownerId, createdAt: { $gte: since } }, { forumId: 1 })
      .lean<Array<Pick<UploadRecord, 'forumId'>>>()
      .exec();
    const all = await this.uploads
      .find({ ownerId }, { size: 1 })
      .lean<Array<Pick<UploadRecord, 'size'>>>()
      .exec();
    return {
      today: recent.length,
      todayInForum: recent.filter((row) => row.forumId === forumId).length,
      bytes: all.reduce((sum, row) => sum + row.size, 0),
    };
  }

  /** Claims unclaimed uploads of this owner for a post (and keeps the ones it already has); returns those it holds. */
  async attach(postId: string, ownerId: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.uploads
      .updateMany({ _id: { $in: [...ids] }, ownerId, postId: null }, { $set: { postId } })
      .exec();
  }

  async deleteById(id: string): Promise<void> {
    await this.uploads.deleteOne({ _id: id }).exec();
  }

  async isKeyInUse(storageKey: string): Promise<boolean> {
    return !!(await this.uploads.exists({ storageKey }).exec());
  }
}
