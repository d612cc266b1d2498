import type { MappedText } from './offsets';
import { CODE_SPAN, URL_SPAN } from './patterns';
import { RegionHintIndex, findRegionHints } from './region-hints';

/**
 * What every rule needs to know about one post, computed lazily: most posts have no candidate at
 * all, and the region hints and code spans are only worth building when one turns up.
 */
export class ScanContext {
  private hints: RegionHintIndex | null = null;
  private quotedSpans: Array<readonly [number, number]> | null = null;
  /** regionsNear answers by original offset: every cut of a run and every spelled run asks again. */
  private readonly regionsAt = new Map<number, readonly string[]>();

  constructor(
    readonly original: string,
    readonly normal: MappedText,
    readonly defaultRegion: string,
  ) {}

  /** Regions to read a national number at normalised offset `i` in (see regionsFor). */
  regionsNear(i: number): readonly string[] {
    this.hints ??= new RegionHintIndex(findRegionHints(this.original));
    const at = this.normal.originalStart(Math.min(i, this.normal.text.length - 1));
    let regions = this.regionsAt.get(at);
    if (regions === undefined) {
      regions = this.hints.regionsAt(at, this.defaultRegion);
      this.regionsAt.set(at, regions);
    }
    return regions;
  }

  /** True when normalised offset `i` is inside a Markdown code span/block or a URL. */
  inCodeOrUrl(i: number): boolean {
    if (this.quotedSpans === null) this.quotedSpans = mergeSpans(findSpans(this.normal.text));
    // Binary search over disjoint sorted spans: a linear search per candidate was quadratic.
    const spans = this.quotedSpans;
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (spans[mid][1] <= i) lo = mid + 1;
      else if (spans[mid][0] > i) hi = mid - 1;
      else return true;
    }
    return false;
  }
}

function findSpans(text: string): Array<readonly [number, number]> {
  const spans: Array<readonly [number, number]> = [];
  for (const pattern of [CODE_SPAN, URL_SPAN]) {
    if (pattern === CODE_SPAN && !text.includes('`')) continue;
    if (pattern === URL_SPAN && !text.includes('://')) continue;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text))
      spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

/** Sorted, overlapping spans joined (code spans may hold URLs). */
function mergeSpans(spans: Array<readonly [number, number]>): Array<readonly [number, number]> {
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
