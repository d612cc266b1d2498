import { Injectable } from '@nestjs/common';
import { AppConfig } from '../infra/config/app-config';
import { AppError } from '../infra/errors/app-error';
import { toAccountView, type AccountView, type User } from '../users/user';
import { UserAccountsService } from '../users/user-accounts.service';
import type { CookieSession } from './auth-cookies';
import { EmailVerificationService } from './email-verification.service';
import { assertStrongPassword } from './password-policy';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import { SessionService } from './session.service';
import { TokenService } from './token.service';

export interface Registration {
  username: string;
  email: string;
  password: string;
  displayName?: string;
  digest?: boolean;
}

/** What register, login and refresh answer: the JSON body, and the cookies the controller sets. */
export interface SignedIn {
  body: { user: AccountView; accessToken: string; tokenType: 'Bearer'; expiresIn: number };
  cookies: CookieSession;
}

const invalidCredentials = () =>
  new AppError('invalid_credentials', 'Unknown username or email, or wrong password');

/** Registration, sign-in, refresh and sign-out. */
@Injectable()
export class AuthService {
  constructor(
    private readonly accounts: UserAccountsService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottleService,
    private readonly verification: EmailVerificationService,
    private readonly config: AppConfig,
  ) {}

  async register(input: Registration): Promise<SignedIn> {
    assertStrongPassword(input.password, [input.username, input.email]);
    await this.verification.assertAddressWithinLimit(input.email);
    // An address another account holds gets the same answer as a free one (no enumeration): the account is
    // made without it, and the address's owner is told instead of a link being sent (sendForCurrent).
    const user = await this.accounts.create(
      {
        username: input.username,
        email: input.email,
        displayName: input.displayName?.trim() || input.username,
        passwordHash: await this.hasher.hash(input.password),
        digest: input.digest ?? false,
      },
      { addressInUse: 'store-unclaimed' },
    );
    await this.verification.sendForCurrent(user);
    return this.signIn(user);
  }

  /** passport-local's check. The same answer for an unknown name and a wrong password; `address` is the client's. */
  async validateCredentials(login: string, password: string, address: string): Promise<User> {
    await this.throttle.assertAllowed(login, address);
    const user = await this.accounts.findByLogin(login);
    const hash = user ? await this.accounts.findPasswordHash(user.id) : null;
    const valid = await this.hasher.verify(password, hash);
    if (!user || !valid) {
      await this.throttle.recordFailure(login, address);
      throw invalidCredentials();
    }
    await this.throttle.recordSuccess(login, address);
    if (user.status === 'suspended') {
      throw new AppError('account_suspended', 'Your account is suspended', {
        until: user.suspendedUntil,
        reason: user.restrictionReason,
      });
    }
    return user;
  }

  async signIn(user: User): Promise<SignedIn> {
    const refresh = await this.sessions.start(user.id);
    return this.answer(user, refresh.sessionId, refresh.refreshToken, refresh.expiresAt);
  }

  async refresh(refreshToken: string | undefined): Promise<SignedIn> {
    if (!refreshToken) throw new AppError('unauthenticated', 'No session to refresh, please sign in');
    const refresh = await this.sessions.rotate(refreshToken);
    const user = await this.accounts.findById(refresh.userId);
    if (!user || user.deleted) {
      await this.sessions.end(refresh.sessionId, 'account gone');
      throw new AppError('unauthenticated', 'Your session has ended, please sign in again');
    }
    if (user.status === 'suspended') throw new AppError('account_suspended', 'Your account is suspended');
    return this.answer(user, refresh.sessionId, refresh.refreshToken, refresh.expiresAt);
  }

  /** Ends the session of the refresh cookie, or of the access token when only a Bearer token is sent. */
  async logout(refreshToken: string | undefined, sessionId: string | undefined): Promise<void> {
    if (refreshToken) await this.sessions.endByRefreshToken(refreshToken);
    if (sessionId) await this.sessions.end(sessionId, 'logout');
  }

  private async answer(
    user: User,
    sessionId: string,
    refreshToken: string,
    expiresAt: Date,
  ): Promise<SignedIn> {
    const accessToken = await this.tokens.sign(user.id, sessionId);
    return {
      body: {
        user: toAccountView(user),
        accessToken,
        tokenType: 'Bearer',
        expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
      },
      cookies: { sessionId, accessToken, refreshToken, refreshExpiresAt: expiresAt },
    };
  }
}
