import type { Finding, PhoneRuleId } from '../finding';
import { EXTENSION_AFTER, PHONE_CANDIDATE, UNICODE_DIGIT, WHITESPACE } from '../patterns';
import type { ScanContext } from '../scan-context';
import { type ContextSignal, contextBefore, endsAlone, startsAlone, unitAfter } from './phone-context';
import { foldDigitDashes, replaceLookalikeDigits } from './phone-lookalikes';
import { type NumberingVerdict, checkInternational } from './phone-numbering';
import { readNational } from './phone-reading';
import { type RunShape, nonPhoneShape, shapeOf } from './phone-shape';

interface Accepted {
  verdict: NumberingVerdict;
  confidence: number;
  international: boolean;
}

/**
 * Most digits a phone number is written with: an international call prefix (011) and the 15
 * digits E.164 allows. A window never holds more, which bounds the work per position (below).
 */
export const MAX_PHONE_DIGITS = 18;

/**
 * Digit runs with phone separators, validated by libphonenumber: `+CC` and international call
 * prefixes (00, 011) in any region; national numbers in the hinted and default regions, and in
 * common regions when the sentence talks about phoning. Structural and context filters drop dates,
 * versions, identifiers and the like before libphonenumber is asked (it is the expensive part).
 *
 * `claimed` are spans (normalised offsets) that another rule already owns (card numbers, IBANs):
 * a run touching one is not read as a phone.
 */
export function findPhones(
  ctx: ScanContext,
  claimed: ReadonlyArray<readonly [number, number]> = [],
): Finding[] {
  const text = foldDigitDashes(replaceLookalikeDigits(ctx.normal.text));
  const findings: Finding[] = [];
  let claim = 0;
  let consumed = 0;
  PHONE_CANDIDATE.lastIndex = 0;
  for (let m = PHONE_CANDIDATE.exec(text); m !== null; m = PHONE_CANDIDATE.exec(text)) {
    let runStart = m.index;
    const runEnd = m.index + m[0].length;
    // An extension read with the previous number ("…0958x456") is not a run of its own.
    if (runStart < consumed) continue;
    // Most runs are short numbers in prose; no piece of a run with fewer than 7 digits can pass.
    if (countDigits(text, runStart, runEnd) < 7) continue;
    // Another rule's span inside the run: what follows it is read on its own ("4111 1111 1111
    // 1111 020 7946 0958" is a card, then a phone number); what precedes it is not a phone.
    while (claim < claimed.length && claimed[claim][0] < runEnd) {
      runStart = Math.max(runStart, claimed[claim][1]);
      if (claimed[claim][1] > runEnd) break; // it reaches into the next run too
      claim++;
    }
    if (runStart >= runEnd) continue;
    while (runStart < runEnd && !isDigit(text[runStart]) && text[runStart] !== '(' && text[runStart] !== '+')
      runStart++;
    for (const [start, end] of splitAtSentenceBreaks(text, runStart, runEnd)) {
      for (const finding of evaluatePiece(ctx, text, start, end)) {
        findings.push(finding.finding);
        consumed = Math.max(consumed, finding.end);
      }
    }
  }
  return findings;
}

/**
 * A full stop or slash followed by a space ends a number ("R$ 3.500. (31) 98877-6655",
 * "ventas@example.mx / +52 …"), so the run is evaluated in pieces.
 */
function splitAtSentenceBreaks(text: string, start: number, end: number): Array<readonly [number, number]> {
  const pieces: Array<readonly [number, number]> = [];
  let pieceStart = start;
  let i = start;
  while (i < end) {
    if (isDigit(text[i])) {
      i++;
      continue;
    }
    let gapEnd = i;
    while (gapEnd < end && !isDigit(text[gapEnd])) gapEnd++;
    const gap = text.slice(i, gapEnd);
    const hard =
      WHITESPACE.test(gap) &&
      (gap.includes('.') || gap.includes('/')) &&
      // " . " spaced on both sides is a separator between digit groups, not a full stop.
      gap !== ' . ' &&
      !isAreaCodeBeforeSlash(text, pieceStart, i, gap);
    if (hard && i > pieceStart) {
      pieces.push([pieceStart, i]);
      pieceStart = gapEnd;
      while (pieceStart > i && (text[pieceStart - 1] === '(' || text[pieceStart - 1] === '+')) pieceStart--;
    }
    i = gapEnd;
  }
  pieces.push([pieceStart, end]);
  return pieces;
}

/**
 * "089 / 1234567", "(030) / 12 34 56": a lone trunk-prefixed area code before a slash cannot be a
 * number of its own, so the slash separates it from the subscriber number rather than two numbers.
 */
function isAreaCodeBeforeSlash(text: string, start: number, end: number, gap: string): boolean {
  if (gap.trim() !== '/') return false;
  let from = start;
  let to = end;
  if (text[from] === '(' && text[to - 1] === ')') {
    from++;
    to--;
  }
  if (text[from] !== '0' || to - from < 2 || to - from > 5) return false;
  for (let i = from; i < to; i++) if (!isDigit(text[i])) return false;
  return true;
}

function countDigits(text: string, start: number, end: number): number {
  let digits = 0;
  for (let i = start; i < end; i++) if (isDigit(text[i])) digits++;
  return digits;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

interface Group {
  /** Offsets of the digits of the group. */
  start: number;
  end: number;
  /** Digits from the start of the piece to the end of this group. */
  digitsBefore: number;
}

/**
 * Reads the phone numbers in one piece of a run. Windows start at the first group and, when no
 * number starts there, at later groups after a space or slash (a ZIP code, a price or another
 * number in front: "75008 01 42 68 53 00", "$40 555-…"); each window holds at most
 * MAX_PHONE_DIGITS digits and is tried longest first, shorter ones cut at spaces or slashes. After
 * a number is found, the next window starts behind it (lists "020 … 0958 - 020 … 0959"). So a group
 * starts at most one window and each window tries at most MAX_PHONE_DIGITS cuts of at most
 * MAX_PHONE_DIGITS groups: the work per group is bounded, whatever the length of the run.
 */
function evaluatePiece(
  ctx: ScanContext,
  text: string,
  pieceStart: number,
  pieceEnd: number,
): Array<{ finding: Finding; end: number }> {
  const end = cutAtSecondLineBreak(text, pieceStart, pieceEnd);
  const groups = groupsOf(text, pieceStart, end);
  const total = groups.length === 0 ? 0 : groups[groups.length - 1].digitsBefore;
  if (total < 7) return [];
  const found: Array<{ finding: Finding; end: number }> = [];
  const first = contextBefore(text, pieceStart);
  // An identifier word in front owns the whole run ("Order 114-3941689-8772991"), and digits
  // printed in fours are a card or account number, never a phone.
  // When the run's first number is glued to a sign ("$45", "#5521"), that number is the
  // identifier's and later windows are judged on their own.
  const vetoed = first === 'negative' && text[pieceStart] !== '+' && startsAlone(text, pieceStart) !== 'no';
  // A run glued to a letter is the tail of a code ("1Z 999 AA1 01 2345 6784"): none of it is a phone.
  const gluedToLetter = isDigit(text[pieceStart]) && isLatinLetterAt(text, pieceStart - 1);
  if (vetoed || gluedToLetter || listOfPairs(groups)) return found;
  // After a `+CC` that failed, a later window would drop the country code and read the rest in the
  // default region ("+52 1 55 1234 5678" is no New Jersey number): only windows behind a found number.
  let afterNumber = false;
  for (let g = leadingFours(groups); g < groups.length;) {
    const digitsFrom = g === 0 ? 0 : groups[g - 1].digitsBefore;
    if (total - digitsFrom < 7) break;
    const start: number =
      g === 0
        ? pieceStart
        : afterNumber || (!oneByOne(groups, g) && text[pieceStart] !== '+')
          ? windowStart(text, groups[g - 1].end, groups[g].start)
          : -1;
    const result: { finding: Finding; end: number } | null =
      start === -1 ? null : evaluateWindow(ctx, text, start, groups, g, g === 0 ? first : null);
    afterNumber = result !== null;
    if (result === null) {
      g++;
      continue;
    }
    found.push(result);
    while (g < groups.length && groups[g].start < result.end) g++;
  }
  return found;
}

/**
 * Six or more pairs of digits in a row are a list of numbers (lottery draws, scores), as
 * nonPhoneShape says of a single window; windows inside the list would find "numbers" in it.
 */
function listOfPairs(groups: readonly Group[]): boolean {
  return groups.length > 5 && groups.every((group) => group.end - group.start === 2);
}

/**
 * Four or more groups of four digits at the start of a run (after at most one other group) are printed like a card or account
 * number, never a phone: windows start after them. Returns the first group after that stretch.
 */
function leadingFours(groups: readonly Group[]): number {
  // The first group may be the check digits of an IBAN ("DE88 3704 0044 0532 …").
  for (const first of [0, 1]) {
    let g = first;
    while (g < groups.length && groups[g].end - groups[g].start === 4) g++;
    if (g - first >= 4) return g;
  }
  return 0;
}

/**
 * Digits typed one by one ("0 2 0 7 …") are typed as one whole number: a window never starts in
 * the middle of them, so a long run of single digits is one candidate, not one per digit.
 */
function oneByOne(groups: readonly Group[], g: number): boolean {
  return groups[g].end - groups[g].start === 1 && groups[g - 1].end - groups[g - 1].start === 1;
}

function isLatinLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function groupsOf(text: string, start: number, end: number): Group[] {
  const groups: Group[] = [];
  let digits = 0;
  for (let i = start; i < end;) {
    if (!isDigit(text[i])) {
      i++;
      continue;
    }
    const from = i;
    while (i < end && isDigit(text[i])) i++;
    digits += i - from;
    groups.push({ start: from, end: i, digitsBefore: digits });
  }
  return groups;
}

/**
 * Where a window after the gap `text[gapStart, groupStart)` starts, or -1 when the gap does not
 * separate numbers (a dot or hyphen glues groups of one number or code together). A bracket or
 * plus right before the group belongs to the number.
 */
function windowStart(text: string, gapStart: number, groupStart: number): number {
  let breaks = false;
  for (let i = gapStart; i < groupStart; i++)
    if (isWhitespace(text.charCodeAt(i)) || text[i] === '/') breaks = true;
  if (!breaks) return -1;
  let start = groupStart;
  while (start > gapStart && (text[start - 1] === '(' || text[start - 1] === '+')) start--;
  return start;
}

function evaluateWindow(
  ctx: ScanContext,
  text: string,
  start: number,
  groups: readonly Group[],
  g: number,
  knownSignal: ContextSignal | null,
): { finding: Finding; end: number } | null {
  const plus = text[start] === '+';
  const boundary = startsAlone(text, start);
  if (boundary === 'no') return null;
  if (!plus && ctx.inCodeOrUrl(start)) return null;
  const signal = knownSignal ?? contextBefore(text, start);
  if (signal === 'negative' && !plus) return null;
  if (boundary === 'phone-word' && signal !== 'positive') return null;
  const digitsFrom = g === 0 ? 0 : groups[g - 1].digitsBefore;
  let last = g;
  while (last + 1 < groups.length && groups[last + 1].digitsBefore - digitsFrom <= MAX_PHONE_DIGITS) last++;
  // The longest window first, then shorter ones: a phone followed by another number ("… 0131
  // 24/7") or by a stray digit on the next line loses trailing groups cut at spaces or slashes.
  for (let j = last; j >= g; j--) {
    if (groups[j].digitsBefore - digitsFrom < 7) break;
    const cut = groups[j].end;
    if (j < groups.length - 1 && !isCutAfter(text, cut)) continue;
    // Digits typed one by one are the whole number: a cut inside such a stretch is not one.
    if (j < groups.length - 1 && oneByOne(groups, j + 1)) continue;
    if (!endsAlone(text, cut) && !extensionAt(text, cut)) continue;
    const shape = shapeOf(text.slice(start, cut));
    const accepted = acceptWhole(ctx, text, shape, start, cut, signal);
    if (accepted !== null) return toFinding(ctx, text, start, cut, shape, accepted);
  }
  return null;
}

/** A window may end before whitespace or a slash (what follows is another number or a stray digit). */
function isCutAfter(text: string, cut: number): boolean {
  return isWhitespace(text.charCodeAt(cut)) || text[cut] === '/';
}

function extensionAt(text: string, end: number): boolean {
  return EXTENSION_AFTER.test(text.slice(end, end + 24));
}

function acceptWhole(
  ctx: ScanContext,
  text: string,
  shape: RunShape,
  start: number,
  end: number,
  signal: ContextSignal,
): Accepted | null {
  if (nonPhoneShape(shape) !== null || unitAfter(text, end)) return null;
  const digits = shape.digits;
  const idd = shape.plus ? 0 : digits.startsWith('00') ? 2 : digits.startsWith('011') ? 3 : -1;
  if (idd >= 0) {
    const verdict = checkInternational(digits.slice(idd));
    if (verdict?.valid) return { verdict, confidence: 0.95, international: true };
    const spaced = shape.groups.length >= 3;
    if (verdict !== null && (signal === 'positive' || (shape.plus && spaced))) {
      return { verdict, confidence: 0.7, international: true };
    }
    if (shape.plus) return null;
  }
  if (digits.length > 13) return null;
  const trunkOrBracket = digits.startsWith('0') || text[start] === '(';
  const reading = readNational(
    digits,
    ctx.regionsNear(start),
    signal === 'positive' || (trunkOrBracket && shape.groups.length >= 2),
  );
  if (reading === null) return null;
  if (reading.valid)
    return { verdict: reading, confidence: reading.tier === 'preferred' ? 0.9 : 0.75, international: false };
  if (signal === 'positive' && trunkOrBracket)
    return { verdict: reading, confidence: 0.6, international: false };
  return null;
}

function toFinding(
  ctx: ScanContext,
  text: string,
  start: number,
  end: number,
  shape: RunShape,
  accepted: Accepted,
): { finding: Finding; end: number } {
  let spanEnd = end;
  let normalized = accepted.verdict.e164;
  const extension = EXTENSION_AFTER.exec(text.slice(end, end + 24));
  if (extension !== null) {
    spanEnd = end + extension[0].length;
    normalized += `;ext=${extension[1]}`;
  }
  const span = ctx.normal.toOriginal(start, spanEnd);
  const typed = ctx.original.slice(span.start, span.end);
  const core = ctx.normal.toOriginal(start, end);
  const typedCore = ctx.original.slice(core.start, core.end);
  const rule = ruleFor(
    typedCore,
    text.slice(start, end),
    ctx.normal.text.slice(start, end),
    shape,
    accepted.international,
  );
  const finding: Finding = {
    type: 'phone',
    start: span.start,
    end: span.end,
    text: typed,
    normalized,
    confidence: accepted.confidence,
    rule,
  };
  return { finding, end: spanEnd };
}

function ruleFor(
  typed: string,
  searched: string,
  normal: string,
  shape: RunShape,
  international: boolean,
): PhoneRuleId {
  // Other scripts' digits, full-width and mathematical digits, keycap emoji (6️⃣).
  if (UNICODE_DIGIT.test(typed) || typed.includes('\u20e3')) return 'phone.unicode-digits';
  const invisible = typed.length !== searched.length;
  const lookalikes = searched !== normal;
  const oneByOne = shape.groups.length >= 7 && shape.groups.every((g) => g.length === 1);
  if (invisible || lookalikes || oneByOne || searched.includes('\n')) return 'phone.obfuscated';
  return international ? 'phone.international' : 'phone.libphonenumber';
}

function cutAtSecondLineBreak(text: string, start: number, end: number): number {
  // Searched within the piece only: an unbounded indexOf per piece made long texts quadratic.
  const first = text.slice(start, end).indexOf('\n');
  if (first === -1) return end;
  const second = text.slice(start + first + 1, end).indexOf('\n');
  if (second === -1) return end;
  let cut = start + first + 1 + second;
  while (cut > start && !(text[cut - 1] >= '0' && text[cut - 1] <= '9')) cut--;
  return cut;
}

/** `\s` of JavaScript regular expressions (WhiteSpace and LineTerminator), by code unit. */
function isWhitespace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
