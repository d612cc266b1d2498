import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { MetricsService } from '../infra/metrics/metrics.service';
import { AppConfig } from '../infra/config/app-config';
import { AppError } from '../infra/errors/app-error';
import { clientAddress } from './connections-per-address';
import { connectError } from './socket-authenticator';
import { PresenceService } from './presence.service';
import { TokenBucket } from './rate-limiter';
import { emitNow, sessionRoom, userRoom, type ParleySocket } from './socket-data';
import { ServerEvent, SocketLimits } from './socket-protocol';
import { SocketServerRef } from './socket-server.ref';

/** Who a flood cool-off applies to: the verified user when signed in (any address), else the address. */
const flooderKey = (userId: string | null | undefined, socket: ParleySocket, trustProxy: boolean) =>
  userId ? `user:${userId}` : `address:${clientAddress(socket, trustProxy)}`;

/**
 * Per-socket bookkeeping: the open-sockets gauge, the user's private room, presence on the way out, and the
 * limits (event rate, packet size) that disconnect an offender after telling it why. A socket cut off for
 * flooding events also keeps its user (or, signed out, its address) from reconnecting for
 * SOCKET_FLOOD_COOL_OFF_MS: otherwise it reconnects at once and floods again, and each round costs the
 * server a handshake and a token check (bench:abuse measured readers at 29% of their rate then).
 */
@Injectable()
export class SocketConnectionsService implements BeforeApplicationShutdown {
  /** Flooder → end of its cool-off (ms since the epoch); expired entries go when they are next looked at. */
  private readonly coolingOff = new Map<string, number>();

  constructor(
    private readonly metrics: MetricsService,
    private readonly presence: PresenceService,
    private readonly serverRef: SocketServerRef,
    private readonly config: AppConfig,
  ) {}

  /** Handshake middleware, after the token check: refuses a flooder cooling off (verified user, or address). */
  readonly coolOffMiddleware = (socket: ParleySocket, next: (error?: Error) => void): void => {
    const who = flooderKey(socket.data.user?.id, socket, this.config.TRUST_PROXY);
    const until = this.coolingOff.get(who) ?? 0;
    const waitMs = until - Date.now();
    if (waitMs <= 0) {
      this.coolingOff.delete(who);
      return next();
    }
    const seconds = Math.ceil(waitMs / 1000);
    next(
      connectError(
        new AppError('rate_limited', `Cut off for sending too many events: reconnect in ${seconds} s`, {
          retryAfterSeconds: seconds,
        }),
      ),
    );
  };

  /** Synchronous on purpose: the packet limiter must be in place before the first command is read. */
  opened(socket: ParleySocket): void {
    this.metrics.openSockets.inc();
    // The handshake (headers, auth) is copied already; the raw HTTP request would stay referenced for the
    // connection's life, a good part of an idle socket's memory (socket.io's own memory advice).
    (socket.conn as unknown as { request: unknown }).request = null;
    if (socket.data.user) void socket.join(userRoom(socket.data.user.id));
    if (socket.data.sessionId) void socket.join(sessionRoom(socket.data.sessionId));
    const bucket = new TokenBucket(SocketLimits.eventsPerSecond, SocketLimits.eventBurst, Date.now());
    socket.use((packet, next) => {
      if (!bucket.take(Date.now())) return this.floodedBy(socket);
      if (packetBytes(packet) > SocketLimits.maxPacketBytes) {
        return this.kick(
          socket,
          'payload_too_large',
          `Events are limited to ${SocketLimits.maxPacketBytes} bytes`,
        );
      }
      next();
    });
    socket.on('disconnecting', () => {
      for (const room of socket.rooms) this.presence.changed(room);
    });
    // Rooms restored by connection state recovery count again.
    for (const room of socket.rooms) this.presence.changed(room);
  }

  closed(): void {
    this.metrics.openSockets.dec();
  }

  /**
   * The app is closing (SIGTERM): every socket of this instance hears that it should reconnect, to another
   * instance or to this one once it is back. Nest then closes socket.io, which drops the transports without
   * a disconnect packet, so clients reconnect by themselves (after "io server disconnect" they would not) and
   * rejoin their rooms with their lastEventSeq. `local`: the other instances stay up.
   */
  beforeApplicationShutdown(): void {
    this.serverRef.get()?.local.emit(ServerEvent.Disconnecting, {
      code: 'server_restarting',
      message: 'This server is restarting: reconnect',
      reconnect: true,
    });
  }

  private floodedBy(socket: ParleySocket): void {
    const coolOffMs = this.config.SOCKET_FLOOD_COOL_OFF_MS;
    if (coolOffMs > 0) {
      if (this.coolingOff.size >= 100_000) this.coolingOff.clear();
      this.coolingOff.set(
        flooderKey(socket.data.user?.id, socket, this.config.TRUST_PROXY),
        Date.now() + coolOffMs,
      );
    }
    const wait = coolOffMs > 0 ? `; reconnect in ${Math.ceil(coolOffMs / 1000)} s` : '';
    this.kick(socket, 'rate_limited', `Too many events: slow down${wait}`);
  }

  /** Tells the client why (it must not just reconnect and repeat), then closes the connection. */
  kick(socket: ParleySocket, code: string, message: string): void {
    emitNow(socket, ServerEvent.Disconnecting, { code, message });
    socket.disconnect(true);
  }
}

function packetBytes(packet: unknown[]): number {
  try {
    return Buffer.byteLength(JSON.stringify(packet) ?? '', 'utf8');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
