import type { MaskedSpan } from '../../api/forums-api';

export interface PublishedResult {
  post: { status: string };
  masked: MaskedSpan[];
}

/** Tells the author what happened to what they just sent: held for a moderator, or masked. */
export function PublishedNote({ result, onDismiss }: { result: PublishedResult; onDismiss(): void }) {
  const held = result.post.status === 'held';
  const masked = result.masked.length;
  if (!held && masked === 0) return null;
  return (
    <div className="note" role="status">
      {held && (
        <p>
          Your post is waiting for a moderator: only you and the moderators can see it until it is approved.
        </p>
      )}
      {masked > 0 && (
        <p>
          This forum masks personal data: {masked} {masked === 1 ? 'part was' : 'parts were'} replaced before
          publishing.
        </p>
      )}
      <button type="button" className="link-button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
