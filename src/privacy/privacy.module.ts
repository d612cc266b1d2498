import { Global, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { JobLeases } from '../infra/database/job-leases';
import { UsersModule } from '../users/users.module';
import { AccountDeletionService } from './account-deletion.service';
import { DataExportService } from './data-export.service';
import { PrivacyController } from './privacy.controller';
import { PrivacyRegistry } from './privacy-registry';
import { RetentionService } from './retention.service';
import { UnsubscribeService } from './unsubscribe.service';

/**
 * The user's privacy rights: export, preferences, one-click unsubscribe, account deletion, and retention. Global so that
 * feature modules inject PrivacyRegistry (to add their export section) and UnsubscribeService (email links)
 * without importing this module and, through it, auth.
 */
@Global()
@Module({
  imports: [UsersModule, AuthModule],
  controllers: [PrivacyController],
  providers: [
    PrivacyRegistry,
    DataExportService,
    AccountDeletionService,
    UnsubscribeService,
    JobLeases,
    RetentionService,
  ],
  exports: [PrivacyRegistry, UnsubscribeService],
})
export class PrivacyModule {}
