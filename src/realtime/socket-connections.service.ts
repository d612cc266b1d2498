import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { MetricsService } from '../health/metrics.service';
import { PresenceService } from './presence.service';
import { TokenBucket } from './rate-limiter';
import { emitNow, userRoom, type ParleySocket } from './socket-data';
import { ServerEvent, SocketLimits } from './socket-protocol';
import { SocketServerRef } from './socket-server.ref';

/**
 * Per-socket bookkeeping: the open-sockets gauge, the user's private room, presence on the way out, and the
 * limits (event rate, packet size) that disconnect an offender after telling it why.
 */
@Injectable()
export class SocketConnectionsService implements BeforeApplicationShutdown {
  constructor(
    private readonly metrics: MetricsService,
    private readonly presence: PresenceService,
    private readonly serverRef: SocketServerRef,
  ) {}

  /** Synchronous on purpose: the packet limiter must be in place before the first command is read. */
  opened(socket: ParleySocket): void {
    this.metrics.openSockets.inc();
    // The handshake (headers, auth) is copied already; the raw HTTP request would stay referenced for the
    // connection's life, a good part of an idle socket's memory (socket.io's own memory advice).
    (socket.conn as unknown as { request: unknown }).request = null;
    if (socket.data.user) void socket.join(userRoom(socket.data.user.id));
    const bucket = new TokenBucket(SocketLimits.eventsPerSecond, SocketLimits.eventBurst, Date.now());
    socket.use((packet, next) => {
      if (!bucket.take(Date.now())) return this.kick(socket, 'rate_limited', 'Too many events: slow down');
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
