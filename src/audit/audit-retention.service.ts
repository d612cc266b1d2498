import { Injectable } from '@nestjs/common';
import { AuditEntryRepository } from './audit-entry.repository';

/**
 * The audit log's one way out, kept apart from AuditLogService (the writer, which can only append): retention
 * removes entries older than RETENTION_AUDIT_DAYS (docs/moderation.md, "What stays in the audit log").
 */
@Injectable()
export class AuditRetentionService {
  constructor(private readonly entries: AuditEntryRepository) {}

  purgeOlderThan(cutoff: Date): Promise<number> {
    return this.entries.deleteOlderThan(cutoff);
  }
}
