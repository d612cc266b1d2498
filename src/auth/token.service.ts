import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { toAuthUser, type User } from '../users/user';
import { UserAccountsService } from '../users/user-accounts.service';
import type { AuthUser } from './access-policy';

export { ACCESS_COOKIE, CSRF_COOKIE, CSRF_HEADER, REFRESH_COOKIE } from './auth-cookies';

interface AccessClaims {
  sub: string;
  sid: string;
  typ: 'access';
}

export interface Authenticated {
  user: User;
  authUser: AuthUser;
  sessionId: string;
}

/**
 * Access tokens: HS256 JWTs `{ sub, sid, typ }` valid ACCESS_TOKEN_TTL_SECONDS. Verification also reads the
 * account, which lists its live sessions, so role changes, suspension, logout and deletion apply to the very
 * next request, for one database read.
 */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly accounts: UserAccountsService,
  ) {}

  sign(userId: string, sessionId: string): Promise<string> {
    const claims: AccessClaims = { sub: userId, sid: sessionId, typ: 'access' };
    return this.jwt.signAsync(claims);
  }

  /**
   * For the socket handshake (token from `auth.token`, a Bearer header or the ACCESS_COOKIE cookie).
   * Null when the token is invalid, expired, its session ended or the account was deleted. A suspended user
   * is returned with `status: 'suspended'`: callers refuse them anything beyond public reads.
   */
  async verifyAccessToken(token: string): Promise<AuthUser | null> {
    return (await this.authenticate(token))?.authUser ?? null;
  }

  /** `ignoreExpiration`: the account and session as of now behind a token that may have expired (socket joins). */
  async authenticate(
    token: string,
    options: { ignoreExpiration?: boolean } = {},
  ): Promise<Authenticated | null> {
    const claims = await this.jwt
      .verifyAsync<AccessClaims>(token, { ignoreExpiration: options.ignoreExpiration ?? false })
      .catch(() => null);
    if (
      !claims ||
      claims.typ !== 'access' ||
      typeof claims.sub !== 'string' ||
      typeof claims.sid !== 'string'
    ) {
      return null;
    }
    const found = await this.accounts.findWithSession(claims.sub, claims.sid);
    if (!found || found.user.deleted || !found.liveSession) return null;
    return { user: found.user, authUser: toAuthUser(found.user), sessionId: claims.sid };
  }
}
