import type { Finding } from '../finding';
import { SPELLED_GAP, WORD_OR_NUMBER } from '../patterns';
import type { ScanContext } from '../scan-context';
import { isLetterAt, isWholeWord } from '../words';
import { LANGUAGE_REGIONS, NUMBER_WORD_PATTERN, readSpelledNumber } from './number-words';
import { checkInternational } from './phone-numbering';
import { readNational } from './phone-reading';

interface Token {
  text: string;
  start: number;
  end: number;
}

interface Item {
  digits: string;
  start: number;
  end: number;
  spelled: boolean;
}

/**
 * Phone numbers dictated in words, alone or mixed with digits: "oh seven four double oh, one two
 * three", "415-five-five-five-0130", "zéro sept, soixante-huit, …". A run needs two or more spelled
 * items and 7-15 digits. Nobody spells out seven digits in a row for anything but a number to
 * dial, so a run that libphonenumber cannot place is still reported when it is long and mostly
 * spelled (a local number such as "five five five, zero one two five").
 */
export function findSpelledPhones(ctx: ScanContext): Finding[] {
  const findings: Finding[] = [];
  for (const [from, to] of numberWordClusters(ctx.normal.text)) findings.push(...findInWindow(ctx, from, to));
  return findings;
}

/**
 * Stretches with two or more number words close together, padded to take in digit groups next to
 * them ("415-five-five-five-0130"). Most posts have none, so the full tokeniser rarely runs.
 */
function numberWordClusters(text: string): Array<readonly [number, number]> {
  const windows: Array<[number, number]> = [];
  let clusterStart = -1;
  let lastEnd = -1;
  let count = 0;
  const close = (): void => {
    if (count >= 2) {
      const from = Math.max(0, clusterStart - 24);
      const to = Math.min(text.length, lastEnd + 24);
      const previous = windows[windows.length - 1];
      if (previous !== undefined && from <= previous[1]) previous[1] = to;
      else windows.push([from, to]);
    }
  };
  NUMBER_WORD_PATTERN.lastIndex = 0;
  for (let m = NUMBER_WORD_PATTERN.exec(text); m !== null; m = NUMBER_WORD_PATTERN.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isWholeWord(text, start, end)) continue;
    if (lastEnd !== -1 && start - lastEnd > 16) {
      close();
      count = 0;
    }
    if (count === 0) clusterStart = start;
    count++;
    lastEnd = end;
  }
  close();
  return windows;
}

function findInWindow(ctx: ScanContext, from: number, to: number): Finding[] {
  const text = ctx.normal.text;
  const window = text.slice(from, to);
  const tokens: Token[] = [];
  WORD_OR_NUMBER.lastIndex = 0;
  for (let m = WORD_OR_NUMBER.exec(window); m !== null; m = WORD_OR_NUMBER.exec(window)) {
    tokens.push({ text: m[0], start: from + m.index, end: from + m.index + m[0].length });
  }
  // A window cut through a word or number would invent a token; drop the edge ones.
  if (tokens.length > 0 && from > 0 && isWordChar(text, from - 1)) tokens.shift();
  if (tokens.length > 0 && to < text.length && isWordChar(text, to)) tokens.pop();
  const words = tokens.map((token) => token.text.toLowerCase());
  const findings: Finding[] = [];
  let run: Item[] = [];
  let languages: string[] = [];
  const flush = (): void => {
    const finding = evaluate(ctx, run, languages);
    if (finding !== null) findings.push(finding);
    run = [];
    languages = [];
  };
  for (let i = 0; i < tokens.length;) {
    const token = tokens[i];
    const spelled = isNumeric(token.text) ? null : readSpelledNumber(words, i);
    if (!isNumeric(token.text) && spelled === null) {
      if (run.length > 0) flush();
      i++;
      continue;
    }
    const used = Math.min(spelled?.words ?? 1, tokens.length - i);
    const item = {
      digits: spelled?.digits ?? token.text,
      start: token.start,
      end: tokens[i + used - 1].end,
      spelled: spelled !== null,
    };
    const previous = run[run.length - 1];
    if (previous !== undefined && !SPELLED_GAP.test(text.slice(previous.end, item.start))) flush();
    run.push(item);
    languages.push(...(spelled?.languages ?? []));
    i += used;
  }
  if (run.length > 0) flush();
  return findings;
}

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 0x30 && c <= 0x39) || isLetterAt(text, i);
}

function evaluate(ctx: ScanContext, run: Item[], languages: string[]): Finding | null {
  const spelledCount = run.filter((item) => item.spelled).length;
  if (spelledCount < 2) return null;
  const digits = run.map((item) => item.digits).join('');
  if (digits.length < 7 || digits.length > 15) return null;
  const first = run[0];
  const last = run[run.length - 1];
  const text = ctx.normal.text;
  const plus =
    text[first.start - 1] === '+' ||
    text.slice(Math.max(0, first.start - 5), first.start).toLowerCase() === 'plus ';
  const start = text[first.start - 1] === '+' ? first.start - 1 : first.start;
  const regions = [
    ...new Set([
      ...languages.flatMap((lang) => LANGUAGE_REGIONS[lang as 'en'] ?? []),
      ...ctx.regionsNear(first.start),
    ]),
  ];
  // Seven digits or fewer is a local number no region validates; skip the parses.
  const reading = plus
    ? checkInternational(digits)
    : digits.length <= 7
      ? null
      : readNational(digits, regions, true);
  const confident = reading?.valid === true;
  const longAndSpelled = spelledCount >= 5;
  if (!confident && reading === null && !longAndSpelled) return null;
  if (!confident && reading !== null && !longAndSpelled && spelledCount < 3) return null;
  const span = ctx.normal.toOriginal(start, last.end);
  return {
    type: 'phone',
    start: span.start,
    end: span.end,
    text: ctx.original.slice(span.start, span.end),
    normalized: reading?.e164 ?? digits,
    confidence: confident ? 0.85 : 0.65,
    rule: 'phone.spelled-digits',
  };
}

function isNumeric(token: string): boolean {
  const c = token.charCodeAt(0);
  return c >= 0x30 && c <= 0x39;
}
