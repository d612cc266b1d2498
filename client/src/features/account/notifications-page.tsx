import { useCallback, useEffect, useState } from 'react';
import { accountApi, type Notification } from '../../api/account-api';
import { Link, useTitle } from '../../app/router';
import { LoadMore } from '../../components/load-more';
import { ErrorMessage, Loading, TimeAgo } from '../../components/status';

function linkOf(n: Notification): string | null {
  if (n.link.topicId) return `/t/${n.link.topicId}${n.link.seq ? `#post-${n.link.seq}` : ''}`;
  return null;
}

export function NotificationsPage() {
  useTitle('Notifications');
  const [items, setItems] = useState<Notification[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback((after?: string) => {
    setError(null);
    accountApi.notifications(after).then((page) => {
      setItems((current) => (after ? [...(current ?? []), ...page.items] : page.items));
      setCursor(page.nextCursor);
    }, setError);
  }, []);
  useEffect(() => load(), [load]);

  const read = async (n: Notification) => {
    await accountApi.markRead(n.id).catch(setError);
    setItems(
      (current) =>
        current?.map((m) => (m.id === n.id ? { ...m, readAt: new Date().toISOString() } : m)) ?? null,
    );
  };
  const readAll = async () => {
    await accountApi.markAllRead().catch(setError);
    setItems(
      (current) => current?.map((m) => ({ ...m, readAt: m.readAt ?? new Date().toISOString() })) ?? null,
    );
  };

  return (
    <>
      <div className="page-head">
        <h1>Notifications</h1>
        <button type="button" onClick={() => void readAll()}>
          Mark all as read
        </button>
      </div>
      <ErrorMessage error={error} onRetry={() => load()} />
      {!items && !error && <Loading />}
      {items?.length === 0 && <p className="muted">Nothing yet.</p>}
      <ul className="notifications">
        {items?.map((n) => {
          const href = linkOf(n);
          return (
            <li key={n.id} className={`card ${n.readAt ? 'read' : 'unread'}`}>
              <p>
                {!n.readAt && <span className="visually-hidden">Unread: </span>}
                {href ? <Link href={href}>{n.summary}</Link> : n.summary}
              </p>
              {n.reason && <p className="small">Reason: {n.reason}</p>}
              {n.excerpt && <blockquote className="small">{n.excerpt}</blockquote>}
              <p className="muted small">
                <TimeAgo iso={n.createdAt} />
                {!n.readAt && (
                  <>
                    {' · '}
                    <button type="button" className="link-button" onClick={() => void read(n)}>
                      Mark as read
                    </button>
                  </>
                )}
              </p>
            </li>
          );
        })}
      </ul>
      {cursor && <LoadMore onLoad={() => load(cursor)} />}
    </>
  );
}
