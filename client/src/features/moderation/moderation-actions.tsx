import { useEffect, useRef, useState } from 'react';
import {
  moderationApi,
  type Copies,
  type ContentAction,
  type MarkedSpan,
  type Span,
  type TargetType,
} from '../../api/moderation-api';
import { ErrorMessage } from '../../components/status';
import { reasonFor } from '../composer/finding-reasons';
import { HighlightedTextarea } from '../composer/highlighted-textarea';
import { loadDetector } from '../composer/use-live-findings';

export interface ModeratedContent {
  targetType: TargetType;
  id: string;
  source: string;
  status: string;
  /** Spans the server reported for a queue item; otherwise the shared detector finds them here. */
  spans?: MarkedSpan[];
  /** Offer "dismiss reports" (queue items). */
  queued?: boolean;
  region?: string;
}

interface Props {
  content: ModeratedContent;
  onDone(action: ContentAction, result: unknown): void;
}

/**
 * The source with detected spans highlighted; "remove personal info" (all spans, or the text the moderator
 * selected when the detector missed something), approve, reject, hide, delete. The server re-checks rights.
 */
export function ModerationActions({ content, onDone }: Props) {
  const [findings, setFindings] = useState<(MarkedSpan & { text: string })[]>([]);
  const [selection, setSelection] = useState<Span | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [copies, setCopies] = useState<Copies | null>(null);
  const [everywhere, setEverywhere] = useState(false);
  const area = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let current = true;
    // "Also in 3 places": a hint, so a failure just leaves it out.
    moderationApi
      .copies(content.targetType, content.id)
      .then((found) => current && setCopies(found))
      .catch(() => current && setCopies(null));
    return () => {
      current = false;
    };
  }, [content.targetType, content.id]);

  useEffect(() => {
    void loadDetector().then((detect) =>
      setFindings(detect(content.source, { defaultRegion: content.region })),
    );
  }, [content.source, content.region]);

  const act = async (action: ContentAction, spans?: Span[]) => {
    if (action === 'reject' && !reason.trim()) {
      setError(new Error('Give a reason for rejecting: the author is told what happened and why.'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await moderationApi.act(content.targetType, content.id, action, {
        reason: reason.trim() || undefined,
        spans,
        everywhere: action === 'remove-personal-info' && everywhere,
      });
      onDone(action, result);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const onSelect = () => {
    const textarea = area.current?.querySelector('textarea');
    if (!textarea) return;
    const { selectionStart: start, selectionEnd: end } = textarea;
    setSelection(end > start ? { start, end } : null);
  };

  return (
    <div className="moderation-actions">
      <div ref={area} onMouseUp={onSelect} onKeyUp={onSelect}>
        <HighlightedTextarea
          aria-label="Post text (select a part to redact it)"
          value={content.source}
          onChange={() => undefined}
          readOnly
          rows={5}
          findings={findings}
        />
      </div>
      {findings.length > 0 ? (
        <ul className="spans">
          {findings.map((f) => (
            <li key={`${f.start}-${f.end}`}>
              <mark className={`finding finding-${f.type}`}>{f.text}</mark> — {reasonFor(f.rule)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">
          The detector found no email address or phone number. Select text to redact it by hand.
        </p>
      )}
      {copies && copies.places.length + copies.outOfReach > 0 && (
        <div className="copies" role="note">
          <p>
            Also in {plural(copies.places.length + copies.outOfReach, 'other place')}:{' '}
            {copies.places.map((place, i) => (
              <span key={place.id}>
                {i > 0 && ', '}
                {place.kind === 'post' ? (
                  <a href={`/t/${place.containerId}#post-${place.seq}`}>post #{place.seq}</a>
                ) : (
                  `board message #${place.seq}`
                )}
                {place.quotes && ' (quotes this one: removed with it)'}
              </span>
            ))}
            {copies.outOfReach > 0 && ` ${plural(copies.outOfReach, 'place')} in forums you do not moderate.`}
          </p>
          {copies.places.some((place) => !place.quotes) && (
            <label className="check">
              <input type="checkbox" checked={everywhere} onChange={(e) => setEverywhere(e.target.checked)} />{' '}
              Remove it from every copy I moderate
            </label>
          )}
        </div>
      )}
      <label className="field">
        Reason (sent to the author and kept in the audit log)
        <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
      </label>
      <ErrorMessage error={error} />
      <div className="actions wrap">
        <button
          type="button"
          className="primary"
          disabled={busy || findings.length === 0}
          onClick={() => void act('remove-personal-info')}
        >
          Remove personal info ({findings.length})
        </button>
        <button
          type="button"
          disabled={busy || !selection}
          onClick={() => selection && void act('remove-personal-info', [selection])}
        >
          Redact selected text{selection ? ` (${selection.end - selection.start} characters)` : ''}
        </button>
        {content.status === 'held' && (
          <>
            <button type="button" disabled={busy} onClick={() => void act('approve')}>
              Approve
            </button>
            <button type="button" disabled={busy} onClick={() => void act('reject')}>
              Reject
            </button>
          </>
        )}
        {content.status === 'hidden' ? (
          <button type="button" disabled={busy} onClick={() => void act('unhide')}>
            Unhide
          </button>
        ) : (
          <button type="button" disabled={busy} onClick={() => void act('hide')}>
            Hide
          </button>
        )}
        {content.queued && (
          <button type="button" disabled={busy} onClick={() => void act('dismiss-reports')}>
            Nothing to do
          </button>
        )}
        <button type="button" className="danger" disabled={busy} onClick={() => void act('delete')}>
          Remove
        </button>
      </div>
    </div>
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
