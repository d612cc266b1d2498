import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKey } from '../infra/database/duplicate-key';
import type { WatchLevel, WatchScope } from './watch';
import { WatchRecord } from './watch.schema';

const idOf = (userId: string, scope: WatchScope, targetId: string) => `${userId}:${scope}:${targetId}`;

/** The only code that touches the watches collection. */
@Injectable()
export class WatchRepository {
  constructor(@InjectModel(WatchRecord.name) private readonly watches: Model<WatchRecord>) {}

  async set(userId: string, scope: WatchScope, targetId: string, level: WatchLevel): Promise<void> {
    await this.watches
      .updateOne(
        { _id: idOf(userId, scope, targetId) },
        { $set: { userId, scope, targetId, level, chosen: true, updatedAt: new Date() } },
        { upsert: true },
      )
      .exec();
  }

  /** Posting's default: only where the user has no entry yet (a mute or a choice stays). */
  async setDefault(userId: string, scope: WatchScope, targetId: string, level: WatchLevel): Promise<void> {
    try {
      await this.watches
        .updateOne(
          { _id: idOf(userId, scope, targetId) },
          { $setOnInsert: { userId, scope, targetId, level, chosen: false, updatedAt: new Date() } },
          { upsert: true },
        )
        .exec();
    } catch (error) {
      if (!isDuplicateKey(error)) throw error; // a concurrent first write made it: it stays as it is
    }
  }

  async levelOf(userId: string, scope: WatchScope, targetId: string): Promise<WatchLevel | null> {
    const row = await this.watches
      .findById(idOf(userId, scope, targetId), { level: 1 })
      .lean<{ level: WatchLevel }>()
      .exec();
    return row?.level ?? null;
  }

  /** userId → level for everyone with an entry on this topic or forum. */
  async levelsOn(scope: WatchScope, targetId: string): Promise<Map<string, WatchLevel>> {
    const rows = await this.watches
      .find({ scope, targetId }, { userId: 1, level: 1 })
      .lean<Array<{ userId: string; level: WatchLevel }>>()
      .exec();
    return new Map(rows.map((row) => [row.userId, row.level]));
  }

  async deleteFor(userId: string): Promise<void> {
    await this.watches.deleteMany({ userId }).exec();
  }
}
