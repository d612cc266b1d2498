import { useState } from 'react';
import { AuthorName } from '../people/author-name';
import { boardsApi, type BoardMessage } from '../../api/boards-api';
import { Dialog } from '../../components/dialog';
import { ServerHtml } from '../../components/markdown-view';
import { ErrorMessage, TimeAgo } from '../../components/status';
import { Composer } from '../composer/composer';
import type { Policy } from '../composer/finding-reasons';
import { ModerationActions } from '../moderation/moderation-actions';
import { ReportButton } from '../moderation/report-button';

interface Props {
  slug: string;
  message: BoardMessage;
  replies: BoardMessage[];
  signedInId: string | null;
  moderator: boolean;
  region?: string;
  policy?: Policy;
  onReply(message: BoardMessage): void;
  onChanged(message: BoardMessage): void;
}

/** A message and its short reply thread. */
export function MessageThread(props: Props) {
  return (
    <li className="thread">
      <MessageItem {...props} />
      {props.replies.length > 0 && (
        <ol className="thread-replies" aria-label={`Replies to message ${props.message.seq}`}>
          {props.replies.map((reply) => (
            <li key={reply.id}>
              <MessageItem {...props} message={reply} />
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}

function MessageItem({ slug, message, signedInId, moderator, region, policy, onReply, onChanged }: Props) {
  const [error, setError] = useState<unknown>(null);
  const [moderating, setModerating] = useState(false);
  const [editing, setEditing] = useState(false);
  const mine = !!signedInId && message.authorId === signedInId;
  const gone = message.status === 'removed' || message.status === 'deleted';
  const run = async (call: () => Promise<BoardMessage>) => {
    setError(null);
    try {
      onChanged(await call());
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <article
      className={`message status-${message.status}`}
      id={`message-${message.seq}`}
      data-seq={message.seq}
    >
      <header className="post-header">
        <AuthorName name={message.authorName} id={message.authorId} />
        <TimeAgo iso={message.createdAt} />
        {message.editedAt && !gone && <span className="badge">edited</span>}
        {message.status === 'held' && (
          <span className="badge warn">{message.pending ?? 'waiting for a moderator'}</span>
        )}
      </header>
      {editing ? (
        <Composer
          label="Edit message"
          submitLabel="Save"
          initialBody={message.source ?? ''}
          region={region}
          policy={policy}
          autoFocus
          rows={2}
          send={(input) =>
            boardsApi.edit(slug, message.id, {
              body: input.body,
              acknowledgePersonalData: input.acknowledgePersonalData,
            })
          }
          onPublished={(result) => {
            onChanged(result.message);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <ServerHtml className="message-body prose" html={message.html} />
      )}
      {!gone && signedInId && (
        <footer className="post-actions">
          <button
            type="button"
            className="small"
            aria-pressed={!!message.likedByMe}
            disabled={mine}
            aria-label={`Like, ${message.likeCount} so far`}
            onClick={() =>
              void run(() =>
                message.likedByMe ? boardsApi.unlike(slug, message.id) : boardsApi.like(slug, message.id),
              )
            }
          >
            ♥ {message.likeCount}
          </button>
          {message.replyTo === null && (
            <button type="button" className="small" onClick={() => onReply(message)}>
              Reply
            </button>
          )}
          {mine && message.source !== undefined && !editing && (
            <button type="button" className="small" onClick={() => setEditing(true)}>
              Edit
            </button>
          )}
          {mine && (
            <button
              type="button"
              className="small"
              onClick={() => void run(() => boardsApi.remove(slug, message.id))}
            >
              Delete
            </button>
          )}
          {!mine && <ReportButton targetType="message" targetId={message.id} />}
          {moderator && (
            <button type="button" className="small" onClick={() => setModerating(true)}>
              Moderate
            </button>
          )}
        </footer>
      )}
      <ErrorMessage error={error} />
      {moderating && (
        <Dialog title={`Moderate message by ${message.authorName}`} open onClose={() => setModerating(false)}>
          <ModerationActions
            content={{
              targetType: 'message',
              id: message.id,
              source: message.source ?? '',
              status: message.status,
              region,
            }}
            onDone={() => setModerating(false)}
          />
          <div className="actions">
            <button type="button" onClick={() => setModerating(false)}>
              Close
            </button>
          </div>
        </Dialog>
      )}
    </article>
  );
}
