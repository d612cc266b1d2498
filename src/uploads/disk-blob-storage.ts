import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { BlobStorage } from './blob-storage';

const KEY = /^sha256\/[0-9a-f]{64}$/;

/** Blobs as files under one folder: `<dir>/sha256/ab/<hex>`, written to a temporary name and renamed. */
export class DiskBlobStorage extends BlobStorage {
  constructor(private readonly dir: string) {
    super();
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${randomBytes(6).toString('hex')}.part`;
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  }

  async get(key: string): Promise<Readable | null> {
    if (!(await this.has(key))) return null;
    return createReadStream(this.pathOf(key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async has(key: string): Promise<boolean> {
    return stat(this.pathOf(key)).then(
      (info) => info.isFile(),
      () => false,
    );
  }

  private pathOf(key: string): string {
    // Keys are made here (sha256 of the content), never taken from a request; the check keeps it that way.
    if (!KEY.test(key)) throw new Error(`not a storage key: ${key}`);
    const hex = key.slice('sha256/'.length);
    return join(this.dir, 'sha256', hex.slice(0, 2), hex);
  }
}
