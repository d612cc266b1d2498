import type { INestApplicationContext } from '@nestjs/common';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { IncomingMessage } from 'node:http';
import type { Observable } from 'rxjs';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../infra/config/app-config';
import type { RedisClient, RedisConnection } from '../infra/redis/redis-connection';
import { isAllowedOrigin } from '../infra/http/origin-check';

/** Above this the transport closes the connection outright; the gateway refuses smaller abuse with a reason. */
export const MAX_HTTP_BUFFER_BYTES = 64 * 1024;
/** socket.io connection state recovery: a client back within this window gets its missed packets and rooms. */
export const RECOVERY_WINDOW_MS = 2 * 60_000;

/**
 * socket.io with the origin check, connection state recovery, a payload cap and, when REDIS_URL is set,
 * the Redis streams adapter that joins instances.
 */
export class ParleyIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
    private readonly redis: RedisConnection,
    /** From openStreamsAdapterClient when REDIS_URL is set. */
    private readonly streamsClient: RedisClient | null,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const allowed = this.config.CORS_ORIGINS;
    return super.createIOServer(port, {
      ...options,
      cors: { origin: allowed, credentials: true },
      allowRequest: (req: IncomingMessage, callback: (err: string | null | undefined, ok: boolean) => void) =>
        callback(null, isAllowedOrigin(req.headers, allowed, this.config.TRUST_PROXY)),
      maxHttpBufferSize: MAX_HTTP_BUFFER_BYTES,
      // Middlewares run again on recovery, so a token revoked while the client was away is refused.
      connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS, skipMiddlewares: false },
      // A short block keeps shutdown quick; new entries wake the reader at once whatever the block time.
      ...(this.streamsClient ? { adapter: createAdapter(this.streamsClient, { blockTimeInMs: 1000 }) } : {}),
    } as Partial<ServerOptions>) as Server;
  }

  /**
   * Nest's version builds, for every socket, an RxJS pipeline per command (fromEvent, mergeMap, takeUntil a
   * shared disconnect stream) that lives as long as the connection: about 24 of an idle socket's 56 KiB (docs/benchmarks.md).
   * This one adds one plain listener per command and makes the pipeline only when a command arrives. Same
   * behaviour: the payload mapping (data, trailing ack), null results dropped, `{ event, data }` results
   * emitted, any other result sent as the acknowledgement unless the handler acknowledges by itself.
   */
  override bindMessageHandlers(
    socket: Parameters<IoAdapter['bindMessageHandlers']>[0],
    handlers: MessageMappingProperties[],
    transform: (data: unknown) => Observable<unknown>,
  ): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(String(message), (...args: unknown[]) => {
        // fromEvent's rule: one argument as is, several as an array.
        const { data, ack } = this.mapPayload(args.length > 1 ? args : args[0]) as {
          data: unknown;
          ack?: unknown;
        };
        transform(callback(data, ack)).subscribe((response) => {
          if (response === null || response === undefined) return;
          const reply = response as { event?: string; data?: unknown };
          if (reply.event) {
            socket.emit(reply.event, reply.data);
            return;
          }
          if (!isAckHandledManually && typeof ack === 'function') (ack as (r: unknown) => void)(response);
        });
      });
    }
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    await this.redis.close();
  }
}
