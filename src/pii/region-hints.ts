import { EMAIL_CC_TLD, REGIONAL_SCRIPT_RUN } from './patterns';
import {
  REGION_WORDS,
  REGION_WORD_PATTERN,
  UPPERCASE_REGION_WORDS,
  UPPERCASE_REGION_WORD_PATTERN,
} from './region-words';
import { isWholeWord } from './words';

/** A place in the text that says which region(s) the post is about. */
export interface RegionHint {
  index: number;
  regions: readonly string[];
}

/**
 * Where a post says it is: places and demonyms ("I'm in Lyon", "UK mobile", "Chennai"), language
 * cue words ("Handy", "joignable", "ligue"), country-code TLDs of addresses, currency signs, and
 * the script of the text or of its digits (Devanagari digits hint India). Positions are kept so a
 * number can prefer the hints written near it.
 */
export function findRegionHints(original: string): RegionHint[] {
  const hints: RegionHint[] = [];
  for (const [pattern, table, lower] of WORD_TABLES) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(original); m !== null; m = pattern.exec(original)) {
      const end = m.index + m[0].length;
      const regions = table.get(lower ? m[0].toLowerCase() : m[0]);
      if (regions !== undefined && isWholeWord(original, m.index, end))
        hints.push({ index: m.index, regions });
    }
  }
  for (let at = original.indexOf('@'); at !== -1; at = original.indexOf('@', at + 1)) {
    EMAIL_CC_TLD.lastIndex = at;
    const m = EMAIL_CC_TLD.exec(original);
    if (m === null) continue;
    const tld = m[1].toUpperCase();
    hints.push({ index: m.index, regions: [tld === 'UK' ? 'GB' : tld] });
  }
  for (const [sign, regions] of CURRENCY_HINTS) {
    const index = original.indexOf(sign);
    if (index !== -1) hints.push({ index, regions });
  }
  REGIONAL_SCRIPT_RUN.lastIndex = 0;
  const seen = new Set<readonly string[]>();
  for (let m = REGIONAL_SCRIPT_RUN.exec(original); m !== null; m = REGIONAL_SCRIPT_RUN.exec(original)) {
    // A run can mix scripts (kanji then kana in "横浜の店舗"), so look at each character.
    for (let i = 0; i < m[0].length && seen.size < SCRIPT_RANGES.length; i++) {
      const regions = scriptRegions(m[0].charCodeAt(i));
      if (regions !== undefined && !seen.has(regions)) {
        seen.add(regions);
        hints.push({ index: m.index + i, regions });
      }
    }
  }
  // Kanji are Chinese characters too: next to kana they are Japanese ("電話090-…まで").
  const kana = hints.find((hint) => hint.regions === SCRIPT_RANGES[0][2]);
  if (kana !== undefined) {
    for (const hint of hints) if (hint.regions === HAN_REGIONS) hint.regions = kana.regions;
  }
  return hints;
}

/**
 * Regions to read a national number at `index` in: hints within `near` characters (closest
 * first), then the default region, then the other hints. A nearby hint beats the default because
 * it names where the number lives ("347 812 4590 … zona Bologna" is Italian even though it is
 * also a valid New York number).
 */
export function regionsFor(
  hints: readonly RegionHint[],
  index: number,
  defaultRegion: string,
  near = 300,
): string[] {
  return new RegionHintIndex(hints).regionsAt(index, defaultRegion, near);
}

/**
 * regionsFor over one post's hints, asked once per candidate: hints sorted by position (the nearby
 * ones are found by binary search) and each distinct region list once, in order of first
 * appearance. A far list that is also near was already added, so visiting each distinct list once
 * gives what visiting every far hint did, at a cost bounded by the number of regions, not hints.
 */
export class RegionHintIndex {
  private readonly byIndex: RegionHint[];
  private readonly distinct: Array<readonly string[]> = [];

  constructor(hints: readonly RegionHint[]) {
    this.byIndex = [...hints].sort((a, b) => a.index - b.index);
    const seen = new Set<string>();
    for (const hint of hints) {
      const key = hint.regions.join();
      if (seen.has(key)) continue;
      seen.add(key);
      this.distinct.push(hint.regions);
    }
  }

  regionsAt(index: number, defaultRegion: string, near = 300): string[] {
    if (this.byIndex.length === 0) return [defaultRegion];
    const regions: string[] = [];
    const nearby: RegionHint[] = [];
    for (let i = this.firstAtOrAfter(index - near); i < this.byIndex.length; i++) {
      if (this.byIndex[i].index > index + near) break;
      nearby.push(this.byIndex[i]);
    }
    // Stable: equally distant hints keep their order of position.
    if (nearby.length > 1) nearby.sort((a, b) => Math.abs(a.index - index) - Math.abs(b.index - index));
    for (const hint of nearby) addRegions(regions, hint.regions);
    if (!regions.includes(defaultRegion)) regions.push(defaultRegion);
    for (const list of this.distinct) addRegions(regions, list);
    return regions;
  }

  private firstAtOrAfter(index: number): number {
    let lo = 0;
    let hi = this.byIndex.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.byIndex[mid].index < index) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function addRegions(regions: string[], list: readonly string[]): void {
  for (const region of list) if (!regions.includes(region)) regions.push(region);
}

const HAN_REGIONS: readonly string[] = ['CN', 'TW', 'HK'];

/** Scripts used mainly in one region or a few: Japanese kana, Hangul, Devanagari digits, … */
const SCRIPT_RANGES: ReadonlyArray<readonly [number, number, readonly string[]]> = [
  [0x3040, 0x30ff, ['JP']],
  [0xac00, 0xd7af, ['KR']],
  [0x0600, 0x06ff, ['SA', 'AE', 'EG']],
  [0x0900, 0x097f, ['IN']],
  [0x0980, 0x09ff, ['BD', 'IN']],
  [0x0b80, 0x0bff, ['IN', 'LK']],
  [0x0400, 0x04ff, ['RU', 'UA']],
  [0x0e00, 0x0e7f, ['TH']],
  [0x0590, 0x05ff, ['IL']],
  [0x0370, 0x03ff, ['GR']],
  [0x4e00, 0x9fff, HAN_REGIONS],
];

function scriptRegions(c: number): readonly string[] | undefined {
  return SCRIPT_RANGES.find(([from, to]) => c >= from && c <= to)?.[2];
}

const WORD_TABLES: ReadonlyArray<readonly [RegExp, ReadonlyMap<string, readonly string[]>, boolean]> = [
  [REGION_WORD_PATTERN, REGION_WORDS, true],
  [UPPERCASE_REGION_WORD_PATTERN, UPPERCASE_REGION_WORDS, false],
];

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
