import { LETTER_OR_DIGIT, LOOKALIKE_HINT, LOOKALIKE_TOKEN } from '../patterns';

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
  LOOKALIKE_TOKEN.lastIndex = 0;
  for (let m = LOOKALIKE_TOKEN.exec(text); m !== null; m = LOOKALIKE_TOKEN.exec(text)) {
    const token = m[0];
    const end = m.index + token.length;
    if (LETTER_OR_DIGIT.test(text[m.index - 1] ?? ' ') || LETTER_OR_DIGIT.test(text[end] ?? ' ')) continue;
    let digits = 0;
    for (const c of token) if (c >= '0' && c <= '9') digits++;
    if (digits === 0 || digits === token.length || digits * 2 < token.length) continue;
    out += text.slice(copied, m.index);
    for (const c of token) out += DIGIT_FOR[c] ?? c;
    copied = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
