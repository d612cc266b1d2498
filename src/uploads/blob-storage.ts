import type { Readable } from 'node:stream';

/** Where upload bytes live, by content address; disk in development, an S3-compatible bucket in production. */
export abstract class BlobStorage {
  /** Stores `bytes` under `key`; storing the same key again is harmless (same content, same key). */
  abstract put(key: string, bytes: Buffer, mime: string): Promise<void>;
  /** The stored bytes, or null when nothing is stored under `key`. */
  abstract get(key: string): Promise<Readable | null>;
  abstract delete(key: string): Promise<void>;
  abstract has(key: string): Promise<boolean>;
}
