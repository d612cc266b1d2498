import type { FindingType } from '../pii';

export type RemovedType = FindingType | 'other';

export interface Span {
  start: number;
  end: number;
}

export interface PlannedSpan extends Span {
  type: RemovedType;
}

export interface AppliedRedaction {
  text: string;
  replacements: Array<{ value: string; label: string }>;
  counts: Partial<Record<RemovedType, number>>;
}

const LABELS: Record<RemovedType, string> = {
  email: '[email removed]',
  phone: '[phone removed]',
  card: '[card number removed]',
  iban: '[IBAN removed]',
  other: '[personal info removed]',
};

export const labelFor = (type: RemovedType) => LABELS[type];

/** Thrown for spans outside the text; the service answers 400 with it. */
export class SpanOutOfRange extends Error {}

/**
 * Which spans to remove: every detected finding when the moderator chose none, otherwise the chosen offsets
 * (typed by the detected finding they overlap, or `other` for a span the detector missed). Overlapping
 * spans merge, so a chosen span covering a finding removes it once.
 */
export function planSpans(
  text: string,
  detected: readonly PlannedSpan[],
  chosen?: readonly Span[],
): PlannedSpan[] {
  const wanted: PlannedSpan[] = chosen
    ? chosen.map((span) => {
        if (!(span.start >= 0 && span.end <= text.length && span.start < span.end)) {
          throw new SpanOutOfRange(
            `Span ${span.start}-${span.end} is outside the text (length ${text.length})`,
          );
        }
        const overlapped = detected.find((f) => f.start < span.end && span.start < f.end);
        return { start: span.start, end: span.end, type: overlapped?.type ?? 'other' };
      })
    : detected.map(({ start, end, type }) => ({ start, end, type }));
  return mergeSpans(wanted);
}

function mergeSpans(spans: PlannedSpan[]): PlannedSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: PlannedSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      if (last.type === 'other') last.type = span.type;
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}

/** Replaces the spans with labels (right to left, so earlier offsets stay valid) and lists what went. */
export function applySpans(text: string, spans: readonly PlannedSpan[]): AppliedRedaction {
  let result = text;
  const replacements: AppliedRedaction['replacements'] = [];
  const counts: AppliedRedaction['counts'] = {};
  for (let i = spans.length - 1; i >= 0; i -= 1) {
    const { start, end, type } = spans[i];
    const value = text.slice(start, end);
    const label = labelFor(type);
    result = result.slice(0, start) + label + result.slice(end);
    replacements.unshift({ value, label });
    counts[type] = (counts[type] ?? 0) + 1;
  }
  return { text: result, replacements, counts };
}
