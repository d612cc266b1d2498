import type { Finding, FindingType } from './finding';

export type RedactStyle = 'label' | 'keep-last-two';

export interface RedactedSpan {
  type: FindingType;
  /** Offsets in the redacted text, so the author can be shown what was masked. */
  start: number;
  end: number;
}

export interface Redaction {
  text: string;
  replaced: RedactedSpan[];
}

/**
 * Replaces each finding's span with a label: `[email removed]`, `[phone removed]`,
 * `[card number removed]`, `[IBAN removed]`, or with
 * 'keep-last-two' `[phone removed ••67]` for phones, so a reader who already knows the number can
 * tell which one it was. Findings may come in any order; overlapping or out-of-range ones are
 * skipped rather than corrupting the text.
 */
export type RedactableFinding = Pick<Finding, 'type' | 'start' | 'end'> &
  Partial<Pick<Finding, 'normalized'>>;

export function redact(
  text: string,
  findings: readonly RedactableFinding[],
  style: RedactStyle = 'label',
): Redaction {
  const spans = [...findings]
    .filter((f) => f.start >= 0 && f.end <= text.length && f.start < f.end)
    .sort((a, b) => a.start - b.start)
    .filter((f, i, all) => i === 0 || f.start >= all[i - 1].end);
  // Right to left, so earlier offsets stay valid while later spans change length.
  let result = text;
  const labels: string[] = [];
  for (let i = spans.length - 1; i >= 0; i--) {
    const { type, start, end, normalized } = spans[i];
    const label = labelFor(type, normalized?.split(';')[0] ?? text.slice(start, end), style);
    labels[i] = label;
    result = result.slice(0, start) + label + result.slice(end);
  }
  // New offsets: each span moves by the length change of every span before it.
  const replaced: RedactedSpan[] = [];
  let shift = 0;
  spans.forEach(({ type, start, end }, i) => {
    replaced.push({ type, start: start + shift, end: start + shift + labels[i].length });
    shift += labels[i].length - (end - start);
  });
  return { text: result, replaced };
}

/** `number` is the E.164 value when known (so an extension is not shown), else the typed text. */
function labelFor(type: FindingType, number: string, style: RedactStyle): string {
  if (type === 'email') return '[email removed]';
  if (type === 'card') return '[card number removed]';
  if (type === 'iban') return '[IBAN removed]';
  if (style === 'label') return '[phone removed]';
  const digits = lastDigits(number, 2);
  return digits.length === 2 ? `[phone removed ••${digits}]` : '[phone removed]';
}

/** Last ASCII digits (a spelled number without a normalised value falls back to the plain label). */
function lastDigits(value: string, count: number): string {
  let digits = '';
  for (let i = value.length - 1; i >= 0 && digits.length < count; i--) {
    const c = value[i];
    if (c >= '0' && c <= '9') digits = c + digits;
  }
  return digits;
}
