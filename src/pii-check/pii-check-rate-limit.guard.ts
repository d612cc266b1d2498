import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { InjectThrottlerStorage, type ThrottlerStorage } from '@nestjs/throttler';
import type { AuthUser } from '../auth/access-policy';
import { AppConfig } from '../infra/config/app-config';
import { AppError } from '../infra/errors/app-error';

const MINUTE_MS = 60_000;

/**
 * PII_CHECK_LIMIT_PER_MINUTE live checks per signed-in user, on @nestjs/throttler's storage. Per user, not per
 * address: the budget is sized for one typist, and a whole office behind one address types at once. A guard of
 * our own rather than @Throttle because the limit comes from validated configuration; it runs after the global
 * access guard, so the caller is known.
 */
@Injectable()
export class PiiCheckRateLimitGuard implements CanActivate {
  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (!user) return true; // the access guard has already refused anonymous callers
    const limit = this.config.PII_CHECK_LIMIT_PER_MINUTE;
    const { isBlocked, timeToBlockExpire } = await this.storage.increment(
      `pii-check:${user.id}`,
      MINUTE_MS,
      limit,
      MINUTE_MS,
      'pii-check',
    );
    if (!isBlocked) return true;
    const retryAfterSeconds = Math.max(1, timeToBlockExpire);
    throw new AppError('rate_limited', 'Too many checks: slow down to the pace of typing', {
      retryAfterSeconds,
    });
  }
}
