import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { withTimeout } from '../infra/concurrency/with-timeout';
import { RedisConnection } from '../infra/redis/redis-connection';

export type CheckState = 'up' | 'down';

/**
 * `ok`: everything up. `degraded`: the database is up but Redis is not, so this instance serves on its own
 * (its own sockets, its own rate limits) and still answers 200: taking every instance out of a load
 * balancer over a Redis outage would turn a partial loss into a full one. `error`: the database is down (503).
 */
export type HealthStatus = 'ok' | 'degraded' | 'error';

export interface HealthReport {
  status: HealthStatus;
  checks: Record<string, CheckState>;
}

@Injectable()
export class HealthService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly redis: RedisConnection,
  ) {}

  async report(): Promise<HealthReport> {
    const checks: Record<string, CheckState> = { database: await this.database() };
    if (this.redis.enabled) checks.redis = await withTimeout(this.redis.check(), 1000).catch(() => 'down');
    const status: HealthStatus =
      checks.database === 'down' ? 'error' : checks.redis === 'down' ? 'degraded' : 'ok';
    return { status, checks };
  }

  private async database(): Promise<CheckState> {
    if (this.connection.readyState !== 1 || !this.connection.db) return 'down';
    try {
      await withTimeout(this.connection.db.admin().ping(), 2000);
      return 'up';
    } catch {
      return 'down';
    }
  }
}
