import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ForumsService } from '../forums/forums.service';
import { AppConfig } from '../infra/config/app-config';
import { publicBaseUrl } from '../infra/config/public-url';
import { JobLeases } from '../infra/database/job-leases';
import { MailQueue } from '../mail/mail-queue.service';
import type { Topic } from '../posts/topic';
import { TopicRepository } from '../posts/topic.repository';
import { toAuthUser, type User } from '../users/user';
import { UserAccountsService } from '../users/user-accounts.service';

const DAY_MS = 86_400_000;
const JOB = 'digest';
const BATCH = 100;
/** Topics in one digest, and how many recently active ones are ranked to choose them. */
const TOPICS = 10;
const CANDIDATES = 200;

/**
 * The periodic mailing the privacy policy speaks of: every DIGEST_INTERVAL_DAYS, to each account that turned
 * `mailings` by email on (at registration or in its settings) and confirmed its address, the most replied-to
 * topics active since its last digest, in forums it can read. One instance runs it per period (a job lease), and
 * each account is claimed before its mail is queued, so a rerun or a second instance never mails it twice.
 */
@Injectable()
export class DigestService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DigestService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly leases: JobLeases,
    private readonly accounts: UserAccountsService,
    private readonly forums: ForumsService,
    private readonly topics: TopicRepository,
    private readonly mail: MailQueue,
  ) {}

  onModuleInit(): void {
    const every = this.config.DIGEST_SWEEP_MS;
    if (every <= 0 || this.config.DIGEST_INTERVAL_DAYS === 0) return;
    this.timer = setInterval(() => {
      this.runIfDue().catch((error: unknown) =>
        this.logger.error({ err: (error as Error).message }, 'digest run failed; retried next tick'),
      );
    }, every);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async runIfDue(now = new Date()): Promise<number | null> {
    const period = Math.max(this.config.DIGEST_SWEEP_MS, 60_000);
    if (!(await this.leases.claim(JOB, now, new Date(now.getTime() + period)))) return null;
    return this.run(now);
  }

  /** Queues the digests that are due; answers how many. */
  async run(now = new Date()): Promise<number> {
    const days = this.config.DIGEST_INTERVAL_DAYS;
    if (days === 0) return 0;
    const cutoff = new Date(now.getTime() - days * DAY_MS);
    let queued = 0;
    let after: string | null = null;
    for (;;) {
      const batch: User[] = await this.accounts.findDigestRecipients(after, BATCH);
      if (batch.length === 0) return queued;
      after = batch[batch.length - 1].id;
      for (const user of batch) if (await this.digestFor(user, cutoff, now, days)) queued += 1;
    }
  }

  private async digestFor(user: User, cutoff: Date, now: Date, days: number): Promise<boolean> {
    if (!user.email) return false;
    const previous = await this.accounts.claimDigest(user.id, cutoff, now);
    if (!previous) return false; // had its digest this period
    const since = new Date(Math.max(previous.getTime(), cutoff.getTime()));
    const forums = await this.forums.listReadable(toAuthUser(user));
    const names = new Map(forums.map((forum) => [forum.id, forum.name]));
    const candidates = await this.topics.recentInForums([...names.keys()], CANDIDATES);
    const popular = candidates
      .filter((topic: Topic) => new Date(topic.lastActivityAt) > since)
      .sort((a, b) => b.replyCount - a.replyCount)
      .slice(0, TOPICS);
    if (popular.length === 0) return false; // nothing happened: no mail saying so
    const base = publicBaseUrl(this.config);
    await this.mail.enqueue({
      to: user.email,
      userId: user.id,
      template: 'digest',
      category: 'mailings',
      data: {
        username: user.username,
        days,
        topics: popular.map((topic) => ({
          title: topic.title,
          forumName: names.get(topic.forumId) ?? '',
          replies: topic.replyCount,
          url: `${base}/t/${topic.id}`,
        })),
      },
    });
    return true;
  }
}
