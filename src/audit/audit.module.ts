import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditLogController } from './audit-log.controller';
import { AuditEntryRepository } from './audit-entry.repository';
import { AuditEntryRecord, AuditEntrySchema } from './audit-entry.schema';
import { AuditLogService } from './audit-log.service';
import { AuditRetentionService } from './audit-retention.service';

/** Global so any module that acts on users or content can write the audit log without an import chain. */
@Global()
@Module({
  imports: [MongooseModule.forFeature([{ name: AuditEntryRecord.name, schema: AuditEntrySchema }])],
  controllers: [AuditLogController],
  providers: [AuditEntryRepository, AuditLogService, AuditRetentionService],
  exports: [AuditLogService, AuditRetentionService],
})
export class AuditModule {}
