import { Injectable } from '@nestjs/common';
import { AppError } from '../infra/errors/app-error';
import { UserAccountsService } from '../users/user-accounts.service';
import { UsersService } from '../users/users.service';
import { PasswordHasher } from './password-hasher';

export interface FirstAdmin {
  username: string;
  email: string;
  password: string;
}

export type FirstAdminOutcome = 'created' | 'promoted' | 'unchanged';

/**
 * `npm run admin:create`: idempotent. A new name creates an admin; an existing account (same username) is made
 * admin if it is not one yet, and its password is left alone (the script never resets passwords). A created admin's
 * email address counts as confirmed.
 */
@Injectable()
export class FirstAdminService {
  constructor(
    private readonly accounts: UserAccountsService,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
  ) {}

  async ensure(input: FirstAdmin): Promise<{ outcome: FirstAdminOutcome; userId: string }> {
    const existing = await this.accounts.findByLogin(input.username);
    if (existing && existing.username.toLowerCase() === input.username.toLowerCase()) {
      if (existing.roles.includes('admin')) return { outcome: 'unchanged', userId: existing.id };
      await this.users.setRoles(existing.id, [...existing.roles, 'admin']);
      return { outcome: 'promoted', userId: existing.id };
    }
    if (await this.accounts.findByEmail(input.email)) {
      throw new AppError('email_taken', 'That email belongs to another account', { field: 'email' });
    }
    const user = await this.accounts.create({
      username: input.username,
      email: input.email,
      displayName: input.username,
      passwordHash: await this.hasher.hash(input.password),
    });
    // The operator typed this address on the server itself: it is as confirmed as a clicked link, so the admin
    // can sign in with it (an unconfirmed address signs nobody in).
    await this.accounts.markEmailVerified(user.id, input.email);
    await this.users.setRoles(user.id, ['member', 'admin']);
    return { outcome: 'created', userId: user.id };
  }
}
