import type { DynamicModule } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import type { AppConfig } from '../config/app-config';
import { RedisConnection } from '../redis/redis-connection';
import { RedisModule } from '../redis/redis.module';
import { SharedThrottlerStorage } from './shared-throttler.storage';

/** @nestjs/throttler with the default per-address limit, on storage shared through Redis when configured. */
export class ThrottlingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return ThrottlerModule.forRootAsync({
      imports: [RedisModule],
      inject: [RedisConnection],
      useFactory: (redis: RedisConnection) => ({
        throttlers: [
          { name: 'default', ttl: config.THROTTLE_TTL_SECONDS * 1000, limit: config.THROTTLE_LIMIT },
        ],
        storage: new SharedThrottlerStorage(redis),
      }),
    });
  }
}
