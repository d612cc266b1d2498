/**
 * Type test (compiled by `npm run typecheck`, never run): the socket protocol's event map and the server's
 * emitters agree. Each `@ts-expect-error` line must stay an error; when the map drifts from its emitters, or
 * an emitter from the map, tsc fails here or at the emitter. client/src/realtime/live-events.types-test.ts
 * checks the web client's side of the same map.
 */
import type { ForumEventPayloads, ServerViews } from '../../src/infra/events/forum-events';
import {
  emitNow,
  emitRoomEvent,
  type ParleyEmits,
  type ParleyServer,
  type ParleySocket,
} from '../../src/realtime/socket-data';
import {
  RoomEvents,
  type RoomEventFacts,
  type RoomEventName,
  type ServerEventName,
} from '../../src/realtime/socket-protocol';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const holds = <T extends true>(): T | undefined => undefined;

// Every name in ServerEvent has exactly one payload type in the map, and the map names nothing else.
holds<Equal<ServerEventName, keyof ParleyEmits>>();
// A client listening to RoomEvents hears every room event.
holds<Equal<(typeof RoomEvents)[number], RoomEventName>>();

// Every domain event that becomes a room event carries at least what the map promises its viewers.
type Carries<D, R> = D extends R ? true : false;
type Live = RoomEventFacts<ServerViews>;
holds<Carries<ForumEventPayloads['post.created'], Live['post.created']>>();
holds<Carries<ForumEventPayloads['post.stored'], Live['post.created']>>();
holds<Carries<ForumEventPayloads['post.removed'], Live['post.removed']>>();
holds<Carries<ForumEventPayloads['post.liked'], Live['post.liked']>>();
holds<Carries<ForumEventPayloads['message.created'], Live['message.created']>>();
holds<Carries<ForumEventPayloads['message.stored'], Live['message.created']>>();
holds<Carries<ForumEventPayloads['message.held'], Live['message.held']>>();

declare const server: ParleyServer;
declare const socket: ParleySocket;
const envelope = { room: 'topic:t', eventSeq: 1 };
const topic = { forumId: 'f', topicId: 't', seq: 2 };

export function emittersAreChecked(): void {
  emitRoomEvent(server.to('topic:t'), 'post.liked', { ...envelope, ...topic, postId: 'p', likeCount: 3 });
  // @ts-expect-error a room event without one of its facts (likeCount)
  emitRoomEvent(server.to('topic:t'), 'post.liked', { ...envelope, ...topic, postId: 'p' });
  // @ts-expect-error a room event without its envelope (eventSeq)
  emitRoomEvent(server.to('topic:t'), 'post.liked', { room: 'topic:t', ...topic, postId: 'p', likeCount: 3 });
  // @ts-expect-error a fact of the wrong type
  emitRoomEvent(server.to('topic:t'), 'post.liked', { ...envelope, ...topic, postId: 'p', likeCount: '3' });
  server.to('user:u').emit('disconnect.reason', { code: 'account_suspended', message: 'Suspended' });
  // @ts-expect-error a name the protocol does not know
  server.to('user:u').emit('disconnect.reasons', { code: 'account_suspended', message: 'Suspended' });
  // @ts-expect-error socket.io's own emit is checked too: presence carries a count
  server.to('board:b').emit('presence', { room: 'board:b', viewers: 'many' });
  emitNow(socket, 'exception', { statusCode: 400, code: 'validation_failed', message: 'Bad room' });
  // @ts-expect-error an error body without its code
  emitNow(socket, 'exception', { statusCode: 400, message: 'Bad room' });
}
