import { NON_ASCII_LETTER } from './patterns';

/**
 * Calls `visit(start, end)` for each run of letters in `text[from, to)`. A hand-written scanner:
 * a regex `exec` loop allocates a match per word, which was the main cost of scanning posts for
 * place names, number words and context words.
 */
export function forEachWord(
  text: string,
  from: number,
  to: number,
  visit: (start: number, end: number) => void,
): void {
  let start = -1;
  for (let i = from; i < to; i++) {
    const letter = isLetterAt(text, i);
    if (letter && start === -1) start = i;
    else if (!letter && start !== -1) {
      visit(start, i);
      start = -1;
    }
  }
  if (start !== -1) visit(start, to);
}

export function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  return NON_ASCII_LETTER.test(text[i]);
}

/**
 * `\b(?:word|…)\b|(?:wörd|…)` for plain words (letters, spaces, hyphens), longest first so a longer
 * name wins over its prefix. JavaScript's `\b` is ASCII-only, so words that start or end with a
 * non-ASCII letter go in a second group without it, and callers re-check boundaries with
 * `isWholeWord`. One `\b` around the whole group (not per word) keeps V8 on its fast path for
 * literal alternations; the pattern is linear either way.
 */
export function wordAlternation(words: readonly string[], flags: string): RegExp {
  const sorted = [...words].sort((a, b) => b.length - a.length);
  for (const word of sorted) {
    for (const c of word) if (!isPlainWordChar(c)) throw new Error(`not a plain word: ${word}`);
  }
  const asciiEdged = sorted.filter(
    (w) => isAsciiLetter(w.charCodeAt(0)) && isAsciiLetter(w.charCodeAt(w.length - 1)),
  );
  const others = sorted.filter((w) => !asciiEdged.includes(w));
  const groups = [`\\b(?:${asciiEdged.join('|')})\\b`];
  if (others.length > 0) groups.push(`(?:${others.join('|')})`);
  return new RegExp(groups.join('|'), flags);
}

/** True when the match `[start, end)` is a whole word (no letter right before or after). */
export function isWholeWord(text: string, start: number, end: number): boolean {
  return !(start > 0 && isLetterAt(text, start - 1)) && !(end < text.length && isLetterAt(text, end));
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isPlainWordChar(c: string): boolean {
  return c === ' ' || c === '-' || c === "'" || isLetterAt(c, 0);
}
