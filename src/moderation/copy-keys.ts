import { createHmac } from 'node:crypto';
import { detect, type Finding } from '../pii';

/** A key of its own, derived from JWT_SECRET: the copy index's hashes cannot be checked without it. */
export function copyIndexKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('parley:pii-copies:v1').digest();
}

/**
 * The keyed hash of one value, by its detector-normalised form (lower-cased email with an ASCII domain, E.164
 * phone, card digits, IBAN), so `Jo.Bloggs@Example.org`, `jo dot bloggs at example dot org` and a quote of
 * either share one key.
 */
export function valueKey(key: Buffer, finding: Pick<Finding, 'type' | 'normalized'>): string {
  return createHmac('sha256', key)
    .update(`${finding.type}:${finding.normalized}`)
    .digest('base64url')
    .slice(0, 24);
}

/** Every value the detector finds in these texts, by key (the first finding of each). */
export function keyedFindings(
  key: Buffer,
  texts: string[],
  region: string | undefined,
): Map<string, Finding> {
  const found = new Map<string, Finding>();
  for (const text of texts) {
    if (!text) continue;
    for (const finding of detect(text, { defaultRegion: region })) {
      const k = valueKey(key, finding);
      if (!found.has(k)) found.set(k, finding);
    }
  }
  return found;
}
