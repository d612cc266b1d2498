import { CopyIndexListener } from './copy-index.listener';
import { CopyIndexRepository } from './copy-index.repository';
import { CopyIndexRecord, CopyIndexSchema } from './copy-index.schema';
import { PersonalDataCopies } from './personal-data-copies.service';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { BoardsModule } from '../boards/boards.module';
import { ForumsModule } from '../forums/forums.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PostsModule } from '../posts/posts.module';
import { UsersModule } from '../users/users.module';
import { UploadsModule } from '../uploads/uploads.module';
import { ActionRecorder } from './action-recorder.service';
import { ContentLifecycles } from './content-lifecycles';
import { ContentModerationService } from './content-moderation.service';
import { ModerationAccessService } from './moderation-access.service';
import { ModerationAuditService } from './moderation-audit.service';
import { ModerationContentController } from './moderation-content.controller';
import { ModerationPrivacySection } from './moderation-privacy.section';
import { ModerationQueueController } from './moderation-queue.controller';
import { ModerationTopicsController } from './moderation-topics.controller';
import { ModerationUsersController } from './moderation-users.controller';
import { ModerationHistoryListener } from './moderation-history.listener';
import { ModerationHistoryRepository } from './moderation-history.repository';
import { ModerationHistoryRecord, ModerationHistorySchema } from './moderation-history.schema';
import { RedactionService } from './redaction.service';
import { ReportRepository } from './report.repository';
import { ReportRecord, ReportSchema } from './report.schema';
import { ReportingService } from './reporting.service';
import { ReportsController } from './reports.controller';
import { ReviewItemRepository } from './review-item.repository';
import { ReviewItemRecord, ReviewItemSchema } from './review-item.schema';
import { ReviewQueueListener } from './review-queue.listener';
import { ReviewQueueService } from './review-queue.service';
import { TopicActionsService } from './topic-actions.service';
import { UserActionsService } from './user-actions.service';

/**
 * Reports, the review queue, moderators' actions on content, topics and accounts, and the audit view.
 * Depends on posts and boards (content), users (restrictions), notifications (redaction scrubs excerpts); nothing
 * depends on it: authors hear about actions through `moderation.action_taken`.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: ReviewItemRecord.name, schema: ReviewItemSchema },
      { name: ReportRecord.name, schema: ReportSchema },
      { name: ModerationHistoryRecord.name, schema: ModerationHistorySchema },
      { name: CopyIndexRecord.name, schema: CopyIndexSchema },
    ]),
    ForumsModule,
    PostsModule,
    BoardsModule,
    UsersModule,
    UploadsModule,
    NotificationsModule,
  ],
  controllers: [
    ReportsController,
    ModerationQueueController,
    ModerationContentController,
    ModerationTopicsController,
    ModerationUsersController,
  ],
  providers: [
    ReviewItemRepository,
    ReportRepository,
    ModerationHistoryRepository,
    ModerationHistoryListener,
    ContentLifecycles,
    ModerationAccessService,
    ActionRecorder,
    ReviewQueueService,
    ReviewQueueListener,
    ReportingService,
    ContentModerationService,
    RedactionService,
    CopyIndexRepository,
    PersonalDataCopies,
    CopyIndexListener,
    TopicActionsService,
    UserActionsService,
    ModerationAuditService,
    ModerationPrivacySection,
  ],
  exports: [ReviewQueueService],
})
export class ModerationModule {}
