import type { MappedText } from './offsets';
import { CODE_SPAN, URL_SPAN } from './patterns';
import { type RegionHint, findRegionHints, regionsFor } from './region-hints';

/**
 * What every rule needs to know about one post, computed lazily: most posts have no candidate at
 * all, and the region hints and code spans are only worth building when one turns up.
 */
export class ScanContext {
  private hints: RegionHint[] | null = null;
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
    this.hints ??= findRegionHints(this.original);
    const at = this.normal.originalStart(Math.min(i, this.normal.text.length - 1));
    let regions = this.regionsAt.get(at);
    if (regions === undefined) {
      regions = regionsFor(this.hints, at, this.defaultRegion);
      this.regionsAt.set(at, regions);
    }
    return regions;
  }

  /** True when normalised offset `i` is inside a Markdown code span/block or a URL. */
  inCodeOrUrl(i: number): boolean {
    if (this.quotedSpans === null) this.quotedSpans = findSpans(this.normal.text);
    return this.quotedSpans.some(([start, end]) => i >= start && i < end);
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
