import { FALLBACK_REGIONS, type NumberingVerdict, checkNational } from './phone-numbering';

/** How a national digit string reads, and how much we trust the region it was read in. */
export interface Reading extends NumberingVerdict {
  /** 'preferred': hinted or default region; 'fallback': a common region tried for lack of a hint. */
  tier: 'preferred' | 'fallback';
}

/**
 * Reads `digits` as a national number: first valid reading in the preferred regions, then (when
 * allowed) in the fallback regions, and failing both the first merely possible reading.
 */
export function readNational(
  digits: string,
  preferred: readonly string[],
  allowFallback: boolean,
): Reading | null {
  let possible: Reading | null = null;
  for (const region of preferred) {
    const verdict = checkNational(digits, region);
    if (verdict?.valid) return { ...verdict, tier: 'preferred' };
    if (verdict !== null && possible === null) possible = { ...verdict, tier: 'preferred' };
  }
  if (!allowFallback) return possible;
  for (const region of FALLBACK_REGIONS) {
    if (preferred.includes(region)) continue;
    const verdict = checkNational(digits, region);
    if (verdict === null) continue;
    if (verdict.valid && verdict.trunkOmitted !== true) return { ...verdict, tier: 'fallback' };
    if (possible === null && digits.startsWith('0'))
      possible = { ...verdict, valid: false, tier: 'fallback' };
  }
  return possible;
}
