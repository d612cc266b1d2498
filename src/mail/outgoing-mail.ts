import type { NotificationKind } from '../users/user';
import type { MailTemplate, MailTemplateData } from './mail-templates';

/**
 * Why a mail is sent, which decides whether preferences apply: `account` mail (verification, password reset,
 * security notices) is administrative and goes out whatever the preferences say; every other category is a
 * notification kind the recipient can turn off, and carries a one-click List-Unsubscribe for that kind.
 */
export type MailCategory = 'account' | NotificationKind;

export type MailState = 'queued' | 'sending' | 'sent' | 'dropped' | 'failed';

/** One mail in the outgoing queue: stored first, then sent by the worker (src/mail/mail-sender.ts). */
export interface OutgoingMail<T extends MailTemplate = MailTemplate> {
  id: string;
  to: string;
  /** The account it is for, when there is one (preferences and deletion are checked at send time). */
  userId: string | null;
  template: T;
  category: MailCategory;
  /** What the template renders; cleared once the mail is sent or dropped (it may hold a one-time link). */
  data: MailTemplateData[T];
  state: MailState;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface NewMail<T extends MailTemplate = MailTemplate> {
  to: string;
  userId: string | null;
  template: T;
  category: MailCategory;
  data: MailTemplateData[T];
}
