import { MappedText, MappedTextBuilder } from './offsets';
import { ENTITY_AT, HTML_ENTITY, UNICODE_DIGIT } from './patterns';

/**
 * Character-level normalisation, the first pass every rule sees:
 * - invisible characters (zero-width space/joiners, word joiner, BOM, soft hyphen, bidi marks,
 *   variation selectors, the keycap combining mark of 6️⃣) are dropped, so `kofi\u200b@x.com`
 *   and `9\u200d1\u200d9…` read as written without them;
 * - compatibility forms that people use to dodge filters are folded the NFKC way, one character at a
 *   time (full-width `＠．０-９`, small-form `﹫`, mathematical bold digits `𝟖`, odd spaces);
 * - decimal digits of any script (Arabic-Indic, Devanagari, …) become ASCII digits;
 * - the HTML entities for `@` and `.` are decoded.
 * Offsets are kept, so a match in the result maps back to the exact original characters.
 * Text with none of these characters (the common case) is returned as an identity map.
 */
export function normaliseCharacters(text: string): MappedText {
  const source = MappedText.identity(text);
  let out: MappedTextBuilder | null = null;
  let copied = 0;
  for (let from = nextToNormalise(text, 0); from !== -1; from = nextToNormalise(text, copied)) {
    const to = from + matchLength(text, from);
    out ??= new MappedTextBuilder(source);
    out.copy(copied, from);
    const chars = text.slice(from, to);
    const replacement = replacementFor(chars);
    if (replacement.length > 0) out.emit(replacement, from, to);
    // Variation selectors and the keycap mark belong to the character before them (6️⃣).
    else if (isCombiningMark(chars.charCodeAt(0))) out.extendLast(from, to);
    copied = to;
  }
  if (out === null) return source;
  out.copy(copied, text.length);
  return out.build();
}

/**
 * Start of the next match of NEEDS_NORMALISING at or after `from`, or -1 (see matchLength).
 * A hand-written scan: only `&` and characters from U+00A0 up can start a match, and running the
 * Unicode-property regex over every character of the post was the main cost of this pass.
 * normalise.spec.ts checks it against the regex.
 */
export function nextToNormalise(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xa0) {
      if (c !== 0x26 /* & */) continue;
      ENTITY_AT.lastIndex = i;
      if (ENTITY_AT.test(text)) return i;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        const cp = ((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        if ((cp >= 0x1d400 && cp <= 0x1d7ff) || UNICODE_DIGIT.test(text.slice(i, i + 2))) return i;
        i++; // the regex steps over a whole code point
        continue;
      }
    }
    if (isFoldedOrInvisible(c) || isOtherDigit(c)) return i;
  }
  return -1;
}

/** Length of the match nextToNormalise found at `start`: an entity, a surrogate pair or one unit. */
function matchLength(text: string, start: number): number {
  const c = text.charCodeAt(start);
  if (c === 0x26) {
    ENTITY_AT.lastIndex = start;
    return ENTITY_AT.exec(text)?.[0].length ?? 1;
  }
  return c >= 0xd800 && c <= 0xdbff ? 2 : 1;
}

/** The single-character class of NEEDS_NORMALISING. */
function isFoldedOrInvisible(c: number): boolean {
  return (
    c === 0xa0 ||
    c === 0xad ||
    c === 0x180e ||
    (c >= 0x2000 && c <= 0x200f) ||
    (c >= 0x2028 && c <= 0x202f) ||
    (c >= 0x205f && c <= 0x2064) ||
    c === 0x20e3 ||
    c === 0x3000 ||
    c === 0xfe0e ||
    c === 0xfe0f ||
    (c >= 0xfe50 && c <= 0xfe6b) ||
    c === 0xfeff ||
    (c >= 0xff01 && c <= 0xff5e)
  );
}

/** 0: not asked yet, 1: not a decimal digit, 2: a non-ASCII decimal digit (BMP, by code unit). */
const OTHER_DIGIT = new Uint8Array(0x10000);

function isOtherDigit(c: number): boolean {
  if (c >= 0xd800 && c <= 0xdfff) return false; // lone surrogate
  let known = OTHER_DIGIT[c];
  if (known === 0) {
    known = UNICODE_DIGIT.test(String.fromCharCode(c)) ? 2 : 1;
    OTHER_DIGIT[c] = known;
  }
  return known === 2;
}

function replacementFor(chars: string): string {
  if (chars.charCodeAt(0) === 0x26 /* & */) return decodeEntity(chars);
  const cp = chars.codePointAt(0) ?? 0;
  if (isInvisible(cp)) return '';
  if (cp === 0x2028 || cp === 0x2029) return '\n';
  if (cp === 0xa0 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x202f || cp === 0x205f || cp === 0x3000) {
    return ' ';
  }
  if (cp >= 0xff01 && cp <= 0xff5e) return String.fromCharCode(cp - 0xfee0);
  UNICODE_DIGIT.lastIndex = 0;
  if (UNICODE_DIGIT.test(chars) && !(cp >= 0x1d400 && cp <= 0x1d7ff)) return String(unicodeDigitValue(cp));
  // Small forms and mathematical alphanumerics: NFKC gives the plain letter, digit or symbol.
  return chars.normalize('NFKC');
}

function isInvisible(cp: number): boolean {
  return (
    cp === 0xad ||
    cp === 0x180e ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2064) ||
    cp === 0xfe0e ||
    cp === 0xfe0f ||
    cp === 0xfeff ||
    cp === 0x20e3
  );
}

function isCombiningMark(c: number): boolean {
  return c === 0xfe0e || c === 0xfe0f || c === 0x20e3;
}

function decodeEntity(entity: string): string {
  HTML_ENTITY.lastIndex = 0;
  const m = HTML_ENTITY.exec(entity);
  if (m === null) return entity;
  const name = entity.toLowerCase();
  return name.includes('64') || name.includes('40') || name === '&commat;' ? '@' : '.';
}

/**
 * Unicode lays out every decimal digit set as ten consecutive code points starting at zero, so the
 * value is the distance from the start of the run of digits (modulo ten for adjacent sets).
 */
export function unicodeDigitValue(cp: number): number {
  let first = cp;
  for (let steps = 0; steps < 60 && isDecimalDigit(first - 1); steps++) first--;
  return (cp - first) % 10;
}

function isDecimalDigit(cp: number): boolean {
  if (cp < 0) return false;
  UNICODE_DIGIT.lastIndex = 0;
  return UNICODE_DIGIT.test(String.fromCodePoint(cp)) || (cp >= 0x30 && cp <= 0x39);
}
