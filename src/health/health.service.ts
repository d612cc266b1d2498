import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';

export type CheckState = 'up' | 'down';

/** Other modules (Redis) register extra checks here; health reports each by name. */
export interface HealthCheck {
  name: string;
  check(): Promise<CheckState>;
}

export const HEALTH_CHECKS = 'parley:health-checks';

@Injectable()
export class HealthService {
  private readonly extra: HealthCheck[] = [];

  constructor(@InjectConnection() private readonly connection: Connection) {}

  register(check: HealthCheck): void {
    this.extra.push(check);
  }

  async report(): Promise<{ status: 'ok' | 'error'; checks: Record<string, CheckState> }> {
    const checks: Record<string, CheckState> = { database: await this.database() };
    for (const extra of this.extra)
      checks[extra.name] = await withTimeout(extra.check(), 2000).catch(() => 'down');
    const status = Object.values(checks).every((state) => state === 'up') ? 'ok' : 'error';
    return { status, checks };
  }

  private async database(): Promise<CheckState> {
    if (this.connection.readyState !== 1 || !this.connection.db) return 'down';
    try {
      await withTimeout(this.connection.db.admin().ping(), 2000);
      return 'up';
    } catch {
      return 'down';
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    );
  });
}
