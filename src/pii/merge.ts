import type { Finding } from './finding';

/** Ties between equally confident findings of different types: the more specific kind wins. */
const TYPE_RANK: Record<Finding['type'], number> = { card: 0, iban: 1, email: 2, phone: 3 };

/**
 * One finding per stretch of text: when spans overlap, the more confident finding wins (cards,
 * IBANs, then emails before phones on a tie, then the longer span), so every character belongs to
 * at most one finding. Result sorted by start.
 *
 * Taken characters are marked in a bitmap, so each finding costs its own length: no rule reports
 * a span longer than a few hundred characters, which keeps the merge linear in the text (comparing
 * each finding with every kept one was quadratic in the number of findings).
 */
export function mergeOverlaps(findings: readonly Finding[]): Finding[] {
  if (findings.length <= 1) return [...findings];
  const ranked = [...findings].sort(
    (a, b) =>
      b.confidence - a.confidence ||
      TYPE_RANK[a.type] - TYPE_RANK[b.type] ||
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start,
  );
  let length = 0;
  for (const finding of findings) length = Math.max(length, finding.end);
  const taken = new Uint8Array(length);
  const kept: Finding[] = [];
  for (const finding of ranked) {
    let free = true;
    for (let i = finding.start; i < finding.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, finding.start, finding.end);
    kept.push(finding);
  }
  return kept.sort((a, b) => a.start - b.start);
}
