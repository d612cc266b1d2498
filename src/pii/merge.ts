import type { Finding } from './finding';

/**
 * One finding per stretch of text: when spans overlap, the more confident finding wins (emails
 * before phones on a tie, then the longer span), so every character belongs to at most one
 * finding. Result sorted by start.
 */
export function mergeOverlaps(findings: readonly Finding[]): Finding[] {
  const ranked = [...findings].sort(
    (a, b) =>
      b.confidence - a.confidence ||
      (a.type === b.type ? 0 : a.type === 'email' ? -1 : 1) ||
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start,
  );
  const kept: Finding[] = [];
  for (const finding of ranked) {
    if (kept.every((other) => finding.end <= other.start || finding.start >= other.end)) kept.push(finding);
  }
  return kept.sort((a, b) => a.start - b.start);
}
