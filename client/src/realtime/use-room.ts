import {
  ClientCommand,
  RoomEvents,
  ServerEvent,
  SocketLimits,
  type Ack,
  type JoinPayload,
  type JoinReply,
  type PresenceEvent,
  type RoomEventName,
  type TypingEvent,
} from '@socket-protocol';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useConnection } from './connection-context';
import type { LiveRoomEvent } from './live-events';

/** How long an event that arrived ahead of a missing one waits before the client asks for a replay. */
const GAP_WAIT_MS = 1500;

export interface RoomHandlers {
  /** Narrow on `event.name` to type `event.payload` (the protocol's event map). */
  onEvent(event: LiveRoomEvent): void;
  /**
   * After every (re)join: `resync` means the server could not replay the gap, reload by REST. Pages also
   * catch up by REST on the first join, for anything written between their first load and the join.
   */
  onJoined?(reply: JoinReply, first: boolean): void;
}

export interface RoomState {
  viewers: number | null;
  typing: TypingEvent[];
  joined: boolean;
  error: string | null;
  sendTyping(): void;
  /** After sending: the next keystroke announces typing again at once (the server forgets its throttle too). */
  typingDone(): void;
}

/** Joins `room` while mounted and on every reconnect, replaying from the last event applied. */
export function useRoom(room: string | null, handlers: RoomHandlers): RoomState {
  const { socket } = useConnection();
  const latest = useRef(handlers);
  latest.current = handlers;
  const lastEventSeq = useRef<number | undefined>(undefined);
  const lastTypingSent = useRef(0);
  const [viewers, setViewers] = useState<number | null>(null);
  const [typing, setTyping] = useState<TypingEvent[]>([]);
  const [joined, setJoined] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    lastEventSeq.current = undefined;
    setJoined(false);
    if (!socket || !room) return;
    let first = true;
    const join = () => {
      const payload: JoinPayload = { room, lastEventSeq: lastEventSeq.current };
      socket.emit(ClientCommand.Join, payload, (reply: Ack<JoinReply>) => {
        if (!reply?.ok) {
          setError(reply?.error?.message ?? 'Could not follow live updates here');
          return;
        }
        setError(null);
        setJoined(true);
        // The replay came before this answer; a resync means the page reloads by REST from here.
        if (reply.resync) held.clear();
        lastEventSeq.current = Math.max(lastEventSeq.current ?? 0, reply.lastEventSeq);
        applyHeld();
        latest.current.onJoined?.(reply, first);
        first = false;
      });
    };
    // Events beyond lastEventSeq + 1 wait here until the gap is filled (docs/realtime.md, point 2): by the
    // late event itself (two instances may deliver out of order) or, after GAP_WAIT_MS, by a rejoin that
    // replays what is missing (an event lost while Redis was away never arrives by itself).
    const held = new Map<number, LiveRoomEvent>();
    let gapTimer: number | undefined;
    const apply = (event: LiveRoomEvent) => {
      lastEventSeq.current = event.payload.eventSeq;
      // Whoever just posted has stopped typing: their indicator goes with the post, not 5 s later.
      const authorId =
        event.name === ServerEvent.PostCreated
          ? event.payload.post.authorId
          : event.name === ServerEvent.MessageCreated
            ? event.payload.message.authorId
            : undefined;
      if (authorId) setTyping((current) => current.filter((t) => t.userId !== authorId));
      latest.current.onEvent(event);
    };
    const applyHeld = () => {
      for (const seq of [...held.keys()]) if (seq <= (lastEventSeq.current ?? 0)) held.delete(seq);
      for (
        let next = held.get((lastEventSeq.current ?? 0) + 1);
        next;
        next = held.get(lastEventSeq.current! + 1)
      ) {
        held.delete(next.payload.eventSeq);
        apply(next);
      }
      if (held.size === 0) {
        window.clearTimeout(gapTimer);
        gapTimer = undefined;
      } else if (gapTimer === undefined) {
        gapTimer = window.setTimeout(() => {
          gapTimer = undefined;
          if (held.size > 0 && socket.connected) join();
        }, GAP_WAIT_MS);
      }
    };
    const onRoomEvent = (event: LiveRoomEvent) => {
      const { payload } = event;
      if (payload?.room !== room) return;
      const last = lastEventSeq.current;
      // Replays and live delivery can overlap around a reconnect: apply each eventSeq once.
      if (last !== undefined && payload.eventSeq <= last) return;
      if (last === undefined || payload.eventSeq === last + 1) apply(event);
      else held.set(payload.eventSeq, event);
      applyHeld();
    };
    // One listener per name: the name and its payload travel on together as one LiveRoomEvent.
    const listeners = RoomEvents.map((name) => {
      const listener = (payload: LiveRoomEvent['payload']) => onRoomEvent({ name, payload } as LiveRoomEvent);
      return [name, listener] as const;
    });
    const on = socket.on.bind(socket) as (name: RoomEventName, listener: (payload: never) => void) => void;
    const off = socket.off.bind(socket) as (name: RoomEventName, listener: (payload: never) => void) => void;
    listeners.forEach(([name, listener]) => on(name, listener));
    const onPresence = (event: PresenceEvent) => event.room === room && setViewers(event.viewers);
    const onTyping = (event: TypingEvent) => {
      if (event.room !== room) return;
      setTyping((current) => [...current.filter((t) => t.userId !== event.userId), event]);
      window.setTimeout(
        () => setTyping((current) => current.filter((t) => t !== event)),
        event.expiresInMs ?? SocketLimits.typingExpiresMs,
      );
    };
    socket.on(ServerEvent.Presence, onPresence);
    socket.on(ServerEvent.Typing, onTyping);
    socket.on('connect', join);
    if (socket.connected) join();
    return () => {
      window.clearTimeout(gapTimer);
      listeners.forEach(([name, listener]) => off(name, listener));
      socket.off(ServerEvent.Presence, onPresence);
      socket.off(ServerEvent.Typing, onTyping);
      socket.off('connect', join);
      if (socket.connected) socket.emit(ClientCommand.Leave, { room }, () => undefined);
    };
  }, [socket, room]);

  const sendTyping = useCallback(() => {
    const now = Date.now();
    if (!socket?.connected || !room || now - lastTypingSent.current < SocketLimits.typingIntervalMs) return;
    lastTypingSent.current = now;
    socket.emit(ClientCommand.Typing, { room }, () => undefined);
  }, [socket, room]);

  const typingDone = useCallback(() => {
    lastTypingSent.current = 0;
  }, []);

  return { viewers, typing, joined, error, sendTyping, typingDone };
}
