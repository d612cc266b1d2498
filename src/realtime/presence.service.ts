import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { RedisConnection } from '../infra/redis/redis-connection';
import { BroadcasterListener } from './broadcaster.listener';
import { parseRoom, ServerEvent, type PresenceEvent } from './socket-protocol';
import { SocketServerRef } from './socket-server.ref';

const TICK_MS = 1000;
const HEARTBEAT_MS = 5000;
/** An instance that stopped refreshing its share (crashed) stops counting after this long. */
const STALE_MS = 15_000;

/**
 * Viewer counts per forum, topic and board room (sockets, not people: two tabs count twice). Rooms whose
 * membership changed on this instance are announced at most once a second. With Redis each instance keeps
 * its share in a hash per room, so the announced number is the total across instances.
 */
@Injectable()
export class PresenceService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Presence');
  private readonly dirty = new Set<string>();
  private timer?: NodeJS.Timeout;
  private lastHeartbeat = 0;

  constructor(
    private readonly serverRef: SocketServerRef,
    private readonly redis: RedisConnection,
    private readonly broadcaster: BroadcasterListener,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(
      () => void this.tick().catch((e: Error) => this.logger.warn(e.message)),
      TICK_MS,
    );
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  changed(room: string): void {
    const ref = parseRoom(room);
    if (ref && ref.kind !== 'mod') this.dirty.add(room);
  }

  private async tick(): Promise<void> {
    const rooms = [...this.dirty];
    this.dirty.clear();
    for (const room of rooms) {
      const event: PresenceEvent = { room, viewers: await this.total(room) };
      this.broadcaster.emitEphemeral(room, ServerEvent.Presence, event);
    }
    if (this.redis.ready && Date.now() - this.lastHeartbeat > HEARTBEAT_MS) {
      this.lastHeartbeat = Date.now();
      for (const room of this.localRooms()) await this.share(room, this.local(room));
    }
  }

  private async total(room: string): Promise<number> {
    const local = this.local(room);
    const redis = this.redis.client;
    if (!redis?.isReady) return local;
    await this.share(room, local);
    const shares = await redis.hGetAll(keyOf(room));
    const now = Date.now();
    return Object.values(shares).reduce((sum, value) => {
      const [count, at] = value.split(':').map(Number);
      return now - at < STALE_MS ? sum + count : sum;
    }, 0);
  }

  private async share(room: string, local: number): Promise<void> {
    const redis = this.redis.client;
    if (!redis?.isReady) return;
    const key = keyOf(room);
    if (local > 0) await redis.hSet(key, this.redis.instanceId, `${local}:${Date.now()}`);
    else await redis.hDel(key, this.redis.instanceId);
    await redis.expire(key, 120);
  }

  private local(room: string): number {
    return this.serverRef.get()?.sockets.adapter.rooms.get(room)?.size ?? 0;
  }

  private localRooms(): string[] {
    const rooms = this.serverRef.get()?.sockets.adapter.rooms;
    return rooms ? [...rooms.keys()].filter((room) => parseRoom(room)?.kind !== undefined) : [];
  }
}

const keyOf = (room: string) => `parley:presence:${room}`;
