import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { createClient } from 'redis';
import { HealthService } from '../health/health.service';
import { AppConfig } from '../infra/config/app-config';

function makeClient(url: string) {
  return createClient({
    url,
    // Keep retrying with a capped delay: a Redis restart must not take the process down.
    socket: { reconnectStrategy: (retries: number) => Math.min(retries * 200, 5000) },
  });
}

export type RedisClient = ReturnType<typeof makeClient>;

/**
 * The Redis link when REDIS_URL is set: `client` publishes for the socket.io streams adapter (which
 * duplicates it for its blocking reads), `commands` serves presence. Both stay null on a single instance.
 */
@Injectable()
export class RedisConnection {
  /** Identifies this process in shared presence counts. */
  readonly instanceId = randomUUID();
  client: RedisClient | null = null;
  commands: RedisClient | null = null;
  private readonly logger = new Logger('Redis');

  constructor(
    private readonly config: AppConfig,
    private readonly health: HealthService,
  ) {}

  /** Called once by setUpRealtime before the socket server is created (the adapter needs a live client). */
  async connect(): Promise<void> {
    if (!this.config.REDIS_URL || this.client) return;
    this.client = this.create();
    this.commands = this.client.duplicate();
    this.commands.on('error', (error: Error) => this.logger.warn({ err: error.message }, 'redis error'));
    await Promise.all([this.client.connect(), this.commands.connect()]);
    this.health.register({
      name: 'redis',
      check: async () => ((await this.commands?.ping()) === 'PONG' ? 'up' : 'down'),
    });
    this.logger.log('socket.io instances share events through Redis streams');
  }

  async close(): Promise<void> {
    const clients = [this.client, this.commands].filter((c): c is RedisClient => !!c && c.isOpen);
    this.client = null;
    this.commands = null;
    await Promise.all(clients.map((c) => c.quit().catch(() => undefined)));
  }

  private create(): RedisClient {
    const client = makeClient(this.config.REDIS_URL!);
    client.on('error', (error: Error) => this.logger.warn({ err: error.message }, 'redis error'));
    return client;
  }
}
