import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError } from '../infra/errors/app-error';
import { LoginAttemptRepository } from './login-attempt.repository';

/** Failures allowed before any delay; then 5 s, doubling per further failure, at most 15 minutes. */
export const FREE_FAILURES = 4;
const FIRST_DELAY_MS = 5_000;
const MAX_DELAY_MS = 15 * 60_000;

export function delayAfter(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES - 1), MAX_DELAY_MS);
}

/** One counter per (login name, client address) pair, hashed so neither is stored as typed. */
const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');
const loginOf = (login: string) => sha256(login.trim().toLowerCase());
const keyOf = (login: string, address: string) => sha256(`${login.trim().toLowerCase()}\n${address}`);

/**
 * Brute-force defence by (account, address) pair: an increasing delay after repeated failures for the same
 * login name from the same address. A stranger's failures from another address never delay the owner (the
 * probe kept a victim out with one wrong password per 15 minutes when the lock was per account alone); guessing
 * spread over many addresses is bounded by each address's own delay and the per-address sign-in rate limit.
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly attempts: LoginAttemptRepository) {}

  async assertAllowed(login: string, address: string): Promise<void> {
    const until = await this.attempts.lockedUntil(keyOf(login, address));
    const waitMs = until ? until.getTime() - Date.now() : 0;
    if (waitMs > 0) {
      const retryAfterSeconds = Math.ceil(waitMs / 1000);
      throw new AppError('rate_limited', 'Too many failed sign-ins, wait before trying again', {
        retryAfterSeconds,
      });
    }
  }

  async recordFailure(login: string, address: string): Promise<void> {
    const key = keyOf(login, address);
    const now = new Date();
    const delay = delayAfter(await this.attempts.addFailure(key, loginOf(login), now));
    if (delay > 0) await this.attempts.lock(key, new Date(now.getTime() + delay));
  }

  recordSuccess(login: string, address: string): Promise<void> {
    return this.attempts.clear(keyOf(login, address));
  }

  /** A password reset proved the owner: the delay of that login name ends at every address. */
  clearLogin(login: string): Promise<void> {
    return this.attempts.clearLogin(loginOf(login));
  }

  /** Retention: failures older than `cutoff` are forgotten (a lock lasts 15 minutes at most). */
  purgeBefore(cutoff: Date): Promise<number> {
    return this.attempts.deleteUpdatedBefore(cutoff);
  }
}
