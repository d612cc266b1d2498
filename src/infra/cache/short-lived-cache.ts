/**
 * Values read by one request that serve the next ones for `ttlMs`, counted from the end of the read (on a slow
 * engine a read can take longer than the TTL). Readers of a missing key wait for one read instead of sending
 * one each; a failed read is not kept. The repository that owns the records calls `forget` after each of its
 * writes, so on this instance a value never outlives a change; other instances see it within `ttlMs`.
 * Callers get their own copy (`copy`), so changing it cannot change what others get.
 */
export class ShortLivedCache<T> {
  private readonly entries = new Map<string, { value: Promise<T>; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly copy: (value: T) => T,
  ) {}

  async get(key: string, load: () => Promise<T>): Promise<T> {
    const cached = this.entries.get(key);
    if (cached && cached.until > Date.now()) return this.copy(await cached.value);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    const entry = { value: load(), until: Infinity };
    this.entries.set(key, entry);
    entry.value.then(
      () => (entry.until = Date.now() + this.ttlMs),
      () => this.entries.get(key) === entry && this.entries.delete(key),
    );
    return this.copy(await entry.value);
  }

  /** After a write to the record under `key`, or to records of unknown or several keys (no argument). */
  forget(key?: string): void {
    if (key === undefined) this.entries.clear();
    else this.entries.delete(key);
  }
}
