import type { Connection } from 'mongoose';

/**
 * Every document of every collection (or of `only`), as one comparable string: take one before a request that
 * must change nothing and compare it with one taken after.
 */
export async function collectionsSnapshot(connection: Connection, only?: string[]): Promise<string> {
  const names =
    only ??
    (await connection.db!.listCollections({}, { nameOnly: true }).toArray())
      .map((collection) => collection.name)
      .sort();
  const result: Record<string, unknown[]> = {};
  for (const name of names) {
    result[name] = await connection.collection(name).find({}).sort({ _id: 1 }).toArray();
  }
  return JSON.stringify(result);
}
