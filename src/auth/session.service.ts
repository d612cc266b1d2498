import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../infra/config/app-config';
import { AppError } from '../infra/errors/app-error';
import { EventBus } from '../infra/events/event-bus';
import { ForumEvent, type SessionEndReason } from '../infra/events/forum-events';
import { UserAccountsService } from '../users/user-accounts.service';
import { SessionRepository } from './session.repository';

export interface IssuedRefresh {
  sessionId: string;
  userId: string;
  refreshToken: string;
  expiresAt: Date;
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Refresh tokens: 32 random bytes, stored as SHA-256, rotated on every use. Presenting a token that was
 * already rotated means it was copied: the whole session (token family) is revoked.
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly config: AppConfig,
    private readonly events: EventBus,
    private readonly accounts: UserAccountsService,
  ) {}

  async start(userId: string): Promise<IssuedRefresh> {
    const sessionId = randomUUID();
    const expiresAt = this.expiry();
    await this.sessions.createSession(sessionId, userId, expiresAt);
    await this.accounts.addLiveSession(userId, sessionId, expiresAt);
    return this.issue(sessionId, userId, expiresAt);
  }

  async rotate(refreshToken: string): Promise<IssuedRefresh> {
    const hash = sha256(refreshToken);
    const token = await this.sessions.consumeToken(hash);
    if (!token) {
      const reused = await this.sessions.findToken(hash);
      if (reused) await this.end(reused.sessionId, 'refresh_reused');
      throw new AppError('unauthenticated', 'Your session has ended, please sign in again');
    }
    const session = await this.sessions.findSession(token.sessionId);
    if (!session || session.revoked || session.expiresAt <= new Date() || token.expiresAt <= new Date()) {
      throw new AppError('unauthenticated', 'Your session has ended, please sign in again');
    }
    const expiresAt = this.expiry();
    await this.sessions.extendSession(session.id, expiresAt);
    await this.accounts.extendLiveSession(session.userId, session.id, expiresAt);
    return this.issue(session.id, session.userId, expiresAt);
  }

  /** Logout: the session of this refresh token ends (unknown or reused tokens are ignored). */
  /** The session a refresh token belongs to, used or not; null when it is unknown. */
  async sessionOfRefreshToken(refreshToken: string): Promise<string | null> {
    return (await this.sessions.findToken(sha256(refreshToken)))?.sessionId ?? null;
  }

  async endByRefreshToken(refreshToken: string): Promise<void> {
    const token = await this.sessions.findToken(sha256(refreshToken));
    if (token) await this.end(token.sessionId, 'logout');
  }

  /** The session ends, and then its sockets, on every instance (session.ended). */
  async end(sessionId: string, reason: SessionEndReason | 'account gone'): Promise<void> {
    const ended = await this.sessions.revokeSession(sessionId, reason);
    if (ended) await this.accounts.endLiveSessions(ended.userId, { sessionId });
    if (!ended || reason === 'account gone') return; // deletion disconnects every socket of the account itself
    await this.events.emit(ForumEvent.SessionEnded, { userId: ended.userId, sessionId, reason });
  }

  async endAllOf(userId: string, reason: SessionEndReason, exceptSessionId?: string): Promise<void> {
    await this.sessions.revokeSessionsOf(userId, reason, exceptSessionId);
    await this.accounts.endLiveSessions(userId, { exceptId: exceptSessionId });
    await this.events.emit(ForumEvent.SessionEnded, { userId, reason, exceptSessionId });
  }

  /** Account deletion: no refresh token of the user survives. */
  async forgetAllOf(userId: string): Promise<void> {
    await this.accounts.endLiveSessions(userId, {});
    await this.sessions.deleteAllOf(userId);
  }

  private async issue(sessionId: string, userId: string, expiresAt: Date): Promise<IssuedRefresh> {
    const refreshToken = randomBytes(32).toString('base64url');
    await this.sessions.insertToken(sha256(refreshToken), sessionId, userId, expiresAt);
    return { sessionId, userId, refreshToken, expiresAt };
  }

  private expiry(): Date {
    return new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
  }

  /** Retention: sessions that ended before `cutoff` go with their refresh tokens. */
  purgeEndedBefore(cutoff: Date): Promise<number> {
    return this.sessions.deleteEndedBefore(cutoff);
  }
}
