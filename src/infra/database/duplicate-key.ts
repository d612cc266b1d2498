/**
 * A write refused by a unique index. MongoDB says code 11000; FerretDB 1.24 reports the SQLite unique
 * constraint from findAndModify as code 1 with "UNIQUE constraint failed" in the message.
 */
export function isDuplicateKey(error: unknown): boolean {
  const mongo = error as { code?: number; message?: string } | null;
  return mongo?.code === 11000 || /UNIQUE constraint failed|duplicate key/i.test(mongo?.message ?? '');
}
