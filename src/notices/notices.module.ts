import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AcknowledgementCleanupListener } from './acknowledgement-cleanup.listener';
import { AcknowledgementRepository } from './acknowledgement.repository';
import { AcknowledgementRecord, AcknowledgementSchema } from './acknowledgement.schema';
import { NoticeRepository } from './notice.repository';
import { NoticeRecord, NoticeSchema } from './notice.schema';
import { NoticeSeeder } from './notice-seeder';
import { NoticeStateService } from './notice-state.service';
import { NoticesController } from './notices.controller';
import { NoticesService } from './notices.service';

/**
 * The public-area disclosure notice and the privacy statement (versioned), and users' acknowledgements.
 * Exports NoticeStateService so that every public-area response can carry `notice: { version, acknowledged }`.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: NoticeRecord.name, schema: NoticeSchema },
      { name: AcknowledgementRecord.name, schema: AcknowledgementSchema },
    ]),
  ],
  controllers: [NoticesController],
  providers: [
    NoticeRepository,
    AcknowledgementRepository,
    NoticeStateService,
    NoticesService,
    NoticeSeeder,
    AcknowledgementCleanupListener,
  ],
  exports: [NoticeStateService, NoticesService],
})
export class NoticesModule {}
