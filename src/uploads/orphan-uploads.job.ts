import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../infra/config/app-config';
import { JobLeases } from '../infra/database/job-leases';
import { UploadLifecycleService } from './upload-lifecycle.service';

const JOB = 'orphan-uploads';

/** Uploaded, never posted: purged after UPLOAD_ORPHAN_HOURS. One instance per period runs it (a job lease). */
@Injectable()
export class OrphanUploadsJob implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(OrphanUploadsJob.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly leases: JobLeases,
    private readonly lifecycle: UploadLifecycleService,
  ) {}

  onModuleInit(): void {
    const every = this.config.UPLOAD_SWEEP_MS;
    if (every <= 0) return;
    this.timer = setInterval(() => {
      this.runIfDue().catch((error: unknown) =>
        this.logger.error({ err: (error as Error).message }, 'orphan upload purge failed; retried next tick'),
      );
    }, every);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** The number purged, or null when another instance has this period's run. */
  async runIfDue(now = new Date()): Promise<number | null> {
    const period = Math.max(this.config.UPLOAD_SWEEP_MS, 60_000);
    if (!(await this.leases.claim(JOB, now, new Date(now.getTime() + period)))) return null;
    const purged = await this.lifecycle.purgeOrphans(
      new Date(now.getTime() - this.config.UPLOAD_ORPHAN_HOURS * 3_600_000),
    );
    if (purged > 0) this.logger.log({ purged }, 'orphan uploads purged');
    return purged;
  }
}
