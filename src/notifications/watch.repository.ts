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

  /**
   * userId → level for everyone with an entry on this topic, and on its forum, in one read (ids are ObjectIds,
   * so a topic's never matches a forum's: the two `$in` cannot cross).
   */
  async levelsOnTopicAndForum(
    topicId: string,
    forumId: string,
  ): Promise<{ topic: Map<string, WatchLevel>; forum: Map<string, WatchLevel> }> {
    const rows = await this.watches
      .find(
        { scope: { $in: ['topic', 'forum'] }, targetId: { $in: [topicId, forumId] } },
        { userId: 1, level: 1, scope: 1, targetId: 1 },
      )
      .lean<Array<{ userId: string; level: WatchLevel; scope: WatchScope; targetId: string }>>()
      .exec();
    const topic = new Map<string, WatchLevel>();
    const forum = new Map<string, WatchLevel>();
    for (const row of rows) {
      if (row.scope === 'topic' && row.targetId === topicId) topic.set(row.userId, row.level);
      if (row.scope === 'forum' && row.targetId === forumId) forum.set(row.userId, row.level);
    }
    return { topic, forum };
  }

  async deleteFor(userId: string): Promise<void> {
    await this.watches.deleteMany({ userId }).exec();
  }
}
