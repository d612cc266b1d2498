import { uploadsApi, type Upload } from '../../api/uploads-api';
import { useCallback, useEffect, useState } from 'react';
import { boardItems, boardsApi, type Board } from '../../api/boards-api';
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

function linkTo(item: QueueItem, boards: Board[]): string | null {
  if (!item.content) return null;
  if (item.targetType === 'post') return `/t/${item.content.containerId}#post-${item.content.seq}`;
  const board = boards.find((b) => b.id === item.content?.containerId);
  return board ? `/b/${board.slug}` : null;
}

export function QueuePage() {
  useTitle('Review queue');
  const [forums, setForums] = useState<Forum[]>([]);
  const [boards, setBoards] = useState<Board[]>([]);
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
    boardsApi.list().then(
      (answer) => setBoards(boardItems(answer)),
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
              <option key={f.id} value={f.id}>
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
        {items?.map((item) => {
          const href = linkTo(item, boards);
          const where = item.targetType === 'post' ? (forumOf(item.forumId)?.name ?? 'a forum') : 'a board';
          return (
            <li key={item.id} className={`card queue-item priority-${item.priority}`}>
              <header className="queue-head">
                <strong>{item.author.name ?? 'deleted user'}</strong>
                <span className="muted">
                  {item.targetType} #{item.content?.seq} in {where} · queued <TimeAgo iso={item.queuedAt} />
                </span>
                {href && <Link href={href}>open in context</Link>}
              </header>
              {item.content?.title && <p className="rev-title">{item.content.title}</p>}
              <p className="reasons">
                {item.reasons.map((r) => (
                  <span key={r} className="badge warn">
                    {reasonText(r)}
                  </span>
                ))}
                {item.reportCount > 0 && <span className="badge">{item.reportCount} reports</span>}
                <span className="badge">{item.author.previousActions} earlier actions on this author</span>
              </p>
              {done[item.id] ? (
                <p role="status" className="note">
                  Done: {done[item.id].replace(/-/g, ' ')}.
                </p>
              ) : item.content ? (
                <>
                  {(item.uploads ?? []).length > 0 && <QueueUploads uploads={item.uploads ?? []} />}
                  <ModerationActions
                    content={{
                      targetType: item.targetType,
                      id: item.targetId,
                      source: item.content.source,
                      status: item.content.status,
                      spans: item.content.spans,
                      queued: item.status === 'open',
                    }}
                    onDone={(action) => setDone((d) => ({ ...d, [item.id]: action }))}
                  />
                  {item.author.id && (
                    <RestrictUser userId={item.author.id} name={item.author.name ?? 'this author'} />
                  )}
                </>
              ) : (
                <p className="muted">The content no longer exists.</p>
              )}
            </li>
          );
        })}
      </ol>
      {cursor && <LoadMore onLoad={() => load(cursor)} />}
    </>
  );
}

/** The files a held post carries: images shown, attachments linked, each with what its check found. */
function QueueUploads({ uploads }: { uploads: Upload[] }) {
  const [removed, setRemoved] = useState<string[]>([]);
  return (
    <ul className="queue-uploads" aria-label="Files in this post">
      {uploads.map((upload) => (
        <li key={upload.id}>
          {removed.includes(upload.id) ? (
            <span className="muted">{upload.name}: removed</span>
          ) : (
            <>
              {upload.kind === 'image' ? (
                <img src={upload.url} alt={upload.name} className="queue-image" />
              ) : (
                <a href={upload.url} rel="noopener">
                  {upload.name}
                </a>
              )}
              {upload.findings && (
                <span className="badge warn">
                  personal data:{' '}
                  {Object.entries(upload.findings.byType)
                    .map(([t, n]) => `${n} ${t}`)
                    .join(', ')}
                </span>
              )}
              <button
                type="button"
                onClick={() =>
                  void uploadsApi.remove(upload.id).then(() => setRemoved((ids) => [...ids, upload.id]))
                }
              >
                Remove file
              </button>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
