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

const keyOf = (login: string) => createHash('sha256').update(login.trim().toLowerCase()).digest('base64url');

/** Per-account brute-force defence: an increasing delay after repeated failures for the same login name. */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly attempts: LoginAttemptRepository) {}

  async assertAllowed(login: string): Promise<void> {
    const until = await this.attempts.lockedUntil(keyOf(login));
    const waitMs = until ? until.getTime() - Date.now() : 0;
    if (waitMs > 0) {
      const retryAfterSeconds = Math.ceil(waitMs / 1000);
      throw new AppError('rate_limited', 'Too many failed sign-ins, wait before trying again', {
        retryAfterSeconds,
      });
    }
  }

  async recordFailure(login: string): Promise<void> {
    const key = keyOf(login);
    const now = new Date();
    const delay = delayAfter(await this.attempts.addFailure(key, now));
    if (delay > 0) await this.attempts.lock(key, new Date(now.getTime() + delay));
  }

  recordSuccess(login: string): Promise<void> {
    return this.attempts.clear(keyOf(login));
  }

  /** Retention: failures older than `cutoff` are forgotten (a lock lasts 15 minutes at most). */
  purgeBefore(cutoff: Date): Promise<number> {
    return this.attempts.deleteUpdatedBefore(cutoff);
  }
}
