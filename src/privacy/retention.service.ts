import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { AuditRetentionService } from '../audit/audit-retention.service';
import { LoginThrottleService } from '../auth/login-throttle.service';
import { SessionService } from '../auth/session.service';
import { AppConfig } from '../infra/config/app-config';
import { JobLeases } from '../infra/database/job-leases';

const DAY_MS = 86_400_000;
const JOB = 'retention';

export interface RetentionRun {
  loginAttempts: number;
  sessions: number;
  auditEntries: number;
}

/**
 * Keeps what the privacy statement promises (docs/moderation.md, "Retention"): failed sign-in counts, ended
 * sessions with their refresh tokens, and audit entries go once older than their RETENTION_* period. Every
 * instance ticks every RETENTION_SWEEP_MS; the lease lets one of them run per period.
 */
@Injectable()
export class RetentionService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RetentionService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly leases: JobLeases,
    private readonly throttle: LoginThrottleService,
    private readonly sessions: SessionService,
    private readonly audit: AuditRetentionService,
  ) {}

  onModuleInit(): void {
    const every = this.config.RETENTION_SWEEP_MS;
    if (every <= 0) return;
    this.timer = setInterval(() => {
      this.runIfDue().catch((error: unknown) =>
        this.logger.error({ err: (error as Error).message }, 'retention run failed; retried next tick'),
      );
    }, every);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Claims this period's run; null when another instance (or an earlier call) already has it. */
  async runIfDue(now = new Date()): Promise<RetentionRun | null> {
    const period = Math.max(this.config.RETENTION_SWEEP_MS, 60_000);
    if (!(await this.leases.claim(JOB, now, new Date(now.getTime() + period)))) return null;
    return this.purge(now);
  }

  private async purge(now: Date): Promise<RetentionRun> {
    const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
    const auditDays = this.config.RETENTION_AUDIT_DAYS;
    const run: RetentionRun = {
      loginAttempts: await this.throttle.purgeBefore(before(this.config.RETENTION_LOGIN_ATTEMPTS_DAYS)),
      sessions: await this.sessions.purgeEndedBefore(before(this.config.RETENTION_SESSIONS_DAYS)),
      // 0: the audit log is kept for good.
      auditEntries: auditDays > 0 ? await this.audit.purgeOlderThan(before(auditDays)) : 0,
    };
    this.logger.log(run, 'retention: expired records purged');
    return run;
  }
}
