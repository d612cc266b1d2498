import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ServerEvent } from '@socket-protocol';
import { io } from 'socket.io-client';
import { useSession } from '../app/session-context';
import type { LiveSocket } from './live-events';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

interface Connection {
  socket: LiveSocket | null;
  state: ConnectionState;
  /** Why the server last cut the connection, in its own words (rate limit, suspension). */
  reason: string | null;
}

const ConnectionContext = createContext<Connection>({ socket: null, state: 'connecting', reason: null });

/**
 * One socket for the whole app. It authenticates with the session cookie on the handshake, so it is opened
 * again whenever the signed-in account changes. websocket only: no sticky sessions needed behind a proxy.
 */
export function ConnectionProvider({ children }: { children: ReactNode }) {
  const { account } = useSession();
  const accountId = account === undefined ? undefined : (account?.id ?? 'anonymous');
  const [connection, setConnection] = useState<Connection>({
    socket: null,
    state: 'connecting',
    reason: null,
  });

  useEffect(() => {
    if (accountId === undefined) return;
    const socket: LiveSocket = io({ transports: ['websocket'], withCredentials: true });
    const set = (state: ConnectionState, reason: string | null = null) =>
      setConnection((current) => ({ socket, state, reason: reason ?? current.reason }));
    setConnection({ socket, state: 'connecting', reason: null });
    socket.on('connect', () => set('connected'));
    socket.on('disconnect', (why) => set(why === 'io server disconnect' ? 'offline' : 'reconnecting'));
    socket.io.on('reconnect_attempt', () => set('reconnecting'));
    socket.io.on('reconnect_failed', () => set('offline'));
    socket.on('connect_error', () => set(socket.active ? 'reconnecting' : 'offline'));
    // The server's reason before it cuts the connection: a restart asks to come back (socket.io reconnects by
    // itself after the transport drop), anything else (rate limit, suspension) leaves the tab offline.
    socket.on(ServerEvent.Disconnecting, (info) =>
      set(info?.reconnect ? 'reconnecting' : 'offline', info?.message ?? null),
    );
    const offline = () => set('offline');
    const online = () => {
      if (!socket.connected) socket.connect();
    };
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [accountId]);

  const value = useMemo(() => connection, [connection]);
  return <ConnectionContext.Provider value={value}>{children}</ConnectionContext.Provider>;
}

export const useConnection = () => useContext(ConnectionContext);
