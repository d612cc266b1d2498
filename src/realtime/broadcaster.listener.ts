import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ForumsService } from '../forums/forums.service';
import {
  ForumEvent,
  type ContentView,
  type ForumEventPayloads as P,
  type ServerViews,
} from '../infra/events/forum-events';
import { PendingRoomEvents } from '../infra/events/pending-room-events';
import { ReplayContent, type ReplayViewer } from '../infra/events/replay-content';
import { renderForViewer, toStoredPayload } from './room-event-content';
import {
  RETAINED_PER_ROOM,
  RoomEventRepository,
  type EventOrigin,
  type StoredRoomEvent,
} from './room-event.repository';
import {
  roomName,
  ServerEvent,
  SocketLimits,
  type JoinReply,
  type RoomEventFacts,
  type RoomEventName,
} from './socket-protocol';
import { emitEvent, emitNow, emitRoomEvent, userRoom, type EmitArg, type ParleySocket } from './socket-data';
import { SocketServerRef } from './socket-server.ref';

const ON = { async: true, promisify: true } as const;

type Replay = Pick<JoinReply, 'lastEventSeq' | 'replayed' | 'resync'>;

/** What a room event of this name carries besides its envelope, as the protocol's map says. */
type Facts<E extends RoomEventName> = RoomEventFacts<ServerViews>[E];

const origin = (view?: ContentView): EventOrigin => ({ contentId: view?.id ?? null });

/**
 * The only code that emits to rooms. Domain events become room events: each is numbered per room and stored
 * (room_events) before it is emitted with its `eventSeq`, so a reconnecting client can ask for what it missed.
 * Events of one room may leave in a different order than they were numbered; clients order by eventSeq.
 */
@Injectable()
export class BroadcasterListener {
  private readonly logger = new Logger('Broadcaster');
  private readonly forumSlugs = new Map<string, string>();

  constructor(
    private readonly serverRef: SocketServerRef,
    private readonly log: RoomEventRepository,
    private readonly forums: ForumsService,
    private readonly pending: PendingRoomEvents,
    private readonly content: ReplayContent,
  ) {}

  /** Before the author's answer: no database, just the topic's viewers, with the number taken with the post. */
  @OnEvent(ForumEvent.PostStored)
  postStored({ eventSeq, ...p }: P['post.stored']) {
    this.emitNumbered(roomName('topic', p.topicId), ServerEvent.PostCreated, p, eventSeq);
  }

  @OnEvent(ForumEvent.MessageStored)
  messageStored({ eventSeq, ...p }: P['message.stored']) {
    this.emitNumbered(roomName('board', p.boardSlug), ServerEvent.MessageCreated, p, eventSeq);
  }

  @OnEvent(ForumEvent.PostCreated, ON)
  async postCreated({ redelivery, eventSeq, live, reviewable: _, references: __, ...p }: P['post.created']) {
    if (eventSeq !== undefined) {
      // Follow-up work (the outbox): failures must reach it, so it tries again.
      const topicRoom = roomName('topic', p.topicId);
      await this.logNumbered(topicRoom, ServerEvent.PostCreated, p, origin(p.post), eventSeq, live ?? false);
      const slug = await this.forumSlug(p.forumId);
      const forumRoom = slug && roomName('forum', slug);
      if (forumRoom)
        await this.append(forumRoom, ServerEvent.PostCreated, p, origin(p.post), redelivery ?? true);
      return;
    }
    // Two rooms, two logs: written side by side.
    await Promise.all([
      this.publish(roomName('topic', p.topicId), ServerEvent.PostCreated, p, origin(p.post), redelivery),
      this.toForum(p.forumId, ServerEvent.PostCreated, p, origin(p.post), redelivery),
    ]);
  }

  @OnEvent(ForumEvent.PostUpdated, ON)
  postUpdated(p: P['post.updated']) {
    return this.publish(roomName('topic', p.topicId), ServerEvent.PostUpdated, p, origin(p.post));
  }

  @OnEvent(ForumEvent.PostRedacted, ON)
  postRedacted(p: P['post.redacted']) {
    return this.publish(roomName('topic', p.topicId), ServerEvent.PostRedacted, p, origin(p.post));
  }

  @OnEvent(ForumEvent.PostRemoved, ON)
  postRemoved(p: P['post.removed']) {
    return this.publish(roomName('topic', p.topicId), ServerEvent.PostRemoved, p, { contentId: p.postId });
  }

  @OnEvent(ForumEvent.PostHeld, ON)
  postHeld({ redelivery, ...p }: P['post.held']) {
    return this.publish(roomName('mod', p.forumId), ServerEvent.PostHeld, p, origin(p.post), redelivery);
  }

  @OnEvent(ForumEvent.TopicCreated, ON)
  topicCreated(p: P['topic.created']) {
    return this.publish(roomName('forum', p.forumSlug), ServerEvent.TopicCreated, p, {
      contentId: p.topicId,
    });
  }

  @OnEvent(ForumEvent.TopicLocked, ON)
  async topicLocked(p: P['topic.locked']) {
    const none = { contentId: p.topicId };
    await this.publish(roomName('topic', p.topicId), ServerEvent.TopicLocked, p, none);
    await this.toForum(p.forumId, ServerEvent.TopicLocked, p, none);
  }

  @OnEvent(ForumEvent.PostLiked, ON)
  postLiked(p: P['post.liked']) {
    return this.publish(roomName('topic', p.topicId), ServerEvent.PostLiked, p, { contentId: p.postId });
  }

  @OnEvent(ForumEvent.TopicUpdated, ON)
  async topicUpdated(p: P['topic.updated']) {
    const none = { contentId: p.topicId };
    await this.publish(roomName('topic', p.topicId), ServerEvent.TopicUpdated, p, none);
    await this.toForum(p.forumId, ServerEvent.TopicUpdated, p, none);
  }

  @OnEvent(ForumEvent.MessageCreated, ON)
  async messageCreated({ redelivery, eventSeq, live, reviewable: _, ...p }: P['message.created']) {
    const room = roomName('board', p.boardSlug);
    if (eventSeq !== undefined) {
      await this.logNumbered(room, ServerEvent.MessageCreated, p, origin(p.message), eventSeq, live ?? false);
      return;
    }
    await this.publish(room, ServerEvent.MessageCreated, p, origin(p.message), redelivery);
  }

  @OnEvent(ForumEvent.MessageUpdated, ON)
  messageUpdated(p: P['message.updated']) {
    return this.publish(roomName('board', p.boardSlug), ServerEvent.MessageUpdated, p, origin(p.message));
  }

  @OnEvent(ForumEvent.MessageRedacted, ON)
  messageRedacted(p: P['message.redacted']) {
    return this.publish(roomName('board', p.boardSlug), ServerEvent.MessageRedacted, p, origin(p.message));
  }

  @OnEvent(ForumEvent.MessageRemoved, ON)
  messageRemoved(p: P['message.removed']) {
    const from = { contentId: p.messageId };
    return this.publish(roomName('board', p.boardSlug), ServerEvent.MessageRemoved, p, from);
  }

  @OnEvent(ForumEvent.MessageHeld, ON)
  messageHeld({ redelivery, ...p }: P['message.held']) {
    const room = roomName('mod', p.forumId);
    return this.publish(room, ServerEvent.MessageHeld, p, origin(p.message), redelivery);
  }

  /** Notifications live in their own store; the user room only carries them live. */
  @OnEvent(ForumEvent.NotificationCreated, ON)
  notificationCreated(p: P['notification.created']) {
    this.serverRef.get()?.to(userRoom(p.userId)).emit(ServerEvent.Notification, p.notification);
  }

  /** A suspended user's sockets go at once, on every instance (the adapter carries the disconnect). */
  @OnEvent(ForumEvent.UserRestricted, ON)
  userRestricted(p: P['user.restricted']) {
    if (p.status !== 'suspended') return;
    this.disconnectUser(p.userId, 'account_suspended', 'Your account is suspended');
  }

  /** The room log holds no names or text (replay renders from the content), so only the sockets go. */
  @OnEvent(ForumEvent.UserDeleted, ON)
  userDeleted(p: P['user.deleted']) {
    this.disconnectUser(p.userId, 'unauthenticated', 'This account was deleted');
  }

  /** Presence and typing: not stored, no eventSeq (they are state, not history). */
  emitEphemeral<E extends 'typing' | 'presence'>(
    room: string,
    event: E,
    payload: EmitArg<E>,
    exceptSocketId?: string,
  ): void {
    const server = this.serverRef.get();
    if (!server) return;
    const to = exceptSocketId ? server.to(room).except(exceptSocketId) : server.to(room);
    emitEvent(to, event, payload);
  }

  disconnectUser(userId: string, code: string, message: string): void {
    const server = this.serverRef.get();
    if (!server) return;
    server.to(userRoom(userId)).emit(ServerEvent.Disconnecting, { code, message });
    server.in(userRoom(userId)).disconnectSockets(true);
  }

  /**
   * Joins the room, then sends this socket (only) every stored event after `lastEventSeq`, oldest first, with
   * its content rendered as it is now for `viewer` (left out where they would not see it), before its
   * acknowledgement; or answers resync when more than the bound are missing or they were pruned.
   * Not serialised with the room's publishing: a reconnect storm must not wait for a busy room. A live
   * event may therefore reach the socket before or after a replayed one; the client orders by eventSeq and
   * drops duplicates (docs/realtime.md), and nothing is missed because the socket is in the room first.
   */
  async joinWithReplay(
    socket: ParleySocket,
    room: string,
    viewer: ReplayViewer,
    lastEventSeq?: number,
  ): Promise<Replay> {
    await socket.join(room);
    if (lastEventSeq === undefined)
      return { lastEventSeq: await this.log.lastSeq(room), replayed: 0, resync: false };
    // One query in the common case: the log itself says what the room's newest event is.
    const logged = await this.log.after(room, lastEventSeq, SocketLimits.replayBound + 1);
    const newest = Math.max(logged[logged.length - 1]?.eventSeq ?? 0, await this.log.lastSeq(room));
    const missed = await this.withPending(room, lastEventSeq, newest, logged);
    const gapTooLarge = missed.length > SocketLimits.replayBound;
    // Pruning deletes only events more than RETAINED_PER_ROOM behind the newest. A missing number closer than
    // that is a hole, not a pruned event: the process that took it died before storing its event (SIGKILL
    // between the two writes). Replaying around the hole is exact; a resync there made every viewer of a
    // busy room reload after each crash.
    const pruned = lastEventSeq < newest - RETAINED_PER_ROOM;
    if (gapTooLarge || pruned || lastEventSeq > newest)
      return { lastEventSeq: newest, replayed: 0, resync: true };
    // Rendered now, for this viewer: never more than a fresh page load would show them.
    const referenced = missed.map((event) => ({ ...event, payload: toStoredPayload(event.payload) }));
    const shown = await renderForViewer(referenced, viewer, this.content);
    for (const stored of shown) {
      // The log holds what append / logNumbered stored under this name, checked against the map then.
      const payload = { ...stored.payload, room, eventSeq: stored.eventSeq };
      emitNow(socket, stored.event as RoomEventName, payload as unknown as EmitArg<RoomEventName>);
    }
    return { lastEventSeq: newest, replayed: shown.length, resync: false };
  }

  /**
   * Numbers the log lacks up to the newest are either still pending (announced live, logged by follow-up work
   * a moment later: their content knows them) or holes (a process died between taking the number and storing).
   */
  private async withPending(
    room: string,
    after: number,
    newest: number,
    logged: StoredRoomEvent[],
  ): Promise<StoredRoomEvent[]> {
    const last = Math.min(newest, after + SocketLimits.replayBound + 1);
    if (logged.length >= last - after) return logged;
    const have = new Set(logged.map((event) => event.eventSeq));
    const lacking: number[] = [];
    for (let seq = after + 1; seq <= last; seq += 1) if (!have.has(seq)) lacking.push(seq);
    const pending = await this.pending.find(room, lacking);
    if (pending.length === 0) return logged;
    const found = pending.map((event) => ({ room, ...event }));
    return [...logged, ...found].sort((a, b) => a.eventSeq - b.eventSeq);
  }

  private emitNumbered<E extends RoomEventName>(room: string, event: E, payload: Facts<E>, eventSeq: number) {
    const server = this.serverRef.get();
    if (server) emitRoomEvent(server.to(room), event, { ...payload, room, eventSeq });
  }

  /** Logs an event numbered by its write; sends it (again) unless it already went out live. */
  private async logNumbered<E extends RoomEventName>(
    room: string,
    event: E,
    payload: Facts<E>,
    from: EventOrigin,
    eventSeq: number,
    live: boolean,
  ): Promise<void> {
    const item = { event, payload: payload as Record<string, unknown>, origin: from };
    const stored = await this.log.appendNumbered(room, eventSeq, item);
    if (stored && !live) this.emitNumbered(room, event, payload, eventSeq);
  }

  /** Numbers, logs and sends; `once`: not when the log already has this event about this content. Throws. */
  private async append<E extends RoomEventName>(
    room: string,
    event: E,
    payload: Facts<E>,
    from: EventOrigin,
    once: boolean,
  ) {
    if (once && from.contentId && (await this.log.hasEventAbout(room, event, from.contentId))) return;
    const item = { event, payload: payload as Record<string, unknown>, origin: from };
    const eventSeq = await this.log.append(room, item);
    this.emitNumbered(room, event, payload, eventSeq);
  }

  /**
   * Numbers the event (the room counter's atomic $inc), stores it, then emits it. `redelivery`: the content's
   * first announcement may or may not have happened; when the log already has it, it is neither logged nor sent.
   */
  private async publish<E extends RoomEventName>(
    room: string,
    event: E,
    payload: Facts<E>,
    from: EventOrigin,
    redelivery = false,
  ): Promise<void> {
    try {
      await this.append(room, event, payload, from, redelivery);
    } catch (error) {
      // The write itself is stored; viewers see it on their next reload or resync.
      const err = error as Error;
      this.logger.error(
        { room, event, err: { name: err.name, message: err.message } },
        'room event not sent',
      );
    }
  }

  private async toForum<E extends RoomEventName>(
    forumId: string,
    event: E,
    payload: Facts<E>,
    from: EventOrigin,
    redelivery = false,
  ): Promise<void> {
    const slug = await this.forumSlug(forumId);
    if (slug) await this.publish(roomName('forum', slug), event, payload, from, redelivery);
  }

  /** Forum slugs never change, so the id → slug lookup is cached for the life of the process. */
  private async forumSlug(forumId: string): Promise<string | null> {
    const known = this.forumSlugs.get(forumId);
    if (known) return known;
    const forum = await this.forums.findById(forumId);
    if (forum) this.forumSlugs.set(forumId, forum.slug);
    return forum?.slug ?? null;
  }
}
