import { LETTER_OR_DIGIT, LOOKALIKE_HINT, LOOKALIKE_PAIR, TYPOGRAPHIC_DASH } from '../patterns';

const DIGIT_FOR: Record<string, string> = { l: '1', I: '1', o: '0', O: '0' };

/**
 * Replaces look-alike letters in digit tokens ("(9l9) 555-Ol42" -> "(919) 555-0142"). A token
 * qualifies only if it stands alone, holds at least one real digit and no fewer digits than
 * look-alikes, so words ("Oslo", "lol") are never touched. Same length in and out, so offsets hold.
 */
export function replaceLookalikeDigits(text: string): string {
  if (!LOOKALIKE_HINT.test(text)) return text;
  let out = '';
  let copied = 0;
  // A token with both a digit and a look-alike has the two side by side somewhere, so only the
  // tokens around such pairs are read (scanning every "l" and "o" of the prose was the cost here).
  LOOKALIKE_PAIR.lastIndex = 0;
  for (let m = LOOKALIKE_PAIR.exec(text); m !== null; m = LOOKALIKE_PAIR.exec(text)) {
    let start = m.index;
    while (start > 0 && isTokenChar(text.charCodeAt(start - 1))) start--;
    let end = m.index + 2;
    while (end < text.length && isTokenChar(text.charCodeAt(end))) end++;
    LOOKALIKE_PAIR.lastIndex = end;
    if (LETTER_OR_DIGIT.test(text[start - 1] ?? ' ') || LETTER_OR_DIGIT.test(text[end] ?? ' ')) continue;
    let digits = 0;
    for (let i = start; i < end; i++) if (text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) digits++;
    const length = end - start;
    if (digits === 0 || digits === length || digits * 2 < length) continue;
    out += text.slice(copied, start);
    for (let i = start; i < end; i++) out += DIGIT_FOR[text[i]] ?? text[i];
    copied = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** [0-9lIoO]: the characters of a token that may hide digits. */
function isTokenChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x6c /* l */ || c === 0x49 /* I */ || c === 0x6f || c === 0x4f;
}

/**
 * En and em dashes, the minus sign and the other Unicode dashes between digit groups
 * ("206 – 555 – 0188") become `-`, one unit for one, so offsets do not move. Only dashes with a
 * digit on both sides (one space allowed) are touched; "Mon–Fri" and prose dashes stay.
 */
export function foldDigitDashes(text: string): string {
  if (!TYPOGRAPHIC_DASH.test(text)) return text;
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 0x2010 && c <= 0x2015) || c === 0x2212)) continue;
    if (!digitNear(text, i - 1, -1) || !digitNear(text, i + 1, 1)) continue;
    out += text.slice(copied, i) + '-';
    copied = i + 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function digitNear(text: string, i: number, step: number): boolean {
  const at = text[i] === ' ' ? i + step : i;
  const c = text.charCodeAt(at);
  return c >= 0x30 && c <= 0x39;
}
