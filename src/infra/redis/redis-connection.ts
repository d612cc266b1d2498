import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { createClient } from 'redis';
import { AppConfig } from '../config/app-config';

export const RECONNECT_MAX_DELAY_MS = 2_000;

function makeClient(url: string, failFast: boolean) {
  return createClient({
    url,
    disableOfflineQueue: failFast,
    // Keep retrying with a capped delay: a Redis restart must not take the process down, and the link is
    // back at most this long after Redis is.
    socket: { reconnectStrategy: (retries: number) => Math.min(retries * 200, RECONNECT_MAX_DELAY_MS) },
  });
}

export type RedisClient = ReturnType<typeof makeClient>;

/**
 * The Redis link when REDIS_URL is set (several instances): shared presence counts, shared rate limits and
 * the health check use `client`; the socket.io streams adapter gets clients of its own (`open`). `client`
 * stays null on a single instance.
 *
 * `client` fails fast: while Redis is away every command fails at once (no offline queue) instead of being
 * held until Redis returns, so presence, rate limits and the health check fall back on this instance's own
 * view without making anyone wait.
 */
@Injectable()
export class RedisConnection {
  /** Identifies this process in shared presence counts. */
  readonly instanceId = randomUUID();
  client: RedisClient | null = null;
  private readonly opened: RedisClient[] = [];
  private readonly logger = new Logger('Redis');

  constructor(private readonly config: AppConfig) {}

  get enabled(): boolean {
    return !!this.config.REDIS_URL;
  }

  /** True while commands can be sent: false without REDIS_URL, and while Redis is away. */
  get ready(): boolean {
    return this.client?.isReady ?? false;
  }

  /** Called once by setUpRealtime before the socket server is created. */
  async connect(): Promise<void> {
    if (!this.config.REDIS_URL || this.client) return;
    this.client = this.watch(makeClient(this.config.REDIS_URL, true));
    await this.client.connect();
    this.logger.log('instances share socket events, presence and rate limits through Redis');
  }

  /**
   * Another connected client, closed with this connection. `failFast: false` keeps commands issued while
   * Redis is away queued until it is back. Its errors are not logged: `client` reports the outage once.
   */
  async open({ failFast }: { failFast: boolean }): Promise<RedisClient> {
    const client = this.duplicate({ failFast });
    this.opened.push(client);
    await client.connect();
    return client;
  }

  /** A new client with the same settings, not connected (the caller connects and closes it). */
  duplicate({ failFast }: { failFast: boolean }): RedisClient {
    if (!this.config.REDIS_URL) throw new Error('REDIS_URL is not set');
    return makeClient(this.config.REDIS_URL, failFast).on('error', () => undefined);
  }

  /** 'up' when Redis answers a PING now; fails at once while it is away. */
  async check(): Promise<'up' | 'down'> {
    try {
      return (await this.client?.ping()) === 'PONG' ? 'up' : 'down';
    } catch {
      return 'down';
    }
  }

  async close(): Promise<void> {
    const clients = [this.client, ...this.opened.splice(0)];
    this.client = null;
    await Promise.all(clients.map((c) => (c?.isOpen ? c.quit().catch(() => undefined) : Promise.resolve())));
  }

  /** One warning when the link drops and one line when it is back, not one per reconnection attempt. */
  private watch(client: RedisClient): RedisClient {
    let lost = false;
    client.on('error', (error: Error) => {
      if (lost) return;
      lost = true;
      this.logger.warn({ err: error.message }, 'redis unreachable: carrying on with this instance alone');
    });
    client.on('ready', () => {
      if (!lost) return;
      lost = false;
      this.logger.log('redis is back');
    });
    return client;
  }
}
