import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageService, type ThrottlerStorage } from '@nestjs/throttler';
import { withTimeout } from '../concurrency/with-timeout';
import type { RedisConnection } from '../redis/redis-connection';

/**
 * One fixed window per key, shared by every instance: counts the hit, starts the window on the first one,
 * and once the count passes the limit marks the key blocked for the block duration. Atomic in Redis, so
 * two instances counting at once cannot both let the last request through. Both keys share a hash tag,
 * so the script also runs on a Redis Cluster.
 * KEYS: hits, block marker. ARGV: window ms, limit, block ms. Returns hits, window ms left, block ms left.
 */
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
local window = redis.call('PTTL', KEYS[1])
if window < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  window = tonumber(ARGV[1])
end
local blocked = redis.call('PTTL', KEYS[2])
if blocked < 0 then
  blocked = 0
  if hits > tonumber(ARGV[2]) and tonumber(ARGV[3]) > 0 then
    redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
    blocked = tonumber(ARGV[3])
  end
end
return { hits, window, blocked }
`;

/** A Redis that answers slower than this is treated as away (a hung server, a half-open connection). */
export const REDIS_ANSWER_TIMEOUT_MS = 1_000;
/** After a failure, limits stay on this instance for this long before Redis is tried again. */
export const REDIS_RETRY_AFTER_MS = 5_000;

const seconds = (ms: number) => Math.ceil(ms / 1000);

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * @nestjs/throttler storage for every rate limit that goes through it (the global per-address limit, the
 * sign-in and registration limit, the live personal-data check): in Redis when REDIS_URL is set, so a
 * limit holds across instances, else in this process.
 *
 * Fails open, not closed: while Redis is away (or too slow, see above) each instance keeps its own
 * in-memory limits, so a client can get up to the limit from each instance, never unlimited, and no
 * request waits for Redis or fails because of it. One warning is logged when it switches, one line when
 * the limits are shared again.
 */
export class SharedThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly local = new ThrottlerStorageService();
  private readonly logger = new Logger('RateLimits');
  private localUntil = 0;
  private onLocal = false;

  constructor(private readonly redis: RedisConnection) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const client = this.redis.client;
    if (!client || Date.now() < this.localUntil || !client.isReady) {
      if (client) this.switchToLocal('redis is not connected');
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
    try {
      const tag = `parley:throttle:{${throttlerName}:${key}}`;
      const reply = client.eval(INCREMENT, {
        keys: [tag, `${tag}:blocked`],
        arguments: [String(ttl), String(limit), String(blockDuration)],
      });
      const [hits, windowMs, blockedMs] = (await withTimeout(reply, REDIS_ANSWER_TIMEOUT_MS)) as number[];
      this.switchToShared();
      const isBlocked = blockedMs > 0 || hits > limit;
      return {
        totalHits: hits,
        timeToExpire: seconds(windowMs),
        isBlocked,
        timeToBlockExpire: isBlocked ? seconds(blockedMs || windowMs) : 0,
      };
    } catch (error) {
      this.switchToLocal((error as Error).message || (error as Error).name);
      this.localUntil = Date.now() + REDIS_RETRY_AFTER_MS;
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  onApplicationShutdown(): void {
    this.local.onApplicationShutdown();
  }

  private switchToLocal(reason: string): void {
    if (this.onLocal) return;
    this.onLocal = true;
    this.logger.warn({ reason }, 'rate limits: Redis unavailable, each instance limits on its own');
  }

  private switchToShared(): void {
    if (!this.onLocal) return;
    this.onLocal = false;
    this.logger.log('rate limits: shared through Redis again');
  }
}
