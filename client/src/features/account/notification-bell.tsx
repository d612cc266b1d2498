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
      (answer) => setCount(answer.count ?? 0),
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
      <span aria-hidden="true">🔔</span>
      {count > 0 && (
        <span className="count" aria-hidden="true">
          {count}
        </span>
      )}
    </Link>
  );
}
