/**
 * A string derived from the user's text, with a map from each of its UTF-16 units back to the
 * range of the original text that produced it. Rules search the derived text and report spans in
 * original offsets, so a finding always covers what the user actually typed (entities, invisible
 * characters, spelled-out separators and all).
 *
 * `starts[i]`/`ends[i]` are original offsets for derived unit i. `null` arrays mean identity,
 * which keeps the common all-ASCII post free of allocations.
 */
export class MappedText {
  private constructor(
    readonly text: string,
    private readonly starts: Int32Array | null,
    private readonly ends: Int32Array | null,
    /** For identity maps: original offset of derived unit 0 (a slice of the original). */
    private readonly offset = 0,
  ) {}

  static identity(text: string): MappedText {
    return new MappedText(text, null, null);
  }

  /** Derived units `[from, to)` as a MappedText of their own, still mapping to the original. */
  slice(from: number, to: number): MappedText {
    const text = this.text.slice(from, to);
    if (this.starts === null || this.ends === null)
      return new MappedText(text, null, null, this.offset + from);
    return new MappedText(text, this.starts.subarray(from, to), this.ends.subarray(from, to));
  }

  /** The pieces one after the other, each unit keeping its original range. */
  static concat(pieces: readonly MappedText[]): MappedText {
    if (pieces.length === 1) return pieces[0];
    const text = pieces.map((piece) => piece.text).join('');
    const starts = new Int32Array(text.length);
    const ends = new Int32Array(text.length);
    let at = 0;
    for (const piece of pieces) {
      piece.writeRanges(0, piece.text.length, starts, ends, at);
      at += piece.text.length;
    }
    return new MappedText(text, starts, ends);
  }

  static fromArrays(text: string, starts: Int32Array, ends: Int32Array): MappedText {
    return new MappedText(text, starts, ends);
  }

  get isIdentity(): boolean {
    return this.starts === null;
  }

  /** Original offset where derived unit `i` begins. */
  originalStart(i: number): number {
    return this.starts === null ? i + this.offset : this.starts[i];
  }

  /** Original offset just after derived unit `i`. */
  originalEnd(i: number): number {
    return this.ends === null ? i + 1 + this.offset : this.ends[i];
  }

  /** Original `[start, end)` covering derived `[from, to)`; `to > from`. */
  toOriginal(from: number, to: number): { start: number; end: number } {
    return { start: this.originalStart(from), end: this.originalEnd(to - 1) };
  }

  /** Writes the original ranges of derived units `[from, to)` into the arrays, starting at `at`. */
  writeRanges(from: number, to: number, starts: Int32Array, ends: Int32Array, at: number): void {
    if (this.starts === null || this.ends === null) {
      for (let i = from, k = at; i < to; i++, k++) {
        starts[k] = i + this.offset;
        ends[k] = i + 1 + this.offset;
      }
      return;
    }
    starts.set(this.starts.subarray(from, to), at);
    ends.set(this.ends.subarray(from, to), at);
  }

  /** True when derived `[from, to)` is a verbatim copy of the original (same length, no rewrite). */
  isVerbatim(from: number, to: number): boolean {
    if (this.starts === null) return true;
    const { start, end } = this.toOriginal(from, to);
    return end - start === to - from;
  }
}

/**
 * Builds a MappedText on top of another one. Offsets are composed as we go, so the result maps
 * straight to the user's original text however many passes were stacked.
 */
export class MappedTextBuilder {
  private parts: string[] = [];
  private starts: Int32Array;
  private ends: Int32Array;
  private length = 0;

  constructor(private readonly source: MappedText) {
    const capacity = Math.max(16, source.text.length);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  /** Copies source units `[from, to)` unchanged. */
  copy(from: number, to: number): void {
    if (to <= from) return;
    this.parts.push(this.source.text.slice(from, to));
    this.reserve(to - from);
    this.source.writeRanges(from, to, this.starts, this.ends, this.length);
    this.length += to - from;
  }

  /** Emits `replacement`; every unit of it maps to the whole source range `[from, to)`. */
  emit(replacement: string, from: number, to: number): void {
    if (replacement.length === 0) return;
    this.parts.push(replacement);
    this.reserve(replacement.length);
    const start = this.source.originalStart(from);
    const end = this.source.originalEnd(to - 1);
    for (let k = 0; k < replacement.length; k++) {
      this.starts[this.length] = start;
      this.ends[this.length] = end;
      this.length++;
    }
  }

  /**
   * Makes the unit emitted last also cover the dropped source units `[from, to)` when they follow it
   * directly (a variation selector or keycap mark after a digit).
   */
  extendLast(from: number, to: number): void {
    if (this.length > 0 && this.ends[this.length - 1] === this.source.originalStart(from)) {
      this.ends[this.length - 1] = this.source.originalEnd(to - 1);
    }
  }

  build(): MappedText {
    return MappedText.fromArrays(
      this.parts.join(''),
      this.starts.subarray(0, this.length),
      this.ends.subarray(0, this.length),
    );
  }

  private reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.starts.length) return;
    const capacity = Math.max(needed, this.starts.length * 2);
    const starts = new Int32Array(capacity);
    const ends = new Int32Array(capacity);
    starts.set(this.starts.subarray(0, this.length));
    ends.set(this.ends.subarray(0, this.length));
    this.starts = starts;
    this.ends = ends;
  }
}
