import { MappedText, MappedTextBuilder } from './offsets';
import { HTML_ENTITY, NEEDS_NORMALISING, UNICODE_DIGIT } from './patterns';

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
  NEEDS_NORMALISING.lastIndex = 0;
  if (!NEEDS_NORMALISING.test(text)) return source;

  const out = new MappedTextBuilder(source);
  NEEDS_NORMALISING.lastIndex = 0;
  let copied = 0;
  for (let m = NEEDS_NORMALISING.exec(text); m !== null; m = NEEDS_NORMALISING.exec(text)) {
    const from = m.index;
    const to = from + m[0].length;
    out.copy(copied, from);
    const replacement = replacementFor(m[0]);
    if (replacement.length > 0) out.emit(replacement, from, to);
    // Variation selectors and the keycap mark belong to the character before them (6️⃣).
    else if (isCombiningMark(m[0].charCodeAt(0))) out.extendLast(from, to);
    copied = to;
  }
  out.copy(copied, text.length);
  return out.build();
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
