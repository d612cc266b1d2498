import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKey } from '../infra/database/duplicate-key';
import { normalizeEmail } from '../users/user.repository';
import {
  AccountMailRequestRecord,
  AccountTokenRecord,
  type AccountTokenPurpose,
} from './account-token.schema';

export interface UsedToken {
  userId: string;
  email: string;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** An address as a request counter's key: hashed, so account_mail_requests keeps no address. */
export const addressKey = (email: string) => hashOf(normalizeEmail(email));

/** The only code that touches account_tokens and account_mail_requests. */
@Injectable()
export class AccountTokenRepository {
  constructor(
    @InjectModel(AccountTokenRecord.name) private readonly tokens: Model<AccountTokenRecord>,
    @InjectModel(AccountMailRequestRecord.name) private readonly requests: Model<AccountMailRequestRecord>,
  ) {}

  /** A new token (returned once, to be mailed); earlier unused ones for the same purpose stop working. */
  async issue(userId: string, purpose: AccountTokenPurpose, email: string, ttlMs: number): Promise<string> {
    const now = new Date();
    await this.tokens.updateMany({ userId, purpose, usedAt: null }, { $set: { usedAt: now } }).exec();
    const token = randomBytes(32).toString('base64url');
    await this.tokens.insertMany([
      {
        _id: hashOf(token),
        userId,
        purpose,
        email,
        createdAt: now,
        expiresAt: new Date(now.getTime() + ttlMs),
      },
    ]);
    return token;
  }

  /** Single use: one conditional update marks it used, so two clicks or two tabs cannot both succeed. */
  async consume(token: string, purpose: AccountTokenPurpose, now = new Date()): Promise<UsedToken | null> {
    if (typeof token !== 'string' || token.length === 0) return null;
    const row = await this.tokens
      .findOneAndUpdate(
        { _id: hashOf(token), purpose, usedAt: null, expiresAt: { $gt: now } },
        { $set: { usedAt: now } },
        { new: true },
      )
      .lean<AccountTokenRecord>()
      .exec();
    return row ? { userId: row.userId, email: row.email } : null;
  }

  /** Counts one request under `key`; false once more than `limit` fell in the current window. */
  async countRequest(key: string, limit: number, windowMs: number, now = new Date()): Promise<boolean> {
    const windowOpen = new Date(now.getTime() - windowMs);
    const counted = await this.requests
      .findOneAndUpdate({ _id: key, windowStart: { $gt: windowOpen } }, { $inc: { count: 1 } }, { new: true })
      .lean<AccountMailRequestRecord>()
      .exec();
    if (counted) return counted.count <= limit;
    try {
      await this.requests
        .updateOne(
          { _id: key, windowStart: { $lte: windowOpen } },
          { $set: { windowStart: now, count: 1 } },
          { upsert: true },
        )
        .exec();
    } catch (error) {
      // Another request opened the window at the same moment: count this one in it.
      if (!isDuplicateKey(error)) throw error;
      return this.countRequest(key, limit, windowMs, now);
    }
    return true;
  }

  async deleteFor(userId: string): Promise<void> {
    await this.tokens.deleteMany({ userId }).exec();
  }
}
