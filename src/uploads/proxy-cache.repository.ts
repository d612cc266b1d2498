import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';

interface ProxyCacheDocument {
  _id: string;
  storageKey: string;
  mime: string;
  fetchedAt: Date;
}

/** The image proxy's cache: sha256 of the external URL → the cleaned image's content address. */
@Injectable()
export class ProxyCacheRepository {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  private get entries() {
    return this.connection.collection<ProxyCacheDocument>('image_proxy_cache');
  }

  async find(urlKey: string, fetchedAfter: Date): Promise<{ storageKey: string; mime: string } | null> {
    const entry = await this.entries.findOne({ _id: urlKey, fetchedAt: { $gt: fetchedAfter } });
    return entry ? { storageKey: entry.storageKey, mime: entry.mime } : null;
  }

  async save(urlKey: string, entry: { storageKey: string; mime: string }, at: Date): Promise<void> {
    await this.entries.updateOne({ _id: urlKey }, { $set: { ...entry, fetchedAt: at } }, { upsert: true });
  }
}
