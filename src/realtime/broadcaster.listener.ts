import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ForumsService } from '../forums/forums.service';
import { ForumEvent, type ContentView, type ForumEventPayloads as P } from '../infra/events/forum-events';
import { DELETED_USER_NAME } from '../users/user';
import { GroupCommit } from '../infra/concurrency/group-commit';
import {
  RETAINED_PER_ROOM,
  RoomEventRepository,
  type EventOrigin,
  type NewRoomEvent,
} from './room-event.repository';
import { roomName, ServerEvent, SocketLimits, type JoinReply } from './socket-protocol';
import { emitNow, userRoom, type ParleySocket } from './socket-data';
import { SocketServerRef } from './socket-server.ref';

const ON = { async: true, promisify: true } as const;

type Replay = Pick<JoinReply, 'lastEventSeq' | 'replayed' | 'resync'>;
type PendingRoomEvent = NewRoomEvent & { redelivery: boolean };

const origin = (view?: ContentView): EventOrigin => ({
  contentId: view?.id ?? null,
  authorId: view?.authorId ?? null,
});

/**
 * The only code that emits to rooms. Domain events become room events: each is numbered per room and stored
 * (room_events) before it is emitted with its `eventSeq`, so a reconnecting client can ask for what it missed.
 * On this instance, one room's events are numbered and stored a batch at a time (group commit: what queued up
 * while the previous batch was written goes together) and leave in eventSeq order.
 */
@Injectable()
export class BroadcasterListener {
  private readonly logger = new Logger('Broadcaster');
  private readonly batches = new GroupCommit<PendingRoomEvent, void>((room, items) =>
    this.flushRoom(room, items),
  );
  private readonly forumSlugs = new Map<string, string>();

  constructor(
    private readonly serverRef: SocketServerRef,
    private readonly log: RoomEventRepository,
    private readonly forums: ForumsService,
  ) {}

  @OnEvent(ForumEvent.PostCreated, ON)
  async postCreated({ redelivery, ...p }: P['post.created']) {
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
  async postRedacted(p: P['post.redacted']) {
    await this.log.rewriteContent(p.post.id, 'post', { html: p.post.html });
    if (p.title !== undefined) await this.log.rewriteTopicTitle(p.topicId, p.title);
    await this.publish(roomName('topic', p.topicId), ServerEvent.PostRedacted, p, origin(p.post));
  }

  @OnEvent(ForumEvent.PostRemoved, ON)
  async postRemoved(p: P['post.removed']) {
    await this.log.rewriteContent(p.postId, 'post', { html: '' });
    await this.publish(roomName('topic', p.topicId), ServerEvent.PostRemoved, p, {
      contentId: p.postId,
      authorId: null,
    });
  }

  @OnEvent(ForumEvent.PostHeld, ON)
  postHeld({ redelivery, ...p }: P['post.held']) {
    return this.publish(roomName('mod', p.forumId), ServerEvent.PostHeld, p, origin(p.post), redelivery);
  }

  @OnEvent(ForumEvent.TopicCreated, ON)
  topicCreated(p: P['topic.created']) {
    return this.publish(roomName('forum', p.forumSlug), ServerEvent.TopicCreated, p, {
      contentId: p.topicId,
      authorId: null,
    });
  }

  @OnEvent(ForumEvent.TopicLocked, ON)
  async topicLocked(p: P['topic.locked']) {
    const none = { contentId: p.topicId, authorId: null };
    await this.publish(roomName('topic', p.topicId), ServerEvent.TopicLocked, p, none);
    await this.toForum(p.forumId, ServerEvent.TopicLocked, p, none);
  }

  @OnEvent(ForumEvent.TopicUpdated, ON)
  async topicUpdated(p: P['topic.updated']) {
    const none = { contentId: p.topicId, authorId: null };
    await this.publish(roomName('topic', p.topicId), ServerEvent.TopicUpdated, p, none);
    await this.toForum(p.forumId, ServerEvent.TopicUpdated, p, none);
  }

  @OnEvent(ForumEvent.MessageCreated, ON)
  messageCreated({ redelivery, ...p }: P['message.created']) {
    const room = roomName('board', p.boardSlug);
    return this.publish(room, ServerEvent.MessageCreated, p, origin(p.message), redelivery);
  }

  @OnEvent(ForumEvent.MessageUpdated, ON)
  messageUpdated(p: P['message.updated']) {
    return this.publish(roomName('board', p.boardSlug), ServerEvent.MessageUpdated, p, origin(p.message));
  }

  @OnEvent(ForumEvent.MessageRedacted, ON)
  async messageRedacted(p: P['message.redacted']) {
    await this.log.rewriteContent(p.message.id, 'message', { html: p.message.html });
    await this.publish(roomName('board', p.boardSlug), ServerEvent.MessageRedacted, p, origin(p.message));
  }

  @OnEvent(ForumEvent.MessageRemoved, ON)
  async messageRemoved(p: P['message.removed']) {
    await this.log.rewriteContent(p.messageId, 'message', { html: '' });
    const from = { contentId: p.messageId, authorId: null };
    await this.publish(roomName('board', p.boardSlug), ServerEvent.MessageRemoved, p, from);
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

  @OnEvent(ForumEvent.UserDeleted, ON)
  async userDeleted(p: P['user.deleted']) {
    const fields: Record<string, unknown> = { authorId: null, authorName: DELETED_USER_NAME };
    if (p.deletePosts) fields.html = '';
    await this.log.forgetAuthor(p.userId, fields);
    this.disconnectUser(p.userId, 'unauthenticated', 'This account was deleted');
  }

  /** Presence and typing: not stored, no eventSeq (they are state, not history). */
  emitEphemeral(room: string, event: string, payload: object, exceptSocketId?: string): void {
    const server = this.serverRef.get();
    if (!server) return;
    (exceptSocketId ? server.to(room).except(exceptSocketId) : server.to(room)).emit(event, payload);
  }

  disconnectUser(userId: string, code: string, message: string): void {
    const server = this.serverRef.get();
    if (!server) return;
    server.to(userRoom(userId)).emit(ServerEvent.Disconnecting, { code, message });
    server.in(userRoom(userId)).disconnectSockets(true);
  }

  /**
   * Joins the room, then sends this socket (only) every stored event after `lastEventSeq`, oldest first,
   * before its acknowledgement; or answers resync when more than the bound are missing or they were pruned.
   * Not serialised with the room's publishing: a reconnect storm must not queue behind one room's lock. A live
   * event may therefore reach the socket before or after a replayed one; the client orders by eventSeq and
   * drops duplicates (docs/realtime.md), and nothing is missed because the socket is in the room first.
   */
  async joinWithReplay(socket: ParleySocket, room: string, lastEventSeq?: number): Promise<Replay> {
    await socket.join(room);
    if (lastEventSeq === undefined)
      return { lastEventSeq: await this.log.lastSeq(room), replayed: 0, resync: false };
    // One query in the common case: the log itself says what the room's newest event is.
    const missed = await this.log.after(room, lastEventSeq, SocketLimits.replayBound + 1);
    const newest = missed[missed.length - 1]?.eventSeq ?? (await this.log.lastSeq(room));
    const gapTooLarge = missed.length > SocketLimits.replayBound;
    // Pruning deletes only events more than RETAINED_PER_ROOM behind the newest. A missing number closer than
    // that is a hole, not a pruned event: the process that took it died before storing its event (SIGKILL
    // between the two writes). Replaying around the hole is exact; a resync there made every viewer of a
    // busy room reload after each crash.
    const pruned = lastEventSeq < newest - RETAINED_PER_ROOM;
    if (gapTooLarge || pruned || lastEventSeq > newest)
      return { lastEventSeq: newest, replayed: 0, resync: true };
    for (const stored of missed) {
      emitNow(socket, stored.event, { ...stored.payload, room, eventSeq: stored.eventSeq });
    }
    return { lastEventSeq: newest, replayed: missed.length, resync: false };
  }

  /** `redelivery`: the content's first announcement may or may not have happened; log and send it only once. */
  private async publish(
    room: string,
    event: string,
    payload: object,
    from: EventOrigin,
    redelivery = false,
  ): Promise<void> {
    await this.batches
      .submit(room, { event, payload: payload as Record<string, unknown>, origin: from, redelivery })
      .catch((error: Error) => {
        // The write itself is stored; viewers see it on their next reload or resync.
        this.logger.error(
          { room, event, err: { name: error.name, message: error.message } },
          'room event not sent',
        );
      });
  }

  /**
   * Stores a room's queued events in one go (group commit), then emits them in eventSeq order. A redelivery is
   * dropped when the log, or an earlier event of the same batch, already announced that content.
   */
  private async flushRoom(room: string, items: PendingRoomEvent[]): Promise<void[]> {
    const announced = new Set<string>();
    const fresh: PendingRoomEvent[] = [];
    for (const item of items) {
      const about = item.origin.contentId ? `${item.event}|${item.origin.contentId}` : null;
      const known =
        item.redelivery &&
        about !== null &&
        (announced.has(about) || (await this.log.hasEventAbout(room, item.event, item.origin.contentId!)));
      if (about) announced.add(about);
      if (!known) fresh.push(item);
    }
    const seqs = await this.log.append(room, fresh);
    const server = this.serverRef.get();
    fresh.forEach((item, i) =>
      server?.to(room).emit(item.event, { ...item.payload, room, eventSeq: seqs[i] }),
    );
    return items.map(() => undefined);
  }

  private async toForum(
    forumId: string,
    event: string,
    payload: object,
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
