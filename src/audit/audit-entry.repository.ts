import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isValidObjectId, type Model } from 'mongoose';
import type { AuditEntry, AuditEntryInput, AuditFilter } from './audit-entry';
import { AuditEntryRecord } from './audit-entry.schema';

type AuditRow = AuditEntryRecord & { _id: { toString(): string } };

function toAuditEntry(row: AuditRow): AuditEntry {
  const entry: AuditEntry = {
    id: row._id.toString(),
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorRole: row.actorRole as AuditEntry['actorRole'],
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
  };
  if (row.forumId) entry.forumId = row.forumId;
  if (row.reason) entry.reason = row.reason;
  if (row.counts) entry.counts = row.counts;
  if (row.subjectUserIds?.length) entry.subjectUserIds = row.subjectUserIds;
  return entry;
}

/**
 * Insert and read only: there is deliberately no update, and no delete but retention's (the schema refuses
 * both through mongoose).
 */
@Injectable()
export class AuditEntryRepository {
  constructor(@InjectModel(AuditEntryRecord.name) private readonly entries: Model<AuditEntryRecord>) {}

  async insert(input: AuditEntryInput, at: Date): Promise<AuditEntry> {
    const [row] = await this.entries.insertMany([{ ...input, at }]);
    return toAuditEntry(row.toObject() as AuditRow);
  }

  /** Newest first, cursor by _id. */
  async list(filter: AuditFilter, before: string | undefined, limit: number): Promise<AuditEntry[]> {
    const query = toQuery(filter);
    if (before && isValidObjectId(before)) query._id = { $lt: before };
    const rows = await this.entries.find(query).sort({ _id: -1 }).limit(limit).lean<AuditRow[]>().exec();
    return rows.map(toAuditEntry);
  }

  count(filter: AuditFilter): Promise<number> {
    return this.entries.countDocuments(toQuery(filter)).exec();
  }

  /**
   * The one deliberate exception to append-only: retention (RETENTION_AUDIT_DAYS) removes whole entries older
   * than `cutoff`, oldest first by the `at` index. On the driver, because the schema's hooks refuse every
   * delete through mongoose; nothing else in the code base may call this.
   */
  async deleteOlderThan(cutoff: Date): Promise<number> {
    return (await this.entries.collection.deleteMany({ at: { $lt: cutoff } })).deletedCount;
  }
}

function toQuery(filter: AuditFilter): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const key of ['actorId', 'action', 'targetType', 'targetId', 'forumId'] as const) {
    if (filter[key] !== undefined) query[key] = filter[key];
  }
  if (filter.subjectUserId !== undefined) query.subjectUserIds = filter.subjectUserId;
  if (filter.forumIds && filter.forumId === undefined) query.forumId = { $in: filter.forumIds };
  if (filter.targetTypes && filter.targetType === undefined) query.targetType = { $in: filter.targetTypes };
  return query;
}
