import { useCallback, useEffect, useRef, useState } from 'react';
import { draftsApi, type Draft, type DraftPlace, type DraftText } from '../../api/drafts-api';

/** Saved this long after the author stops typing: a draft per pause, not per keystroke. */
const SAVE_AFTER_MS = 800;

/**
 * The server-side draft of one place (a topic's reply, a board's message, a forum's new topic): read once, then
 * saved as the author types (debounced) and discarded after publishing. A save still waiting when the composer
 * goes away (navigation) is sent at once, so leaving the page loses nothing.
 */
export function useDraft(place: DraftPlace | undefined) {
  const [restored, setRestored] = useState<Draft | null | undefined>(place ? undefined : null);
  const pending = useRef<DraftText | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const key = place ? `${place.kind}/${place.ref}` : null;
  const placeRef = useRef(place);
  placeRef.current = place;

  useEffect(() => {
    const at = placeRef.current;
    if (!at) return;
    let live = true;
    draftsApi.get(at).then(
      (answer) => live && setRestored(answer.draft),
      () => live && setRestored(null),
    );
    return () => {
      live = false;
    };
  }, [key]);

  const flush = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const text = pending.current;
    const at = placeRef.current;
    pending.current = null;
    if (text && at) void draftsApi.save(at, text).catch(() => undefined);
  }, []);

  useEffect(() => flush, [flush, key]);

  const save = useCallback(
    (text: DraftText) => {
      if (!placeRef.current) return;
      pending.current = text;
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(flush, SAVE_AFTER_MS);
    },
    [flush],
  );

  const discard = useCallback(() => {
    window.clearTimeout(timer.current);
    pending.current = null;
    const at = placeRef.current;
    if (at) void draftsApi.discard(at).catch(() => undefined);
  }, []);

  return { restored, save, discard };
}
