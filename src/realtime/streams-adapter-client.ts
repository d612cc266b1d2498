import { withTimeout } from '../infra/concurrency/with-timeout';
import type { RedisClient, RedisConnection } from '../infra/redis/redis-connection';

/** A stream write that gets no answer within this long is given up (a hung or paused Redis). */
export const STREAM_WRITE_TIMEOUT_MS = 1_000;

/**
 * The client the Redis streams adapter publishes with, adjusted for a Redis that goes away. The adapter
 * (socket.io-adapter's ClusterAdapter) delivers a broadcast to this instance's own sockets only once its
 * stream write has settled, and fires some commands without handling their failure. So:
 *
 * - it fails fast (no offline queue), and XADD is given up after STREAM_WRITE_TIMEOUT_MS: with node-redis's
 *   offline queue a broadcast reached the instance's own viewers only when the queue gave up (about 5 s
 *   after a kill) and never while Redis was paused;
 * - SET (persisting a disconnected socket's session for connection state recovery) and PUBLISH are fired
 *   and forgotten by the adapter: a failure was an unhandled rejection, which ends a Node process. Here
 *   they settle quietly; a lost session only means the client rejoins with its lastEventSeq (replay);
 * - duplicate(), which the adapter calls for its blocking stream reader and its subscriber, returns
 *   clients that queue while Redis is away: the reader retries at once on failure and would spin.
 */
export async function openStreamsAdapterClient(redis: RedisConnection): Promise<RedisClient> {
  const client = await redis.open({ failFast: true });
  const xAdd = client.xAdd.bind(client);
  const set = client.set.bind(client);
  const publish = client.publish.bind(client);
  Object.assign(client, {
    xAdd: (...args: Parameters<typeof xAdd>) => withTimeout(xAdd(...args), STREAM_WRITE_TIMEOUT_MS),
    set: (...args: Parameters<typeof set>) => set(...args).catch(() => null),
    publish: (...args: Parameters<typeof publish>) => publish(...args).catch(() => 0),
    duplicate: () => redis.duplicate({ failFast: false }),
  });
  return client;
}
