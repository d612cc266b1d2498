import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { RefreshTokenRecord, SessionRecord } from './session.schema';

export interface Session {
  id: string;
  userId: string;
  expiresAt: Date;
  revoked: boolean;
}

export interface RefreshToken {
  sessionId: string;
  userId: string;
  expiresAt: Date;
  used: boolean;
}

type SessionRow = SessionRecord;
type TokenRow = RefreshTokenRecord & { _id: unknown };

const toSession = (row: SessionRow): Session => ({
  id: row._id,
  userId: row.userId,
  expiresAt: row.expiresAt,
  revoked: !!row.revokedAt,
});
const toToken = (row: TokenRow): RefreshToken => ({
  sessionId: row.sessionId,
  userId: row.userId,
  expiresAt: row.expiresAt,
  used: !!row.usedAt,
});

/** Sessions and their refresh tokens (hashes only). No TTL index (not in the portable query subset); rows are tiny. */
@Injectable()
export class SessionRepository {
  constructor(
    @InjectModel(SessionRecord.name) private readonly sessions: Model<SessionRecord>,
    @InjectModel(RefreshTokenRecord.name) private readonly tokens: Model<RefreshTokenRecord>,
  ) {}

  async createSession(id: string, userId: string, expiresAt: Date): Promise<void> {
    await this.sessions.insertMany([{ _id: id, userId, createdAt: new Date(), expiresAt }]);
  }

  async findSession(id: string): Promise<Session | null> {
    const row = await this.sessions.findById(id).lean<SessionRow>().exec();
    return row ? toSession(row) : null;
  }

  async extendSession(id: string, expiresAt: Date): Promise<void> {
    await this.sessions.updateOne({ _id: id, revokedAt: null }, { $set: { expiresAt } }).exec();
  }

  /** The session this call ended, or null when it had ended already (or never existed). */
  async revokeSession(id: string, reason: string): Promise<Session | null> {
    const row = await this.sessions
      .findOneAndUpdate(
        { _id: id, revokedAt: null },
        { $set: { revokedAt: new Date(), revokedReason: reason } },
        { new: true },
      )
      .lean<SessionRow>()
      .exec();
    return row ? toSession(row) : null;
  }

  /** Every open session of a user, except (optionally) the one making the request. */
  async revokeSessionsOf(userId: string, reason: string, exceptId?: string): Promise<void> {
    const filter: Record<string, unknown> = { userId, revokedAt: null };
    if (exceptId) filter._id = { $ne: exceptId };
    await this.sessions.updateMany(filter, { $set: { revokedAt: new Date(), revokedReason: reason } }).exec();
  }

  async insertToken(tokenHash: string, sessionId: string, userId: string, expiresAt: Date): Promise<void> {
    await this.tokens.insertMany([{ tokenHash, sessionId, userId, expiresAt }]);
  }

  /** Atomically marks an unused token used; null when it was already used (or never existed). */
  async consumeToken(tokenHash: string): Promise<RefreshToken | null> {
    const row = await this.tokens
      .findOneAndUpdate({ tokenHash, usedAt: null }, { $set: { usedAt: new Date() } }, { new: false })
      .lean<TokenRow>()
      .exec();
    return row ? toToken(row) : null;
  }

  async findToken(tokenHash: string): Promise<RefreshToken | null> {
    const row = await this.tokens.findOne({ tokenHash }).lean<TokenRow>().exec();
    return row ? toToken(row) : null;
  }

  async deleteAllOf(userId: string): Promise<void> {
    await Promise.all([
      this.tokens.deleteMany({ userId }).exec(),
      this.sessions.updateMany({ userId, revokedAt: null }, { $set: { revokedAt: new Date() } }).exec(),
    ]);
  }

  /** Retention: sessions that ended (revoked or expired) before `cutoff`, and every token of them. */
  async deleteEndedBefore(cutoff: Date): Promise<number> {
    const ended = { $or: [{ revokedAt: { $lt: cutoff } }, { expiresAt: { $lt: cutoff } }] };
    const rows = await this.sessions.find(ended, { _id: 1 }).lean<SessionRow[]>().exec();
    const ids = rows.map((row) => row._id);
    await this.tokens
      .deleteMany({ $or: [{ sessionId: { $in: ids } }, { expiresAt: { $lt: cutoff } }] })
      .exec();
    return (await this.sessions.deleteMany({ _id: { $in: ids } }).exec()).deletedCount;
  }
}
