import { createHash, timingSafeEqual } from 'node:crypto';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { AppConfig } from '../infra/config/app-config';
import { AppError } from '../infra/errors/app-error';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * /metrics tells route names, error rates and open sockets: with METRICS_TOKEN set, only a scraper sending
 * `Authorization: Bearer <METRICS_TOKEN>` reads it. Unset, it is open in development and test (the bench
 * scripts and specs read it) and refused in production.
 */
@Injectable()
export class MetricsTokenGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const expected = this.config.METRICS_TOKEN;
    if (!expected) {
      if (this.config.NODE_ENV !== 'production') return true;
      throw new AppError('forbidden', 'Metrics are off: set METRICS_TOKEN to read them');
    }
    const header = context.switchToHttp().getRequest<Request>().headers.authorization;
    const sent = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header.trim())?.[1] : undefined;
    // Compared as digests, so the comparison takes the same time whatever the length sent.
    if (!sent || !timingSafeEqual(digest(sent), digest(expected))) {
      throw new AppError('unauthenticated', 'Metrics need Authorization: Bearer <METRICS_TOKEN>');
    }
    return true;
  }
}
