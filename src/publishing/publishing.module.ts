import { Module } from '@nestjs/common';
import { NoticesModule } from '../notices/notices.module';
import { PiiScannerModule } from '../pii-check/pii-scanner.module';
import { PublishGateService } from './publish-gate.service';

/** The publish gate, imported by every module that writes to a public area (posts, boards). */
@Module({
  imports: [NoticesModule, PiiScannerModule],
  providers: [PublishGateService],
  exports: [PublishGateService],
})
export class PublishingModule {}
