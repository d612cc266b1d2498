import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { InjectThrottlerStorage, type ThrottlerStorage } from '@nestjs/throttler';
import type { Request } from 'express';
import { AppConfig } from '../../infra/config/app-config';
import { AppError } from '../../infra/errors/app-error';

/** Sign-in and registration get a thirtieth of the general per-address budget (20 a minute by default). */
export function authLimitOf(config: AppConfig): number {
  return Math.max(5, Math.floor(config.THROTTLE_LIMIT / 30));
}

/**
 * Per-address limit for login and register, on @nestjs/throttler's storage (shared with the global limit).
 * A guard of our own rather than @Throttle because the limit comes from validated configuration.
 */
@Injectable()
export class AuthRateLimitGuard implements CanActivate {
  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const route = `${context.getClass().name}.${context.getHandler().name}`;
    const ttl = this.config.THROTTLE_TTL_SECONDS * 1000;
    const { isBlocked } = await this.storage.increment(
      `auth:${route}:${req.ip}`,
      ttl,
      authLimitOf(this.config),
      ttl,
      'auth',
    );
    if (isBlocked) throw new AppError('rate_limited', 'Too many attempts from your address, try again later');
    return true;
  }
}
