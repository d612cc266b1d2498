import { Injectable } from '@nestjs/common';
import type { AuditEntry, AuditEntryInput, AuditFilter, AuditPage } from './audit-entry';
import { AuditEntryRepository } from './audit-entry.repository';

const MAX_PAGE = 100;

/**
 * The one writer of the moderation audit log (admin user management now, the Moderation issue next).
 * Append-only: there is no update or delete method, and the schema refuses both.
 */
@Injectable()
export class AuditLogService {
  constructor(private readonly entries: AuditEntryRepository) {}

  record(entry: AuditEntryInput): Promise<AuditEntry> {
    return this.entries.insert(entry, new Date());
  }

  /** How many entries match: the review queue shows an author's history as a count. */
  count(filter: AuditFilter): Promise<number> {
    return this.entries.count(filter);
  }

  async list(filter: AuditFilter = {}, cursor?: string, limit = 50): Promise<AuditPage> {
    const size = Math.min(Math.max(limit, 1), MAX_PAGE);
    const rows = await this.entries.list(filter, cursor, size + 1);
    const items = rows.slice(0, size);
    return { items, nextCursor: rows.length > size ? items[items.length - 1].id : null };
  }
}
