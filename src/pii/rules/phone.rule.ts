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
 * Digit runs with phone separators, validated by libphonenumber: `+CC` and international call
 * prefixes (00, 011) in any region; national numbers in the hinted and default regions, and in
 * common regions when the sentence talks about phoning. Structural and context filters drop dates,
 * versions, identifiers and the like before libphonenumber is asked (it is the expensive part).
 */
export function findPhones(ctx: ScanContext): Finding[] {
  const text = foldDigitDashes(replaceLookalikeDigits(ctx.normal.text));
  const findings: Finding[] = [];
  PHONE_CANDIDATE.lastIndex = 0;
  for (let m = PHONE_CANDIDATE.exec(text); m !== null; m = PHONE_CANDIDATE.exec(text)) {
    // Most runs are short numbers in prose; no piece of a run with fewer than 7 digits can pass.
    if (countDigits(text, m.index, m.index + m[0].length) < 7) continue;
    for (const [start, end] of splitAtSentenceBreaks(text, m.index, m.index + m[0].length)) {
      const finding = evaluateRun(ctx, text, start, end);
      if (finding !== null) findings.push(finding);
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

function evaluateRun(ctx: ScanContext, text: string, start: number, runEnd: number): Finding | null {
  const end = cutAtSecondLineBreak(text, start, runEnd);
  if (countDigits(text, start, end) < 7 || !startsAlone(text, start)) return null;
  const plus = text[start] === '+';
  if (!plus && ctx.inCodeOrUrl(start)) return null;
  const signal = contextBefore(text, start);
  if (signal === 'negative' && !plus) return null;
  // The whole run first, then shorter ones: a phone followed by another number ("… 0131 24/7")
  // or by a stray digit on the next line loses trailing groups cut at spaces or slashes.
  // The shorter runs are only listed when the whole one fails.
  for (let cut = end; cut !== -1; cut = nextTrailingCut(text, start, cut)) {
    const shape = shapeOf(text.slice(start, cut));
    if (shape.digits.length < 7) break;
    if (!endsAlone(text, cut)) continue;
    const accepted = acceptWhole(ctx, text, shape, start, cut, signal);
    if (accepted !== null) return toFinding(ctx, text, start, cut, shape, accepted);
  }
  return null;
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
): Finding {
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
  return {
    type: 'phone',
    start: span.start,
    end: span.end,
    text: typed,
    normalized,
    confidence: accepted.confidence,
    rule,
  };
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
  const first = text.indexOf('\n', start);
  if (first === -1 || first >= end) return end;
  const second = text.indexOf('\n', first + 1);
  if (second === -1 || second >= end) return end;
  let cut = second;
  while (cut > start && !(text[cut - 1] >= '0' && text[cut - 1] <= '9')) cut--;
  return cut;
}

/**
 * End offset of the next shorter run (longest first) before `cut`, cutting only at whitespace or
 * slash separators that follow a digit, or -1.
 */
function nextTrailingCut(text: string, start: number, cut: number): number {
  for (let i = cut - 1; i > start; i--) {
    const c = text.charCodeAt(i - 1);
    if (c >= 0x30 && c <= 0x39 && (isWhitespace(text.charCodeAt(i)) || text[i] === '/')) return i;
  }
  return -1;
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
