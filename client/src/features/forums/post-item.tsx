import { useState } from 'react';
import { forumsApi, type Post } from '../../api/forums-api';
import { ServerHtml } from '../../components/markdown-view';
import { ErrorMessage, TimeAgo } from '../../components/status';
import { ReportButton } from '../moderation/report-button';
import { RevisionHistory } from './revision-history';
import { AuthorName } from '../people/author-name';

interface Props {
  post: Post;
  signedInId: string | null;
  moderator: boolean;
  locked: boolean;
  onReply(post: Post, quote: boolean): void;
  onEdit(post: Post): void;
  onChanged(post: Partial<Post> & { id: string }): void;
  onModerate?(post: Post): void;
  /** This post is the topic's answer. */
  solution?: boolean;
  /** Set for the topic's author and its moderators, on replies: marks (or unmarks) the answer. */
  onSolution?(post: Post, solved: boolean): void;
}

const GONE = new Set(['deleted', 'removed', 'hidden']);

export function PostItem({
  post,
  signedInId,
  moderator,
  locked,
  onReply,
  onEdit,
  onChanged,
  onModerate,
  solution,
  onSolution,
}: Props) {
  const [history, setHistory] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const mine = !!signedInId && post.authorId === signedInId;
  const gone = GONE.has(post.status);

  const toggleLike = async () => {
    setError(null);
    try {
      const state = post.likedByMe ? await forumsApi.unlike(post.id) : await forumsApi.like(post.id);
      onChanged({ id: post.id, likeCount: state.likeCount, likedByMe: state.liked });
    } catch (failure) {
      setError(failure);
    }
  };

  const remove = async () => {
    if (!window.confirm('Delete this post? A placeholder will show where it was.')) return;
    try {
      onChanged(await forumsApi.remove(post.id));
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <article
      id={`post-${post.seq}`}
      className={`post card status-${post.status}`}
      aria-labelledby={`post-${post.seq}-by`}
    >
      <header className="post-header">
        <span id={`post-${post.seq}-by`}>
          <AuthorName name={post.authorName} id={post.authorId} />
        </span>
        <a href={`#post-${post.seq}`} className="muted seq" aria-label={`Post number ${post.seq}`}>
          #{post.seq}
        </a>
        <TimeAgo iso={post.createdAt} />
        {post.replyTo && (
          <a href={`#post-${post.replyTo}`} className="reply-link">
            in reply to #{post.replyTo}
          </a>
        )}
        {post.editedAt && !gone && <span className="badge">edited</span>}
        {solution && <span className="badge solved">✓ Solution</span>}
        {post.status === 'held' && (
          <span className="badge warn">{post.pending ?? 'waiting for a moderator'}</span>
        )}
      </header>
      <ServerHtml className="post-body prose" html={post.html} />
      {!gone && (
        <footer className="post-actions">
          <button
            type="button"
            className="small"
            aria-pressed={!!post.likedByMe}
            disabled={!signedInId || mine}
            onClick={() => void toggleLike()}
            aria-label={`Like, ${post.likeCount} so far`}
          >
            ♥ {post.likeCount}
          </button>
          {signedInId && !locked && (
            <>
              <button type="button" className="small" onClick={() => onReply(post, false)}>
                Reply
              </button>
              <button type="button" className="small" onClick={() => onReply(post, true)}>
                Quote
              </button>
            </>
          )}
          {mine && post.source !== undefined && !locked && (
            <button type="button" className="small" onClick={() => onEdit(post)}>
              Edit
            </button>
          )}
          {mine && (
            <button type="button" className="small" onClick={() => void remove()}>
              Delete
            </button>
          )}
          {(mine || moderator) && post.revisionCount > 0 && (
            <button type="button" className="small" onClick={() => setHistory(true)}>
              History ({post.revisionCount})
            </button>
          )}
          {onSolution && post.seq > 1 && post.status === 'visible' && (
            <button type="button" className="small" onClick={() => onSolution(post, !solution)}>
              {solution ? 'Unmark solution' : 'Mark as solution'}
            </button>
          )}
          {signedInId && !mine && <ReportButton targetType="post" targetId={post.id} />}
          {moderator && onModerate && (
            <button type="button" className="small" onClick={() => onModerate(post)}>
              Moderate
            </button>
          )}
        </footer>
      )}
      <ErrorMessage error={error} />
      {history && <RevisionHistory postId={post.id} onClose={() => setHistory(false)} />}
    </article>
  );
}
