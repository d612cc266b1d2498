/**
 * A write refused by a unique index. MongoDB says code 11000; FerretDB 1.24 reports the SQLite unique
 * constraint from findAndModify as code 1 with "UNIQUE constraint failed" in the message. Only src/infra/database
 * and repositories look at driver errors: they answer AlreadyStored, which services catch.
 */
export function isDuplicateKey(error: unknown): boolean {
  if (error instanceof AlreadyStored) return true;
  const mongo = error as { code?: number; message?: string } | null;
  return mongo?.code === 11000 || /UNIQUE constraint failed|duplicate key/i.test(mongo?.message ?? '');
}

/** A write that a unique value refused (a retried clientId, a second report, a held name or address). */
export class AlreadyStored extends Error {
  constructor(message = 'duplicate key: already stored', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AlreadyStored';
  }
}

/** Runs a repository's write; the engine's duplicate-key error, whichever engine's, comes out as AlreadyStored. */
export async function uniqueWrite<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (error instanceof AlreadyStored || !isDuplicateKey(error)) throw error;
    throw new AlreadyStored(undefined, { cause: error });
  }
}
