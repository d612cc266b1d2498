import type { Connection, Query, Schema } from 'mongoose';

/**
 * FerretDB 1.24 on SQLite runs an update as read-modify-write of the whole document without isolation, so two
 * updates of one document racing each other lose one: measured, 20 `$push` raced by 20 `$set` of another field
 * and one `$set: { locked: true }` kept 6 of the 20 items, a stale value and `locked: false`. MongoDB applies each
 * update atomically, so this exists only for FerretDB (the local and test engine).
 *
 * On FerretDB every update of this process takes a lock first: an update addressed to one document (`_id`
 * equality) waits for the updates of that document; any other filter (upserts by natural key, `updateMany`)
 * waits for everything pending on the collection. Locks last one database round trip and never nest.
 * Several app instances on one FerretDB are not covered: run MongoDB for that (docker-compose.yml).
 */
export class CollectionWriteLocks {
  private readonly collections = new Map<string, CollectionState>();

  /** Resolves when the write may start, with the function that lets the next one go. */
  async acquire(collection: string, documentId: string | null): Promise<() => void> {
    const state = this.stateOf(collection);
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    let before: Promise<void>[];
    if (documentId === null) {
      before = [state.wide, ...state.pending];
      state.wide = done;
    } else {
      before = [state.wide, state.documents.get(documentId) ?? RESOLVED];
      state.documents.set(documentId, done);
      state.pending.add(done);
      void done.then(() => {
        state.pending.delete(done);
        if (state.documents.get(documentId) === done) state.documents.delete(documentId);
      });
    }
    await Promise.all(before);
    return release;
  }

  private stateOf(collection: string): CollectionState {
    let state = this.collections.get(collection);
    if (!state) {
      state = { wide: RESOLVED, documents: new Map(), pending: new Set() };
      this.collections.set(collection, state);
    }
    return state;
  }
}

interface CollectionState {
  /** The last write by a filter other than `_id`: everything after it waits for it. */
  wide: Promise<void>;
  documents: Map<string, Promise<void>>;
  /** Document writes not finished yet: a wide write waits for all of them. */
  pending: Set<Promise<void>>;
}

const RESOLVED = Promise.resolve();

const UPDATES: ('updateOne' | 'updateMany' | 'findOneAndUpdate' | 'replaceOne' | 'findOneAndReplace')[] = [
  'updateOne',
  'updateMany',
  'findOneAndUpdate',
  'replaceOne',
  'findOneAndReplace',
];

/** `updateOne` and `replaceOne` are document middleware too: only the query form is hooked. */
const QUERY_ONLY = { document: false, query: true } as const;

/** The one document an update's filter names by `_id` equality, else null (the whole collection). */
export function targetDocument(filter: Record<string, unknown>): string | null {
  const id = filter._id;
  if (typeof id === 'string') return id;
  if (id && typeof id === 'object' && '_bsontype' in id) return String(id);
  return null;
}

/** A mongoose plugin that puts every update of the schema's model behind `locks`. */
export function serialiseUpdates(locks: CollectionWriteLocks) {
  const releases = new WeakMap<object, () => void>();
  const releaseFor = (query: object) => {
    releases.get(query)?.();
    releases.delete(query);
  };
  return (schema: Schema) => {
    schema.pre(UPDATES, QUERY_ONLY, async function lock(this: Query<unknown, unknown>) {
      const release = await locks.acquire(this.model.collection.name, targetDocument(this.getFilter()));
      releases.set(this, release);
    });
    schema.post(UPDATES, QUERY_ONLY, function unlock(this: Query<unknown, unknown>) {
      releaseFor(this);
    });
    schema.post(
      UPDATES,
      QUERY_ONLY,
      function unlockOnError(
        this: Query<unknown, unknown>,
        error: Error,
        _res: unknown,
        next: (err?: Error) => void,
      ) {
        releaseFor(this);
        next(error);
      },
    );
  };
}

/** Installs the locks when the server is FerretDB (its buildInfo says so); a no-op on MongoDB. */
export async function lockWritesOnFerretDb(connection: Connection): Promise<Connection> {
  const info = await connection.db!.admin().command({ buildInfo: 1 });
  if (info.ferretdbVersion) connection.plugin(serialiseUpdates(new CollectionWriteLocks()));
  return connection;
}
