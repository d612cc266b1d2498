import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PostsModule } from '../posts/posts.module';
import { UsersModule } from '../users/users.module';
import { ModerationNotifyListener } from './moderation-notify.listener';
import { NotificationDeliveryService } from './notification-delivery.service';
import { NotificationInboxService } from './notification-inbox.service';
import { NotificationRepository } from './notification.repository';
import { NotificationRecord, NotificationSchema } from './notification.schema';
import { NotificationsController } from './notifications.controller';
import { NotificationsPrivacySection } from './notifications-privacy.section';
import { PostActivityListener } from './post-activity.listener';
import { NotificationMailer } from './notification-mailer';
import { JobLeases } from '../infra/database/job-leases';
import { DigestService } from './digest.service';
import { WatchAccountCleanupListener } from './watch-account-cleanup.listener';
import { WatchRepository } from './watch.repository';
import { WatchRecord, WatchSchema } from './watch.schema';
import { WatchingController } from './watching.controller';
import { WatchingService } from './watching.service';
import { ForumsModule } from '../forums/forums.module';

/**
 * The in-app inbox. Fed by events only (post.created, moderation.action_taken, user.restricted), so no
 * feature module imports this one to tell someone something. Exports the delivery service for redaction.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: NotificationRecord.name, schema: NotificationSchema },
      { name: WatchRecord.name, schema: WatchSchema },
    ]),
    PostsModule,
    ForumsModule,
    UsersModule,
  ],
  controllers: [NotificationsController, WatchingController],
  providers: [
    NotificationRepository,
    NotificationInboxService,
    NotificationDeliveryService,
    PostActivityListener,
    ModerationNotifyListener,
    NotificationMailer,
    WatchRepository,
    WatchingService,
    WatchAccountCleanupListener,
    DigestService,
    JobLeases,
    NotificationsPrivacySection,
  ],
  exports: [NotificationDeliveryService],
})
export class NotificationsModule {}
