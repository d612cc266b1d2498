import { ServerEvent } from '@socket-protocol';
import { useEffect, useState } from 'react';
import { accountApi } from '../../api/account-api';
import { Link } from '../../app/router';
import { useConnection } from '../../realtime/connection-context';

/** Unread count in the header; a live `notification` event bumps it without a reload. */
export function NotificationBell() {
  const { socket, state } = useConnection();
  const [count, setCount] = useState(0);
  useEffect(() => {
    accountApi.unreadCount().then(
      (answer) => setCount(answer.unread),
      () => undefined,
    );
  }, [state]);
  useEffect(() => {
    if (!socket) return;
    const bump = () => setCount((n) => n + 1);
    socket.on(ServerEvent.Notification, bump);
    return () => {
      socket.off(ServerEvent.Notification, bump);
    };
  }, [socket]);
  return (
    <Link href="/notifications" className="bell" aria-label={`Notifications, ${count} unread`}>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="currentColor">
        <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2z" />
      </svg>
      {count > 0 && (
        <span className="count" aria-hidden="true">
          {count}
        </span>
      )}
    </Link>
  );
}
