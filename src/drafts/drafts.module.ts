import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DraftRecord, DraftSchema } from './draft.schema';
import { DraftRepository } from './draft.repository';
import { DraftsController } from './drafts.controller';
import { DraftsPrivacyListener } from './drafts-privacy.listener';
import { DraftsService } from './drafts.service';

/** Server-side drafts per topic, board and new topic: restored on any device, discarded once published. */
@Module({
  imports: [MongooseModule.forFeature([{ name: DraftRecord.name, schema: DraftSchema }])],
  controllers: [DraftsController],
  providers: [DraftRepository, DraftsService, DraftsPrivacyListener],
})
export class DraftsModule {}
