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

/**
 * The in-app inbox. Fed by events only (post.created, moderation.action_taken, user.restricted), so no
 * feature module imports this one to tell someone something. Exports the delivery service for redaction.
 */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: NotificationRecord.name, schema: NotificationSchema }]),
    PostsModule,
    UsersModule,
  ],
  controllers: [NotificationsController],
  providers: [
    NotificationRepository,
    NotificationInboxService,
    NotificationDeliveryService,
    PostActivityListener,
    ModerationNotifyListener,
    NotificationsPrivacySection,
  ],
  exports: [NotificationDeliveryService],
})
export class NotificationsModule {}
