import { io, type Socket } from 'socket.io-client';
import type { Ack } from '../../src/realtime/socket-protocol';

export interface ReceivedEvent {
  event: string;
  data: Record<string, unknown>;
}

export interface TestSocket {
  socket: Socket;
  /** Every event received so far, in arrival order. */
  received: ReceivedEvent[];
  /** Sends a command and resolves with its acknowledgement. */
  send<T = Record<string, unknown>>(command: string, payload: unknown): Promise<Ack<T>>;
  /**
   * Resolves once `count` events named `event` (matching `where`) have arrived; returns them in order.
   * Rejects after `timeoutMs` (10 s by default).
   */
  waitFor(
    event: string,
    count?: number,
    where?: (data: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<ReceivedEvent[]>;
  /** Events named `event` received so far. */
  named(event: string): ReceivedEvent[];
  close(): void;
}

export interface SocketOptions {
  token?: string;
  cookie?: string;
  origin?: string;
  /** More handshake headers, e.g. X-Forwarded-For as a proxy would set it. */
  headers?: Record<string, string>;
  /** Let socket.io-client reconnect by itself (connection state recovery tests). */
  reconnection?: boolean;
}

const WAIT_MS = 10_000;

/** A real socket.io client over the websocket transport, connected to the app's real port. */
export async function connectSocket(url: string, opts: SocketOptions = {}): Promise<TestSocket> {
  const socket = openSocket(url, opts);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return wrap(socket);
}

/** Resolves with the handshake error (its `data` is the REST error body, when the server sent one). */
export async function refusedHandshake(url: string, opts: SocketOptions = {}) {
  const socket = openSocket(url, opts);
  try {
    return await new Promise<Error & { data?: Record<string, unknown> }>((resolve, reject) => {
      socket.once('connect', () => reject(new Error('the handshake was accepted')));
      socket.once('connect_error', (error) => resolve(error));
    });
  } finally {
    socket.close();
  }
}

function openSocket(url: string, opts: SocketOptions): Socket {
  const extraHeaders: Record<string, string> = { ...opts.headers };
  if (opts.cookie) extraHeaders.cookie = opts.cookie;
  if (opts.origin) extraHeaders.origin = opts.origin;
  return io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: opts.reconnection ?? false,
    reconnectionDelay: 100,
    auth: opts.token ? { token: opts.token } : {},
    extraHeaders,
  });
}

function wrap(socket: Socket): TestSocket {
  const received: ReceivedEvent[] = [];
  socket.onAny((event: string, data: Record<string, unknown>) => received.push({ event, data }));
  const named = (event: string) => received.filter((item) => item.event === event);
  return {
    socket,
    received,
    named,
    send: <T>(command: string, payload: unknown) =>
      socket.timeout(WAIT_MS).emitWithAck(command, payload) as Promise<Ack<T>>,
    waitFor: async (event, count = 1, where = () => true, timeoutMs = WAIT_MS) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const matching = named(event).filter((item) => where(item.data));
        if (matching.length >= count) return matching;
        if (Date.now() > deadline) {
          throw new Error(
            `waited for ${count} "${event}" events, got ${matching.length}: ${JSON.stringify(received)}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () => socket.close(),
  };
}

/** Resolves when the server closes the socket; the reason is socket.io's (e.g. "io server disconnect"). */
export function disconnected(socket: Socket): Promise<string> {
  if (socket.disconnected) return Promise.resolve('already disconnected');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the socket was not disconnected')), WAIT_MS);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}
