import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { Draft, DraftKind } from './draft';
import { DraftRecord } from './draft.schema';

const idOf = (userId: string, kind: DraftKind, ref: string) => `${userId}:${kind}:${ref}`;

function toDraft(row: DraftRecord): Draft {
  return {
    kind: row.kind as DraftKind,
    ref: row.ref,
    body: row.body ?? '',
    title: row.title ?? '',
    replyTo: row.replyTo ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The only code that touches the drafts collection. */
@Injectable()
export class DraftRepository {
  constructor(@InjectModel(DraftRecord.name) private readonly model: Model<DraftRecord>) {}

  async find(userId: string, kind: DraftKind, ref: string): Promise<Draft | null> {
    const row = await this.model
      .findById(idOf(userId, kind, ref))
      .lean<DraftRecord>()
      .exec();
    return row ? toDraft(row) : null;
  }

  async exists(userId: string, kind: DraftKind, ref: string): Promise<boolean> {
    return (await this.model.exists({ _id: idOf(userId, kind, ref) })) !== null;
  }

  count(userId: string): Promise<number> {
    return this.model.countDocuments({ userId }).exec();
  }

  async save(
    userId: string,
    kind: DraftKind,
    ref: string,
    text: { body: string; title: string; replyTo: number | null },
  ): Promise<Draft> {
    const updatedAt = new Date();
    await this.model
      .updateOne(
        { _id: idOf(userId, kind, ref) },
        { $set: { userId, kind, ref, ...text, updatedAt } },
        { upsert: true },
      )
      .exec();
    return { kind, ref, ...text, updatedAt: updatedAt.toISOString() };
  }

  async delete(userId: string, kind: DraftKind, ref: string): Promise<void> {
    await this.model.deleteOne({ _id: idOf(userId, kind, ref) }).exec();
  }

  async listAll(userId: string): Promise<Draft[]> {
    const rows = await this.model.find({ userId }).sort({ updatedAt: -1 }).lean<DraftRecord[]>().exec();
    return rows.map(toDraft);
  }

  async deleteAllFor(userId: string): Promise<number> {
    return (await this.model.deleteMany({ userId }).exec()).deletedCount;
  }
}
