import { useCallback, useEffect, useState } from 'react';
import { moderationApi, type AuditEntry } from '../../api/moderation-api';
import { Link, useTitle } from '../../app/router';
import { LoadMore } from '../../components/load-more';
import { ErrorMessage, Loading, formatDate } from '../../components/status';

/** Append-only: who did what, when, on what, why; redactions show counts by type, never the removed value. */
export function AuditPage() {
  useTitle('Audit log');
  const [action, setAction] = useState('');
  const [items, setItems] = useState<AuditEntry[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(
    (after?: string) => {
      setError(null);
      moderationApi.audit({ action: action || undefined, cursor: after }).then((page) => {
        setItems((current) => (after ? [...(current ?? []), ...page.items] : page.items));
        setCursor(page.nextCursor);
      }, setError);
    },
    [action],
  );
  useEffect(() => load(), [load]);
  return (
    <>
      <div className="page-head">
        <h1>Audit log</h1>
        <Link href="/moderation">Review queue</Link>
      </div>
      <label className="inline-form">
        Action
        <input
          value={action}
          onChange={(e) => setAction(e.target.value.trim())}
          placeholder="e.g. post.redacted"
        />
      </label>
      <ErrorMessage error={error} onRetry={() => load()} />
      {!items && !error && <Loading />}
      <div className="table-wrap">
        <table className="audit">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Reason</th>
              <th scope="col">Counts</th>
            </tr>
          </thead>
          <tbody>
            {items?.map((entry) => (
              <tr key={entry.id}>
                <td>{formatDate(entry.at)}</td>
                <td>
                  {entry.actorRole}
                  {entry.actorId ? ` ${entry.actorId.slice(-6)}` : ''}
                </td>
                <td>{entry.action}</td>
                <td>
                  {entry.targetType} {entry.targetId?.slice(-6)}
                </td>
                <td>{entry.reason ?? ''}</td>
                <td>
                  {entry.counts
                    ? Object.entries(entry.counts)
                        .map(([type, n]) => `${n} ${type}`)
                        .join(', ')
                    : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {items?.length === 0 && <p className="muted">No entries.</p>}
      {cursor && <LoadMore onLoad={() => load(cursor)} />}
    </>
  );
}
