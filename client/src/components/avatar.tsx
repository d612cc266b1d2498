import { minidenticon } from 'minidenticons';
import { useMemo } from 'react';

/**
 * A generated avatar: the same picture for the same username on every page and device, computed in the
 * browser (minidenticons), so no external service learns who is being looked at.
 */
export function Avatar({ name, size = 32 }: { name: string; size?: number }) {
  const src = useMemo(
    () => `data:image/svg+xml;utf8,${encodeURIComponent(minidenticon(name.toLowerCase(), 60, 45))}`,
    [name],
  );
  return <img className="avatar" src={src} alt="" width={size} height={size} aria-hidden="true" />;
}
