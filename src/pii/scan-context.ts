import type { MappedText } from './offsets';
import { CODE_SPAN, URL_SPAN } from './patterns';
import { hintedRegions } from './region-hints';

/**
 * What every rule needs to know about one post, computed lazily: most posts have no candidate at
 * all, and the region hints and code spans are only worth building when one turns up.
 */
export class ScanContext {
  private regionList: string[] | null = null;
  private quotedSpans: Array<readonly [number, number]> | null = null;

  constructor(
    readonly original: string,
    readonly normal: MappedText,
    readonly defaultRegion: string,
  ) {}

  /** Hinted regions first (the post says where it is), then the default region. */
  get regions(): readonly string[] {
    if (this.regionList === null) {
      const hinted = hintedRegions(this.original);
      this.regionList = hinted.includes(this.defaultRegion) ? hinted : [...hinted, this.defaultRegion];
    }
    return this.regionList;
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
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}
