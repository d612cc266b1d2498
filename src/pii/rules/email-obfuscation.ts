import { type MappedText, MappedTextBuilder } from '../offsets';
import { OBFUSCATED_SEPARATOR, SPACED_CHARACTERS } from '../patterns';

/**
 * Undoes the usual ways of hiding an address, keeping offsets: letters typed one by one
 * ("b e n j i @ e x a m p l e . n e t") are closed up, and spelled separators (" at ", "(at)",
 * "[dot]", "-at-", " @ ", " . ", "[.]") become `@` and `.`, swallowing the spaces around them.
 * Returns null when there is nothing to undo, which is most posts.
 * The result is only a search space: every address found in it must still pass the full grammar
 * and TLD check, and prose guards run for the bare word "at".
 */
export function undoEmailObfuscation(normal: MappedText): MappedText | null {
  const collapsed = closeUpSpacedCharacters(normal) ?? normal;
  const rewritten = replaceSpelledSeparators(collapsed);
  if (rewritten === null) return collapsed === normal ? null : collapsed;
  return rewritten;
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
