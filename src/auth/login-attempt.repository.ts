import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { upsertReturning } from '../infra/database/upserts';
import { LoginAttemptRecord } from './login-attempt.schema';

@Injectable()
export class LoginAttemptRepository {
  constructor(@InjectModel(LoginAttemptRecord.name) private readonly attempts: Model<LoginAttemptRecord>) {}

  async lockedUntil(key: string): Promise<Date | null> {
    const row = await this.attempts.findOne({ key }).lean<LoginAttemptRecord>().exec();
    return row?.lockedUntil ?? null;
  }

  /** Atomically counts one more failure and returns the new count. */
  async addFailure(key: string, login: string, at: Date): Promise<number> {
    const row = await upsertReturning<LoginAttemptRecord>(
      this.attempts,
      { key },
      { $inc: { failures: 1 }, $set: { updatedAt: at, login } },
      { setDefaultsOnInsert: false },
    );
    return row.failures;
  }

  async lock(key: string, until: Date): Promise<void> {
    await this.attempts.updateOne({ key }, { $set: { lockedUntil: until } }).exec();
  }

  async clear(key: string): Promise<void> {
    await this.attempts.deleteOne({ key }).exec();
  }

  /** Every address's failures for one login name. */
  async clearLogin(login: string): Promise<void> {
    await this.attempts.deleteMany({ login }).exec();
  }

  /** Retention: failure counts not touched since `cutoff`. */
  async deleteUpdatedBefore(cutoff: Date): Promise<number> {
    return (await this.attempts.deleteMany({ updatedAt: { $lt: cutoff } }).exec()).deletedCount;
  }
}
