import { Injectable } from '@nestjs/common';
import { FollowUpWorker } from '../infra/outbox/follow-up-worker';
import type { MailTemplate } from './mail-templates';
import type { NewMail } from './outgoing-mail';
import { OutgoingMailRepository } from './outgoing-mail.repository';

export const MAIL_SOURCE = 'mail';
export const MAIL_SEND_STEP = 'send';

/**
 * The one way to send mail: the mail is stored first (recipient, template, data), then sent after the answer by
 * the outbox worker, retried with back-off while SMTP is down. A request never waits for SMTP and never fails
 * because of it.
 */
@Injectable()
export class MailQueue {
  constructor(
    private readonly mails: OutgoingMailRepository,
    private readonly worker: FollowUpWorker,
  ) {}

  async enqueue<T extends MailTemplate>(mail: NewMail<T>): Promise<string> {
    const stored = await this.mails.insert(mail, this.worker.pending([MAIL_SEND_STEP]));
    this.worker.start(MAIL_SOURCE, stored.id);
    return stored.id;
  }

  /**
   * Gathers events into one mail per `key` (recipient and topic), sent when `quietMs` has passed since the first
   * of them: one mail per topic and quiet period, not one per reply. Idempotent per `onceKey`.
   */
  async gather<T extends MailTemplate>(
    key: string,
    mail: NewMail<T>,
    item: { listField: string; value: unknown; onceKey: string },
    quietMs: number,
  ): Promise<void> {
    const followUp = this.worker.pending([MAIL_SEND_STEP], new Date());
    followUp.due = new Date(Date.now() + quietMs);
    await this.mails.gather(key, mail, item, followUp);
  }

  /** Redaction: removed values leave the mail still waiting to go. */
  replaceInPending(removed: Array<{ value: string; label: string }>): Promise<number> {
    return this.mails.replaceInPending(removed);
  }

  dropPendingFor(userId: string): Promise<number> {
    return this.mails.dropPendingFor(userId);
  }
}
