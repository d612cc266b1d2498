/**
 * Where a document is (its _id) by another key that never changes for it, for documents this process wrote or
 * read: a post by topic and number, a user by lower-cased username. Callers read the document by _id and check
 * the key still matches; an unknown key is looked up by its fields as before. At most `limit` entries are kept,
 * the oldest dropped first.
 *
 * Why: FerretDB 1.24 filters on any field but _id by reading every document of the collection (bench:http, a
 * quote's post looked up by number: 205 ms at 10 connections; docs/benchmarks.md). By _id it reads one.
 * On MongoDB both are index lookups.
 */
export class IdDirectory {
  private readonly ids = new Map<string, string>();

  constructor(private readonly limit = 200_000) {}

  /**
   * The documents for `keys`: those seen before read by _id (and kept only when `keyOf` still gives their key),
   * the others through `byFields`, and remembered.
   */
  async find<T extends { id: string }>(
    keys: string[],
    keyOf: (doc: T) => string | null,
    byId: (id: string) => Promise<T | null>,
    byFields: (keys: string[]) => Promise<T[]>,
  ): Promise<T[]> {
    const known: Array<T | null> = await Promise.all(
      keys.map(async (key): Promise<T | null> => {
        const id = this.ids.get(key);
        const doc = id ? await byId(id) : null;
        return doc && keyOf(doc) === key ? doc : null;
      }),
    );
    const found = known.filter((doc): doc is T => doc !== null);
    const seen = new Set(found.map(keyOf));
    const missing = keys.filter((key) => !seen.has(key));
    if (missing.length === 0) return found;
    const looked = await byFields(missing);
    for (const doc of looked) {
      const key = keyOf(doc);
      if (key !== null) this.remember(key, doc.id);
    }
    return [...found, ...looked];
  }

  get(key: string): string | undefined {
    return this.ids.get(key);
  }

  /** A key now held by another document (a name freed by erasure and taken again) points to the new one. */
  remember(key: string, id: string): void {
    if (this.ids.get(key) === id) return;
    this.ids.delete(key);
    if (this.ids.size >= this.limit) this.ids.delete(this.ids.keys().next().value as string);
    this.ids.set(key, id);
  }
}
