import { EMAIL_CC_TLD, HINT_WORD, SCRIPT_HINTS } from './patterns';
import { REGION_WORDS, UPPERCASE_REGION_WORDS } from './region-words';

/**
 * Regions a post is probably written for, most specific first: places and demonyms named in the
 * text ("I'm in Lyon", "UK mobile", "Chennai"), country-code TLDs of addresses in it, currency
 * signs, language cue words, and the script of the text or of its digits. National numbers are
 * tried in these regions before the default one, because the hint says where the number lives.
 */
export function hintedRegions(original: string): string[] {
  const regions: string[] = [];
  const add = (list: readonly string[]): void => {
    for (const region of list) if (!regions.includes(region)) regions.push(region);
  };
  const lower = original.toLowerCase();
  let previous = '';
  HINT_WORD.lastIndex = 0;
  for (let m = HINT_WORD.exec(original); m !== null; m = HINT_WORD.exec(original)) {
    const word = lower.slice(m.index, m.index + m[0].length);
    const pair = previous === '' ? '' : `${previous} ${word}`;
    if (pair !== '') add(REGION_WORDS.get(pair) ?? []);
    add(REGION_WORDS.get(word) ?? []);
    for (const part of word.includes('-') ? word.split('-') : []) add(REGION_WORDS.get(part) ?? []);
    add(UPPERCASE_REGION_WORDS.get(m[0]) ?? []);
    previous = word;
  }
  EMAIL_CC_TLD.lastIndex = 0;
  for (let m = EMAIL_CC_TLD.exec(original); m !== null; m = EMAIL_CC_TLD.exec(original)) {
    const tld = m[1].toUpperCase();
    add([tld === 'UK' ? 'GB' : tld]);
  }
  for (const [sign, list] of CURRENCY_HINTS) if (original.includes(sign)) add(list);
  for (const [script, list] of SCRIPT_HINTS) if (script.test(original)) add(list);
  return regions;
}

const CURRENCY_HINTS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['R$', ['BR']],
  ['£', ['GB']],
  ['₹', ['IN']],
  ['₦', ['NG']],
  ['¥', ['JP']],
  ['zł', ['PL']],
  ['₽', ['RU']],
  ['₺', ['TR']],
  ['₩', ['KR']],
  ['A$', ['AU']],
  ['C$', ['CA']],
];
