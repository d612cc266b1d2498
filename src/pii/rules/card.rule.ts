import type { Finding } from '../finding';
import { isIdentifierBefore } from './phone-context';
import { eanValid, luhnValid } from './phone-shape';
import type { ScanContext } from '../scan-context';

/** Issuer number ranges (IIN prefixes) and the lengths each issues, from the networks' published tables. */
const ISSUERS: ReadonlyArray<
  readonly [low: number, high: number, prefixLength: number, lengths: readonly number[]]
> = [
  [4, 4, 1, [13, 16, 19]], // Visa
  [51, 55, 2, [16]], // Mastercard
  [2221, 2720, 4, [16]], // Mastercard 2-series
  [34, 34, 2, [15]], // American Express
  [37, 37, 2, [15]],
  [6011, 6011, 4, [16, 17, 18, 19]], // Discover
  [644, 649, 3, [16, 17, 18, 19]],
  [65, 65, 2, [16, 17, 18, 19]],
  [300, 305, 3, [14, 15, 16, 17, 18, 19]], // Diners Club
  [3095, 3095, 4, [14, 15, 16, 17, 18, 19]],
  [36, 36, 2, [14, 15, 16, 17, 18, 19]],
  [38, 39, 2, [14, 15, 16, 17, 18, 19]],
  [3528, 3589, 4, [16, 17, 18, 19]], // JCB
  [62, 62, 2, [16, 17, 18, 19]], // UnionPay
  [81, 81, 2, [16, 17, 18, 19]],
  [2200, 2204, 4, [16, 17, 18, 19]], // Mir
  [50, 50, 2, [12, 13, 14, 15, 16, 17, 18, 19]], // Maestro
  [56, 69, 2, [12, 13, 14, 15, 16, 17, 18, 19]],
  [60, 60, 2, [16]], // RuPay
  [9792, 9792, 4, [16]], // Troy
];

const MIN_DIGITS = 12;
const MAX_DIGITS = 19;

/**
 * Payment card numbers: 12-19 digits written whole or in the groups cards print (4-4-4-4,
 * 4-4-4-4-3, Amex 4-6-5, Diners 4-6-4) with one kind of separator (space or hyphen), a Luhn check
 * digit and an issuer's range and length. Order, tracking and invoice numbers fail at least one
 * of those, and an identifier word right before the number ("order", "tracking", "ISBN") rejects
 * it. Returns findings and the claimed spans (normalised offsets) for the phone rule.
 */
export function findCards(ctx: ScanContext): {
  findings: Finding[];
  spans: Array<readonly [number, number]>;
} {
  const text = ctx.normal.text;
  const findings: Finding[] = [];
  const spans: Array<readonly [number, number]> = [];
  for (let i = 0; i < text.length;) {
    if (!isDigit(text, i) || !standsAloneBefore(text, i)) {
      i++;
      continue;
    }
    const run = bestPrefix(text, i, readGroups(text, i));
    if (run !== null) {
      const { start, end } = ctx.normal.toOriginal(i, run.end);
      findings.push({
        type: 'card',
        start,
        end,
        text: ctx.original.slice(start, end),
        normalized: run.digits,
        confidence: 0.96,
        rule: 'card.luhn',
      });
      spans.push([i, run.end]);
    }
    // Every character is read by at most one run: the scan goes on behind it.
    i = run?.end ?? skipRun(text, i);
  }
  return { findings, spans };
}

interface CardRun {
  digits: string;
  groups: number[];
  /** End offset of each group. */
  ends: number[];
  end: number;
  /** False when reading stopped after MAX_DIGITS digits with more groups to come. */
  complete: boolean;
}

/**
 * The card in a run: the whole run, or for a longer grouped run the leading groups printed like a
 * card ("4111 1111 1111 1111 020 7946 0958": a card, then a phone number), longest first.
 */
function bestPrefix(text: string, start: number, run: CardRun): CardRun | null {
  if (run.complete && run.digits.length <= MAX_DIGITS && acceptable(text, start, run)) return run;
  let digits = 0;
  const candidates: CardRun[] = [];
  for (let g = 0; g < run.groups.length - 1 && digits + run.groups[g] <= MAX_DIGITS; g++) {
    digits += run.groups[g];
    if (digits >= MIN_DIGITS && g >= 2)
      candidates.push({
        digits: run.digits.slice(0, digits),
        groups: run.groups.slice(0, g + 1),
        ends: run.ends.slice(0, g + 1),
        end: run.ends[g],
        complete: true,
      });
  }
  for (let k = candidates.length - 1; k >= 0; k--)
    if (acceptable(text, start, candidates[k])) return candidates[k];
  return null;
}

/**
 * Groups of digits separated by single spaces or hyphens (one kind). Reads the whole run, keeping
 * at most MAX_DIGITS + 1 digits, so each character is read once.
 */
function readGroups(text: string, start: number): CardRun {
  let digits = '';
  const groups: number[] = [];
  const ends: number[] = [];
  let separator: string | null = null;
  let i = start;
  for (;;) {
    const from = i;
    while (isDigit(text, i)) digits += text[i++];
    groups.push(i - from);
    ends.push(i);
    // Past the longest card nothing more is needed: the caller skips the rest of the run.
    if (digits.length > MAX_DIGITS)
      return { digits, groups, ends, end: i, complete: nextGroup(text, i, separator) === -1 };
    const next = nextGroup(text, i, separator);
    if (next === -1) return { digits, groups, ends, end: i, complete: true };
    separator = text[i];
    i = next;
  }
}

/** Where the next group of the same run starts (one space or hyphen, the run's kind), or -1. */
function nextGroup(text: string, i: number, separator: string | null): number {
  const next = text[i];
  if ((next === ' ' || next === '-') && (separator === null || separator === next) && isDigit(text, i + 1))
    return i + 1;
  return -1;
}

/** The end of the run that starts at `i`, read once when no card was found in it. */
function skipRun(text: string, i: number): number {
  let j = i;
  let separator: string | null = null;
  for (;;) {
    while (isDigit(text, j)) j++;
    const next = nextGroup(text, j, separator);
    if (next === -1) return j;
    separator = text[j];
    j = next;
  }
}

function acceptable(text: string, start: number, run: CardRun): boolean {
  const { digits, groups, end } = run;
  if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS || !endsAlone(text, end)) return false;
  if (!printedGrouping(groups, digits.length)) return false;
  if (!luhnValid(digits) || !issuedLength(digits)) return false;
  // 12- and 13-digit numbers with a valid EAN/UPC check digit are barcodes first.
  if (digits.length <= 13 && eanValid(digits)) return false;
  return !isIdentifierBefore(text, start);
}

function printedGrouping(groups: readonly number[], length: number): boolean {
  if (groups.length === 1) return true;
  const shape = groups.join('-');
  if (shape === '4-6-5' || shape === '4-6-4') return true;
  // Fours, the last group shorter or equal (4-4-4-4, 4-4-4-4-3, 4-4-4-2 for 14 digits).
  return groups.slice(0, -1).every((g) => g === 4) && groups[groups.length - 1] <= 4 && length >= MIN_DIGITS;
}

function issuedLength(digits: string): boolean {
  for (const [low, high, prefixLength, lengths] of ISSUERS) {
    const prefix = Number(digits.slice(0, prefixLength));
    if (prefix >= low && prefix <= high && lengths.includes(digits.length)) return true;
  }
  return false;
}

function standsAloneBefore(text: string, i: number): boolean {
  const before = text[i - 1];
  if (before === undefined) return true;
  if (isDigit(text, i - 1) || isAsciiLetter(before) || '#$€£¥₹@&%_'.includes(before)) return false;
  // A dot, comma, slash or hyphen glued to a digit or letter makes this part of a longer code.
  return !('.,/-:'.includes(before) && (isDigit(text, i - 2) || isAsciiLetter(text[i - 2] ?? ' ')));
}

function endsAlone(text: string, end: number): boolean {
  const after = text[end];
  if (after === undefined) return true;
  if (isAsciiLetter(after) || after === '_' || after === '%') return false;
  return !('.,/-:'.includes(after) && (isDigit(text, end + 1) || isAsciiLetter(text[end + 1] ?? ' ')));
}

function isDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0x30 && c <= 0x39;
}

function isAsciiLetter(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
