import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '../infra/config/app-config';
import { RedisConnection } from '../infra/redis/redis-connection';
import { ParleyIoAdapter } from './parley-io.adapter';
import { openStreamsAdapterClient } from './streams-adapter-client';

/** Called by createApp before listen: Redis (when configured) must be connected before the socket server exists. */
export async function setUpRealtime(app: INestApplication, config: AppConfig): Promise<void> {
  const redis = app.get(RedisConnection);
  await redis.connect();
  const streams = redis.enabled ? await openStreamsAdapterClient(redis) : null;
  app.useWebSocketAdapter(new ParleyIoAdapter(app, config, redis, streams));
}
