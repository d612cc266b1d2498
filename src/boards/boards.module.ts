import { BoardFollowUps } from './board-follow-ups';
import { Module } from '@nestjs/common';
import { MessageLifecycle } from './message-lifecycle.service';
import { MongooseModule } from '@nestjs/mongoose';
import { ForumsModule } from '../forums/forums.module';
import { NoticesModule } from '../notices/notices.module';
import { PublishingModule } from '../publishing/publishing.module';
import { UsersModule } from '../users/users.module';
import { BoardAccessService } from './board-access.service';
import { BoardAccountCleanupListener } from './board-account-cleanup.listener';
import { BoardLikesService } from './board-likes.service';
import { BoardReplayViews } from './board-replay-views';
import { BoardMessagesController } from './board-messages.controller';
import { BoardMessageRepository } from './board-message.repository';
import { BoardMessageRecord, BoardMessageSchema } from './board-message.schema';
import { BoardMessagingService } from './board-messaging.service';
import { BoardPostingSlotRepository } from './board-posting-slot.repository';
import { BoardPostingSlotRecord, BoardPostingSlotSchema } from './board-posting-slot.schema';
import { BoardReadRepository } from './board-read.repository';
import { BoardReadRecord, BoardReadSchema } from './board-read.schema';
import { BoardReadingService } from './board-reading.service';
import { BoardRecord, BoardSchema } from './board.schema';
import { BoardRepository } from './board.repository';
import { BoardsController } from './boards.controller';
import { BoardsPrivacySection } from './boards-privacy.section';
import { BoardsService } from './boards.service';

/**
 * Live message boards. Exports the services the socket gateway calls (the same ones the REST routes use)
 * and BoardMessageRepository for moderation (redaction rewrites a message and its revisions).
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: BoardRecord.name, schema: BoardSchema },
      { name: BoardMessageRecord.name, schema: BoardMessageSchema },
      { name: BoardPostingSlotRecord.name, schema: BoardPostingSlotSchema },
      { name: BoardReadRecord.name, schema: BoardReadSchema },
    ]),
    ForumsModule,
    NoticesModule,
    PublishingModule,
    UsersModule,
  ],
  controllers: [BoardsController, BoardMessagesController],
  providers: [
    MessageLifecycle,
    BoardRepository,
    BoardMessageRepository,
    BoardPostingSlotRepository,
    BoardReadRepository,
    BoardAccessService,
    BoardsService,
    BoardReadingService,
    BoardMessagingService,
    BoardFollowUps,
    BoardLikesService,
    BoardReplayViews,
    BoardAccountCleanupListener,
    BoardsPrivacySection,
  ],
  exports: [MessageLifecycle, BoardAccessService, BoardMessagingService, BoardReadingService],
})
export class BoardsModule {}
