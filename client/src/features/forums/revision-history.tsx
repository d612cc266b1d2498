import { useEffect, useState } from 'react';
import { forumsApi, type Revision } from '../../api/forums-api';
import { Dialog } from '../../components/dialog';
import { ErrorMessage, Loading, formatDate } from '../../components/status';

/** Earlier versions of a post: its author and moderators only (the server enforces it). */
export function RevisionHistory({ postId, onClose }: { postId: string; onClose(): void }) {
  const [items, setItems] = useState<Revision[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    forumsApi.revisions(postId).then((page) => setItems(page.items), setError);
  }, [postId]);
  return (
    <Dialog title="Edit history" open onClose={onClose}>
      <ErrorMessage error={error} />
      {!items && !error && <Loading />}
      {items?.length === 0 && <p className="muted">This post was never edited.</p>}
      <ol className="revisions">
        {items?.map((revision) => (
          <li key={revision.id}>
            <p className="muted">
              Before edit {revision.rev}, edited {formatDate(revision.editedAt)}
              {revision.reason ? ` — ${revision.reason}` : ''}
            </p>
            {revision.previousTitle && <p className="rev-title">{revision.previousTitle}</p>}
            <pre className="rev-source">{revision.previousSource}</pre>
          </li>
        ))}
      </ol>
      <div className="actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
