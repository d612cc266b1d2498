import type { Finding } from '../finding';
import { SPELLED_GAP, WORD_OR_NUMBER } from '../patterns';
import type { ScanContext } from '../scan-context';
import { LANGUAGE_REGIONS, readSpelledNumber } from './number-words';
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
  const text = ctx.normal.text;
  const tokens: Token[] = [];
  WORD_OR_NUMBER.lastIndex = 0;
  for (let m = WORD_OR_NUMBER.exec(text); m !== null; m = WORD_OR_NUMBER.exec(text)) {
    tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
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
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i];
    const spelled = isNumeric(token.text) ? null : readSpelledNumber(words, i);
    if (!isNumeric(token.text) && spelled === null) {
      if (run.length > 0) flush();
      i++;
      continue;
    }
    const used = spelled?.words ?? 1;
    const item = { digits: spelled?.digits ?? token.text, start: token.start, end: tokens[i + used - 1].end, spelled: spelled !== null };
    const previous = run[run.length - 1];
    if (previous !== undefined && !SPELLED_GAP.test(text.slice(previous.end, item.start))) flush();
    run.push(item);
    languages.push(...(spelled?.languages ?? []));
    i += used;
  }
  if (run.length > 0) flush();
  return findings;
}

function evaluate(ctx: ScanContext, run: Item[], languages: string[]): Finding | null {
  const spelledCount = run.filter((item) => item.spelled).length;
  if (spelledCount < 2) return null;
  const digits = run.map((item) => item.digits).join('');
  if (digits.length < 7 || digits.length > 15) return null;
  const first = run[0];
  const last = run[run.length - 1];
  const text = ctx.normal.text;
  const plus = text[first.start - 1] === '+' || text.slice(Math.max(0, first.start - 5), first.start).toLowerCase() === 'plus ';
  const start = text[first.start - 1] === '+' ? first.start - 1 : first.start;
  const regions = [...new Set([...languages.flatMap((lang) => LANGUAGE_REGIONS[lang as 'en'] ?? []), ...ctx.regions])];
  const reading = plus ? checkInternational(digits) : readNational(digits, regions, true);
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
