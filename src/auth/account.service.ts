import { Injectable } from '@nestjs/common';
import { AppError } from '../infra/errors/app-error';
import { toAccountView, type AccountView } from '../users/user';
import { UserAccountsService } from '../users/user-accounts.service';
import { UsersService } from '../users/users.service';
import type { AuthUser } from './access-policy';
import { EmailVerificationService } from './email-verification.service';
import { PasswordHasher } from './password-hasher';
import { assertStrongPassword } from './password-policy';
import { SessionService } from './session.service';

export interface ProfileInput {
  displayName?: string;
  email?: string;
}

/** The signed-in user's own account: see and correct personal data, change the password. */
@Injectable()
export class AccountService {
  constructor(
    private readonly users: UsersService,
    private readonly accounts: UserAccountsService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly verification: EmailVerificationService,
  ) {}

  async me(user: AuthUser): Promise<AccountView> {
    return toAccountView(await this.users.getById(user.id));
  }

  /** A new address is held as pending and used once confirmed (src/auth/email-verification.service.ts). */
  async updateProfile(user: AuthUser, input: ProfileInput): Promise<AccountView> {
    let account = await this.users.getById(user.id);
    if (input.displayName !== undefined) {
      account = await this.accounts.updateProfile(user.id, { displayName: input.displayName });
    }
    if (input.email !== undefined) account = await this.verification.requestChange(account, input.email);
    return toAccountView(account);
  }

  /** Other sessions end: whoever knew the old password is signed out everywhere but here. */
  async changePassword(user: AuthUser, sessionId: string | undefined, current: string, next: string) {
    await this.assertPassword(user.id, current);
    const account = await this.users.getById(user.id);
    assertStrongPassword(next, [account.username, account.email ?? ''], 'newPassword');
    await this.accounts.setPasswordHash(user.id, await this.hasher.hash(next));
    await this.sessions.endAllOf(user.id, 'password_changed', sessionId);
  }

  async assertPassword(userId: string, password: string): Promise<void> {
    const ok = await this.hasher.verify(password, await this.accounts.findPasswordHash(userId));
    if (!ok) throw new AppError('wrong_password', 'The password is not correct');
  }
}
