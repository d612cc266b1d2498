import { MetricsModule } from './infra/metrics/metrics.module';
import { OutboxModule } from './infra/outbox/outbox.module';
import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { DestinationStream } from 'pino';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { BenchRoutesModule } from './health/bench-routes.module';
import { HealthModule } from './health/health.module';
import { ForumsModule } from './forums/forums.module';
import { EventsModule } from './infra/events/events.module';
import { AppConfig } from './infra/config/app-config';
import { ConfigModule } from './infra/config/config.module';
import { DatabaseModule } from './infra/database/database.module';
import { HttpErrorFilter } from './infra/errors/http-error.filter';
import { LoggingModule } from './infra/logging/logging.module';
import { ThrottlingModule } from './infra/throttling/throttling.module';
import { ModerationModule } from './moderation/moderation.module';
import { NoticesModule } from './notices/notices.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PiiCheckModule } from './pii-check/pii-check.module';
import { PostsModule } from './posts/posts.module';
import { BoardsModule } from './boards/boards.module';
import { RealtimeModule } from './realtime/realtime.module';
import { PrivacyModule } from './privacy/privacy.module';
import { MailModule } from './mail/mail.module';
import { PublishingModule } from './publishing/publishing.module';
import { UsersModule } from './users/users.module';
import { UploadsModule } from './uploads/uploads.module';
import { DraftsModule } from './drafts/drafts.module';
import { ProfilesModule } from './profiles/profiles.module';
import { PersonalDataInterceptor } from './infra/http/personal-data.interceptor';

/** Feature modules, in dependency order. */
const features: Type[] = [
  EventsModule,
  AuditModule,
  UsersModule,
  AuthModule,
  PrivacyModule,
  MailModule,
  HealthModule,
  NoticesModule,
  PublishingModule,
  PiiCheckModule,
  ForumsModule,
  PostsModule,
  BoardsModule,
  RealtimeModule,
  NotificationsModule,
  ModerationModule,
  UploadsModule,
  DraftsModule,
  ProfilesModule,
];

export interface AppModuleOptions {
  config: AppConfig;
  logDestination?: DestinationStream;
}

@Module({})
export class AppModule {
  static forRoot({ config, logDestination }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(logDestination),
        DatabaseModule,
        MetricsModule,
        OutboxModule,
        EventEmitterModule.forRoot({ wildcard: false }),
        ThrottlingModule.forRoot(config),
        ...features,
        ...(config.BENCH_ROUTES ? [BenchRoutesModule] : []),
      ],
      providers: [
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_INTERCEPTOR, useClass: PersonalDataInterceptor },
      ],
    };
  }
}
