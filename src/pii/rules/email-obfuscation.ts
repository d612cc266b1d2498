import { MappedText, MappedTextBuilder } from '../offsets';
import {
  AT_OR_SPELLED_AT,
  OBFUSCATED_SEPARATOR,
  SPACED_CHARACTERS,
  SPELLED_AT_HINT,
  SPELLED_DOT_HINT,
} from '../patterns';

/**
 * Undoes the usual ways of hiding an address, keeping offsets: letters typed one by one
 * ("b e n j i @ e x a m p l e . n e t") are closed up, and spelled separators (" at ", "(at)",
 * "[dot]", "-at-", " @ ", " . ", "[.]") become `@` and `.`, swallowing the spaces around them.
 * Returns null when there is nothing to undo, which is most posts.
 * The result is only a search space: every address found in it must still pass the full grammar
 * and TLD check, and prose guards run for the bare word "at".
 *
 * Only lines that can hold an address after the rewrite are rewritten and returned (an address
 * never spans a line break, and neither do the patterns): lines with an `@` or a spelled "at".
 * A line without either cannot gain an `@`; a line the rewrite leaves unchanged would only yield
 * the addresses the plain pass already found. The result is those lines, each with its line
 * break, one after the other.
 */
export function undoEmailObfuscation(normal: MappedText): MappedText | null {
  const text = normal.text;
  const pieces: MappedText[] = [];
  AT_OR_SPELLED_AT.lastIndex = 0;
  for (let m = AT_OR_SPELLED_AT.exec(text); m !== null; m = AT_OR_SPELLED_AT.exec(text)) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const newline = text.indexOf('\n', m.index);
    const lineEnd = newline === -1 ? text.length : newline + 1;
    const rewritten = undoInLine(normal.slice(lineStart, lineEnd));
    if (rewritten !== null) pieces.push(rewritten);
    AT_OR_SPELLED_AT.lastIndex = lineEnd;
  }
  return pieces.length === 0 ? null : MappedText.concat(pieces);
}

function undoInLine(line: MappedText): MappedText | null {
  const text = line.text;
  // An `@` typed among spaced letters has a space beside it; without one there is nothing to
  // close up. Without a spelled at/dot (or a collapse that may have formed one), no separator.
  const collapsed =
    (text.includes('@ ') || text.includes(' @') ? closeUpSpacedCharacters(line) : null) ?? line;
  if (collapsed === line && !hasSpelledSeparator(text)) return null;
  const rewritten = replaceSpelledSeparators(collapsed);
  if (rewritten === null) return collapsed === line ? null : collapsed;
  return rewritten;
}

/** A superset test for OBFUSCATED_SEPARATOR: the core of every match is one of these. */
function hasSpelledSeparator(text: string): boolean {
  return SPELLED_AT_HINT.test(text) || SPELLED_DOT_HINT.test(text);
}

function closeUpSpacedCharacters(source: MappedText): MappedText | null {
  const text = source.text;
  if (!text.includes('@')) return null;
  let builder: MappedTextBuilder | null = null;
  let copied = 0;
  SPACED_CHARACTERS.lastIndex = 0;
  for (let m = SPACED_CHARACTERS.exec(text); m !== null; m = SPACED_CHARACTERS.exec(text)) {
    if (!m[0].includes('@')) continue;
    builder ??= new MappedTextBuilder(source);
    builder.copy(copied, m.index);
    const end = m.index + m[0].length;
    for (let i = m.index; i < end; i++) if (text[i] !== ' ') builder.copy(i, i + 1);
    copied = end;
  }
  if (builder === null) return null;
  builder.copy(copied, text.length);
  return builder.build();
}

function replaceSpelledSeparators(source: MappedText): MappedText | null {
  const text = source.text;
  let builder: MappedTextBuilder | null = null;
  let copied = 0;
  OBFUSCATED_SEPARATOR.lastIndex = 0;
  for (let m = OBFUSCATED_SEPARATOR.exec(text); m !== null; m = OBFUSCATED_SEPARATOR.exec(text)) {
    let from = m.index;
    let to = from + m[0].length;
    // Absorb up to three spaces either side ("tanja (at) example"), never text already copied.
    for (let n = 0; n < 3 && from > copied && isBlank(text[from - 1]); n++) from--;
    for (let n = 0; n < 3 && to < text.length && isBlank(text[to]); n++) to++;
    builder ??= new MappedTextBuilder(source);
    builder.copy(copied, from);
    builder.emit(m[1] !== undefined ? '@' : '.', from, to);
    copied = to;
    OBFUSCATED_SEPARATOR.lastIndex = to;
  }
  if (builder === null) return null;
  builder.copy(copied, text.length);
  return builder.build();
}

function isBlank(c: string): boolean {
  return c === ' ' || c === '\t';
}
