import { Injectable } from '@nestjs/common';
import { AppConfig } from '../infra/config/app-config';
import { publicBaseUrl } from '../infra/config/public-url';
import { AppError } from '../infra/errors/app-error';
import { MailQueue } from '../mail/mail-queue.service';
import { normalizeEmail } from '../users/user.repository';
import { UserAccountsService } from '../users/user-accounts.service';
import { AccountTokenRepository, addressKey } from './account-token.repository';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import { assertStrongPassword } from './password-policy';
import { SessionService } from './session.service';

const HOUR_MS = 3_600_000;

/**
 * "Forgot password": a single-use, expiring link (only its hash is stored) mailed to the account's address.
 * The answer is the same whether or not the address belongs to an account, so the form reveals nobody.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly accounts: UserAccountsService,
    private readonly tokens: AccountTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottleService,
    private readonly mail: MailQueue,
    private readonly config: AppConfig,
  ) {}

  /**
   * Throttled per address (counted whether or not it exists, so the limit reveals nothing) and per account
   * (past the limit no more mail goes, with the same answer).
   */
  async request(email: string): Promise<void> {
    const limit = this.config.ACCOUNT_MAIL_PER_HOUR;
    if (!(await this.tokens.countRequest(`reset:address:${addressKey(email)}`, limit, HOUR_MS))) {
      throw new AppError('rate_limited', 'Too many reset requests for this address; try again in an hour');
    }
    const user = await this.accounts.findByEmail(email);
    // Found by the address's normalised form, so only its holder (never an account stored without its claim).
    if (!user || user.deleted || !user.email || !user.holdsEmail) return;
    if (!(await this.tokens.countRequest(`reset:user:${user.id}`, limit, HOUR_MS))) return;
    const minutes = this.config.PASSWORD_RESET_TTL_MINUTES;
    const token = await this.tokens.issue(user.id, 'reset-password', user.email, minutes * 60_000);
    await this.mail.enqueue({
      to: user.email,
      userId: user.id,
      template: 'password-reset',
      category: 'account',
      data: {
        username: user.username,
        url: `${publicBaseUrl(this.config)}/reset-password?token=${encodeURIComponent(token)}`,
        minutes,
      },
    });
  }

  /** Sets the new password, ends every session and clears the sign-in lock; the token works once. */
  async reset(token: string, password: string): Promise<void> {
    // Checked before the token is spent, so a refused password leaves the link usable.
    assertStrongPassword(password);
    const used = await this.tokens.consume(token, 'reset-password');
    const user = used ? await this.accounts.findById(used.userId) : null;
    if (!used || !user || user.deleted) {
      throw new AppError('link_invalid', 'This reset link is not valid, was already used or has expired', {
        field: 'token',
      });
    }
    await this.accounts.setPasswordHash(user.id, await this.hasher.hash(password));
    await this.sessions.endAllOf(user.id, 'password_changed');
    await this.throttle.clearLogin(user.username);
    if (user.email) await this.throttle.clearLogin(user.email);
    // Proof the link reached the address: it is verified now, if it still is the account's.
    if (user.email && normalizeEmail(user.email) === normalizeEmail(used.email)) {
      await this.accounts.markEmailVerified(user.id, used.email);
    }
    if (user.email) {
      await this.mail.enqueue({
        to: user.email,
        userId: user.id,
        template: 'password-changed',
        category: 'account',
        data: { username: user.username },
      });
    }
  }
}
