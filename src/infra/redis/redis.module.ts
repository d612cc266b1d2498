import { Module } from '@nestjs/common';
import { RedisConnection } from './redis-connection';

/** One Redis link per process, shared by real time (adapter, presence), rate limits and the health check. */
@Module({
  providers: [RedisConnection],
  exports: [RedisConnection],
})
export class RedisModule {}
