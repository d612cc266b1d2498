import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '../infra/config/app-config';
import { ParleyIoAdapter } from './parley-io.adapter';
import { RedisConnection } from './redis-connection';

/** Called by createApp before listen: Redis (when configured) must be connected before the socket server exists. */
export async function setUpRealtime(app: INestApplication, config: AppConfig): Promise<void> {
  const redis = app.get(RedisConnection);
  await redis.connect();
  app.useWebSocketAdapter(new ParleyIoAdapter(app, config, redis));
}
