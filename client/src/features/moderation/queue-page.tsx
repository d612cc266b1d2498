import { useCallback, useEffect, useState } from 'react';
import { forumsApi, type Forum } from '../../api/forums-api';
import { moderationApi, type QueueItem } from '../../api/moderation-api';
import { Link, useTitle } from '../../app/router';
import { LoadMore } from '../../components/load-more';
import { ErrorMessage, Loading, TimeAgo } from '../../components/status';
import { ModerationActions } from './moderation-actions';
import { RestrictUser } from './restrict-user';

const REASONS = ['', 'personal_data', 'pii_acknowledged', 'reported'];

function reasonText(reason: string): string {
  if (reason === 'personal_data') return 'held: personal data';
  if (reason === 'pii_acknowledged') return 'published after a personal-data warning';
  if (reason.startsWith('reported:')) return `reported: ${reason.slice(9).replace('_', ' ')}`;
  return reason.replace(/_/g, ' ');
}

function historyCount(item: QueueItem): number {
  const history = item.authorHistory;
  return typeof history === 'number' ? history : (history?.actions ?? 0);
}

export function QueuePage() {
  useTitle('Review queue');
  const [forums, setForums] = useState<Forum[]>([]);
  const [filter, setFilter] = useState({ forum: '', reason: '', status: 'open' });
  const [items, setItems] = useState<QueueItem[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<Record<string, string>>({});

  useEffect(() => {
    forumsApi.list().then(
      (page) => setForums(page.items),
      () => undefined,
    );
  }, []);

  const load = useCallback(
    (after?: string) => {
      setError(null);
      moderationApi.queue({ ...filter, cursor: after }).then((page) => {
        setItems((current) => (after ? [...(current ?? []), ...page.items] : page.items));
        setCursor(page.nextCursor);
      }, setError);
    },
    [filter],
  );
  useEffect(() => load(), [load]);

  const forumOf = (id: string | null) => forums.find((f) => f.id === id);

  return (
    <>
      <div className="page-head">
        <h1>Review queue</h1>
        <Link href="/moderation/audit">Audit log</Link>
      </div>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter the queue">
        <label>
          Forum
          <select value={filter.forum} onChange={(e) => setFilter({ ...filter, forum: e.target.value })}>
            <option value="">All my forums</option>
            {forums.map((f) => (
              <option key={f.id} value={f.slug}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Reason
          <select value={filter.reason} onChange={(e) => setFilter({ ...filter, reason: e.target.value })}>
            {REASONS.map((r) => (
              <option key={r} value={r}>
                {r ? reasonText(r) : 'Any reason'}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select value={filter.status} onChange={(e) => setFilter({ ...filter, status: e.target.value })}>
            <option value="open">Open</option>
            <option value="resolved">Resolved</option>
          </select>
        </label>
      </form>
      <ErrorMessage error={error} onRetry={() => load()} />
      {!items && !error && <Loading what="Loading the queue" />}
      {items?.length === 0 && <p className="muted">Nothing waiting. Well done.</p>}
      <ol className="queue">
        {items?.map((item) => (
          <li key={item.id} className="card queue-item">
            <header className="queue-head">
              <strong>{item.content?.authorName ?? 'unknown author'}</strong>
              <span className="muted">
                {item.targetType} in {forumOf(item.forumId)?.name ?? item.boardSlug ?? 'a forum'} · waiting{' '}
                <TimeAgo iso={item.createdAt} />
              </span>
              {item.content?.topicId && (
                <Link
                  href={`/t/${item.content.topicId}${item.content.seq ? `#post-${item.content.seq}` : ''}`}
                >
                  open
                </Link>
              )}
            </header>
            <p className="reasons">
              {item.reasons.map((r) => (
                <span key={r} className="badge warn">
                  {reasonText(r)}
                </span>
              ))}
              {item.reportCount > 0 && <span className="badge">{item.reportCount} reports</span>}
              <span className="badge">{historyCount(item)} earlier actions on this author</span>
            </p>
            {done[item.id] ? (
              <p role="status" className="note">
                Done: {done[item.id]}.
              </p>
            ) : (
              <>
                <ModerationActions
                  content={{
                    targetType: item.targetType,
                    id: item.targetId,
                    source: item.content?.source ?? item.content?.text ?? '',
                    status: item.content?.status ?? 'visible',
                    spans: item.spans,
                    region: forumOf(item.forumId)?.phoneRegion,
                  }}
                  onDone={(action) => setDone((d) => ({ ...d, [item.id]: action }))}
                />
                {item.content?.authorId && (
                  <RestrictUser userId={item.content.authorId} name={item.content.authorName ?? ''} />
                )}
              </>
            )}
          </li>
        ))}
      </ol>
      {cursor && <LoadMore onLoad={() => load(cursor)} />}
    </>
  );
}
