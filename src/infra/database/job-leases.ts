import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { isDuplicateKey } from './duplicate-key';

interface LeaseDocument {
  _id: string;
  until: Date;
  claimedAt: Date;
}

/**
 * Background jobs that several instances may run (retention): one lease document per job, claimed with one
 * conditional upsert, so exactly one claimer wins until `until`. A claimer that loses the insert race reads as
 * a duplicate key, which means someone else holds it.
 */
@Injectable()
export class JobLeases {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  private get leases() {
    return this.connection.collection<LeaseDocument>('job_leases');
  }

  /** True when this caller now holds `job` until `until` (the previous lease had run out at `now`). */
  async claim(job: string, now: Date, until: Date): Promise<boolean> {
    try {
      const claimed = await this.leases.findOneAndUpdate(
        { _id: job, until: { $lte: now } },
        { $set: { until, claimedAt: now } },
        { upsert: true, returnDocument: 'after' },
      );
      return claimed !== null;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }
}
