/**
 * Type test (compiled by `npm run typecheck`, never bundled: nothing imports it): the web client reads the
 * socket protocol's event map with its own generated views. Each `@ts-expect-error` line must stay an error.
 * test/types/socket-events.types.ts checks the server's side.
 */
import { ServerEvent } from '@socket-protocol';
import type { LiveRoomEvent, LiveSocket } from './live-events';

export function handlersAreChecked(event: LiveRoomEvent, socket: LiveSocket): void {
  if (event.name === ServerEvent.PostLiked) {
    const count: number = event.payload.likeCount;
    void count;
    // @ts-expect-error a field the event does not carry
    void event.payload.likes;
  }
  if (event.name === ServerEvent.PostCreated) {
    // The post is the generated PostResponse: its fields are typed.
    const seq: number = event.payload.post.seq;
    void seq;
    // @ts-expect-error a post.created event carries no messageId
    void event.payload.messageId;
  }
  // @ts-expect-error the envelope's eventSeq is a number
  const seq: string = event.payload.eventSeq;
  void seq;
  socket.on(ServerEvent.Disconnecting, (reason) => void reason.code);
  // @ts-expect-error a name the server never sends
  socket.on('post.deleted', () => undefined);
  socket.emit('join', { room: 'topic:t' }, (reply) => void (reply.ok && reply.lastEventSeq));
  // @ts-expect-error join takes a room
  socket.emit('join', { lastEventSeq: 3 }, () => undefined);
}
