import { Injectable } from '@nestjs/common';
import { AppConfig } from '../infra/config/app-config';
import { publicBaseUrl } from '../infra/config/public-url';
import { AppError } from '../infra/errors/app-error';
import { MailQueue } from '../mail/mail-queue.service';
import { toAccountView, type AccountView, type User } from '../users/user';
import { normalizeEmail } from '../users/user.repository';
import { UserAccountsService } from '../users/user-accounts.service';
import { AccountTokenRepository, addressKey } from './account-token.repository';

const HOUR_MS = 3_600_000;

/**
 * Addresses are confirmed by a link mailed to them: at registration, and on every change, where the new address
 * is used only once confirmed and the old one is told. Verification mail is administrative (no preferences).
 */
@Injectable()
export class EmailVerificationService {
  constructor(
    private readonly accounts: UserAccountsService,
    private readonly tokens: AccountTokenRepository,
    private readonly mail: MailQueue,
    private readonly config: AppConfig,
  ) {}

  /**
   * Mails the confirmation link for the account's current address (registration, "send it again"). An address
   * the account does not hold (another account's, given at registration) gets the owner's notice instead.
   */
  async sendForCurrent(user: User): Promise<void> {
    if (!user.email || user.emailVerifiedAt) return;
    if (!user.holdsEmail) return this.noticeAddressInUse(user.email);
    await this.sendLink(user, user.email, false);
  }

  /** To the owner of an address someone else asked to use: no link, so the request cannot complete. */
  private async noticeAddressInUse(email: string): Promise<void> {
    await this.mail.enqueue({
      to: email.trim(),
      userId: null,
      template: 'address-in-use',
      category: 'account',
      data: {},
    });
  }

  /** Throttled per account; a verified address is not mailed again. */
  async resend(userId: string): Promise<void> {
    const user = await this.accounts.findById(userId);
    if (!user || user.deleted) return;
    await this.assertWithinLimit(`verify:user:${userId}`);
    if (user.pendingEmail) return this.sendLink(user, user.pendingEmail, true);
    await this.sendForCurrent(user);
  }

  /**
   * Registration and PATCH /me ask for an address: throttled per address (ACCOUNT_MAIL_PER_HOUR), counted whether
   * or not another account holds it, so the limit says nothing about the address while its owner's notices stay few.
   */
  async assertAddressWithinLimit(email: string): Promise<void> {
    const limit = this.config.ACCOUNT_MAIL_PER_HOUR;
    if (!(await this.tokens.countRequest(`verify:address:${addressKey(email)}`, limit, HOUR_MS))) {
      throw new AppError('rate_limited', 'Too many requests for this address; try again in an hour', {
        field: 'email',
      });
    }
  }

  /** PATCH /me with a new address: held as pending, the link goes to it, the current address gets a notice. */
  async requestChange(user: User, email: string): Promise<User> {
    if (normalizeEmail(email) === normalizeEmail(user.email ?? '')) {
      return (await this.accounts.cancelEmailChange(user.id)) ?? user;
    }
    await this.assertWithinLimit(`verify:user:${user.id}`);
    await this.assertAddressWithinLimit(email);
    // The same answer whether or not another account holds the address (no enumeration through PATCH /me):
    // its owner gets a notice instead of a confirmation link, so the change can never complete.
    const taken = await this.accounts.isEmailTaken(email);
    const updated = await this.accounts.requestEmailChange(user.id, email);
    if (taken) {
      await this.noticeAddressInUse(email);
    } else {
      await this.sendLink(updated, email.trim(), true);
    }
    if (user.email && user.holdsEmail) {
      await this.mail.enqueue({
        to: user.email,
        userId: user.id,
        template: 'email-change-notice',
        category: 'account',
        data: { username: user.username, newAddress: email.trim() },
      });
    }
    return updated;
  }

  /** The link's token, once: confirms the current address or switches to the pending one. */
  async confirm(token: string): Promise<AccountView> {
    const used = await this.tokens.consume(token, 'verify-email');
    const invalid = () =>
      new AppError('link_invalid', 'This confirmation link is not valid, was already used or has expired', {
        field: 'token',
      });
    if (!used) throw invalid();
    const user = await this.accounts.findById(used.userId);
    if (!user || user.deleted) throw invalid();
    const target = normalizeEmail(used.email);
    if (target === normalizeEmail(user.email ?? '')) {
      await this.accounts.markEmailVerified(user.id, used.email);
    } else if (user.pendingEmail && normalizeEmail(user.pendingEmail) === target) {
      return toAccountView(await this.accounts.confirmNewEmail(user.id, user.pendingEmail));
    } else {
      throw invalid(); // a later change asked for another address: this link no longer applies
    }
    return toAccountView((await this.accounts.findById(user.id)) ?? user);
  }

  private async sendLink(user: User, email: string, change: boolean): Promise<void> {
    const hours = this.config.EMAIL_VERIFICATION_TTL_HOURS;
    const token = await this.tokens.issue(user.id, 'verify-email', email, hours * HOUR_MS);
    await this.mail.enqueue({
      to: email,
      userId: user.id,
      template: 'verify-email',
      category: 'account',
      data: {
        username: user.username,
        url: `${publicBaseUrl(this.config)}/verify-email?token=${encodeURIComponent(token)}`,
        hours,
        change,
      },
    });
  }

  private async assertWithinLimit(key: string): Promise<void> {
    if (!(await this.tokens.countRequest(key, this.config.ACCOUNT_MAIL_PER_HOUR, HOUR_MS))) {
      throw new AppError('rate_limited', 'Too many confirmation mails asked for; try again in an hour');
    }
  }
}
