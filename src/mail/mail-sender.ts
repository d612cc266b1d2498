import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Counter } from 'prom-client';
import { AppConfig } from '../infra/config/app-config';
import { MetricsService } from '../infra/metrics/metrics.service';
import { FollowUpWorker } from '../infra/outbox/follow-up-worker';
import { UnsubscribeService } from '../privacy/unsubscribe.service';
import { UsersService } from '../users/users.service';
import { layOut } from './mail-layout';
import { MAIL_SEND_STEP, MAIL_SOURCE } from './mail-queue.service';
import { MAIL_TEMPLATES, type MailTemplate } from './mail-templates';
import { MailTransport, PermanentMailError } from './mail-transport';
import type { OutgoingMail } from './outgoing-mail';
import { OutgoingMailRepository } from './outgoing-mail.repository';
import { publicBaseUrl } from '../infra/config/public-url';

/**
 * Sends queued mail: one step of the outbox worker (src/infra/outbox/follow-up-worker.ts), so it is claimed,
 * leased and retried with back-off like post follow-ups, on any number of instances. Preferences, deletion and
 * address changes are checked when the mail goes, not when it was queued.
 */
@Injectable()
export class MailSender implements OnModuleInit {
  private readonly logger = new Logger('Mail');
  private readonly outcomes: Counter<'state' | 'template'>;

  constructor(
    private readonly mails: OutgoingMailRepository,
    private readonly worker: FollowUpWorker,
    private readonly transport: MailTransport,
    private readonly users: UsersService,
    private readonly unsubscribes: UnsubscribeService,
    private readonly config: AppConfig,
    metrics: MetricsService,
  ) {
    this.outcomes = new Counter({
      name: 'parley_mail_total',
      help: 'Mail that left the queue, by outcome (sent, dropped, failed) and template',
      labelNames: ['state', 'template'],
      registers: [metrics.registry],
    });
  }

  onModuleInit(): void {
    this.worker.register<OutgoingMail>({
      name: MAIL_SOURCE,
      model: this.mails.model,
      load: (id) => this.mails.findWithFollowUp(id),
      steps: { [MAIL_SEND_STEP]: (mail) => this.send(mail) },
    });
  }

  private async send(queued: OutgoingMail): Promise<void> {
    if (queued.state !== 'queued' && queued.state !== 'sending') return;
    const refusal = await this.refusal(queued);
    if (refusal) return this.finish(queued, 'dropped', refusal);
    await this.mails.markSending(queued.id);
    // Read again after it stopped gathering: items added since the worker loaded it go out too.
    const mail = (await this.mails.findById(queued.id)) ?? queued;
    const base = publicBaseUrl(this.config);
    const unsubscribeUrl =
      mail.category === 'account' || !mail.userId
        ? null
        : absolute(this.unsubscribes.linkFor(mail.userId, mail.category), base);
    const render = MAIL_TEMPLATES[mail.template] as (
      data: unknown,
      site: string,
    ) => ReturnType<(typeof MAIL_TEMPLATES)[MailTemplate]>;
    const rendered = layOut(render(mail.data, this.config.SITE_NAME), {
      siteName: this.config.SITE_NAME,
      preferencesUrl: `${base}/account`,
      unsubscribeUrl,
    });
    const headers: Record<string, string> = { 'X-Parley-Category': mail.category };
    if (unsubscribeUrl) {
      // RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" to this URL, no sign-in, no page.
      headers['List-Unsubscribe'] = `<${unsubscribeUrl}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    const host = new URL(base).hostname || 'parley.local';
    try {
      await this.transport.send({ to: mail.to, ...rendered, headers, messageId: `<${mail.id}@${host}>` });
    } catch (error) {
      const message = (error as Error).message;
      const attempts = await this.mails.recordFailure(mail.id, message);
      if (error instanceof PermanentMailError) return this.finish(mail, 'failed', message);
      if (attempts >= this.config.MAIL_MAX_ATTEMPTS)
        return this.finish(mail, 'failed', `gave up: ${message}`);
      throw error; // the worker tries again after its back-off
    }
    await this.finish(mail, 'sent', null);
  }

  /** Why this mail must not go (null: it goes). Administrative mail ignores preferences, nothing else does. */
  private async refusal(mail: OutgoingMail): Promise<string | null> {
    if (!mail.userId) return null;
    const user = await this.users.findById(mail.userId);
    if (!user || user.deleted) return 'account deleted';
    if (mail.category === 'account') return null;
    if (user.email !== mail.to) return 'address changed';
    if (!user.emailVerifiedAt) return 'address not verified';
    if (!user.notificationPreferences[mail.category]?.email) return 'turned off';
    return null;
  }

  private async finish(mail: OutgoingMail, state: 'sent' | 'dropped' | 'failed', reason: string | null) {
    await this.mails.finish(mail.id, state, reason);
    this.outcomes.inc({ state, template: mail.template });
    if (state !== 'sent')
      this.logger.warn({ mailId: mail.id, template: mail.template, state, reason }, 'mail not sent');
  }
}

/** linkFor is relative when PUBLIC_URL is unset; a mail needs the whole address. */
const absolute = (link: string, base: string) => (/^https?:\/\//.test(link) ? link : `${base}${link}`);
