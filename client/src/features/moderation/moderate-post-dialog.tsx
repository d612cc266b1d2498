import type { Post } from '../../api/forums-api';
import { Dialog } from '../../components/dialog';
import { ModerationActions } from './moderation-actions';

/** Moderating one post from the topic page; the live event updates every viewer, including this one. */
export function ModeratePostDialog({
  post,
  region,
  onClose,
  onDone,
}: {
  post: Post;
  region?: string;
  onClose(): void;
  onDone(post?: Post): void;
}) {
  return (
    <Dialog title={`Moderate post #${post.seq} by ${post.authorName}`} open onClose={onClose}>
      <ModerationActions
        content={{ targetType: 'post', id: post.id, source: post.source ?? '', status: post.status, region }}
        onDone={(_action, result) => onDone(isPost(result) ? result : undefined)}
      />
      <div className="actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

function isPost(value: unknown): value is Post {
  return typeof value === 'object' && value !== null && 'seq' in value && 'html' in value;
}
