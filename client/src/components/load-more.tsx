import { useEffect, useRef } from 'react';

/** Infinite scroll that keyboard users can drive too: a real button, clicked for you when it scrolls into view. */
export function LoadMore({
  onLoad,
  label = 'Load more',
  busy,
}: {
  onLoad(): void;
  label?: string;
  busy?: boolean;
}) {
  const ref = useRef<HTMLButtonElement>(null);
  const latest = useRef(onLoad);
  latest.current = onLoad;
  useEffect(() => {
    const button = ref.current;
    if (!button || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) latest.current();
    });
    observer.observe(button);
    return () => observer.disconnect();
  }, []);
  return (
    <button ref={ref} type="button" className="load-more" onClick={onLoad} disabled={busy}>
      {busy ? 'Loading…' : label}
    </button>
  );
}
