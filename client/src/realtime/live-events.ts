import type { ClientToServerEvents, EventViews, RoomEvent, ServerToClientEvents } from '@socket-protocol';
import type { Socket } from 'socket.io-client';
import type { BoardMessage, SentMessage } from '../api/boards-api';
import type { Post, Topic } from '../api/forums-api';

/**
 * The protocol's event map with this client's views: the types openapi-typescript generates from the same
 * server views the events carry. A payload the server changes fails to compile here (CI runs `npm run typecheck`).
 */
export interface ClientViews extends EventViews {
  post: Post;
  message: BoardMessage;
  topicChange: Partial<Topic>;
  /** The bell only counts them; the list is read over REST. */
  notification: unknown;
  sentMessage: SentMessage;
}

export type LiveEvents = ServerToClientEvents<ClientViews>;
export type LiveRoomEvent = RoomEvent<ClientViews>;
export type LiveSocket = Socket<LiveEvents, ClientToServerEvents<ClientViews>>;
