import { useEffect, useState } from 'react';

/** True when the reader has scrolled away from the end of the page (new items would land out of sight). */
export function useScrolledUp(margin = 200): boolean {
  const [up, setUp] = useState(false);
  useEffect(() => {
    const check = () => {
      const bottom = window.scrollY + window.innerHeight;
      setUp(document.documentElement.scrollHeight - bottom > margin);
    };
    check();
    window.addEventListener('scroll', check, { passive: true });
    window.addEventListener('resize', check);
    return () => {
      window.removeEventListener('scroll', check);
      window.removeEventListener('resize', check);
    };
  }, [margin]);
  return up;
}
