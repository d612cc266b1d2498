import { Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '../../infra/errors/app-error';
import { cookieOf } from '../../infra/http/string-cookies';
import { UserAccountsService } from '../../users/user-accounts.service';
import { ACCESS_POLICY, type AccessPolicy, type AuthUser, type Role } from '../access-policy';
import { AuthCookies, REFRESH_COOKIE } from '../auth-cookies';
import { SessionService } from '../session.service';
import { TokenService } from '../token.service';
import { assertCsrf, isUnsafe, readCredential, type AuthRequest } from './credentials';

/** Marks routes that act on the refresh cookie (refresh, logout): they need the CSRF header too. */
export const USES_REFRESH_COOKIE = 'parley:uses-refresh-cookie';
export const UsesRefreshCookie = () => SetMetadata(USES_REFRESH_COOKIE, true);

const RANK: Record<Role, number> = { member: 1, moderator: 2, admin: 3 };

/** admin ⊇ moderator ⊇ member. */
export function hasRole(user: AuthUser, roles: Role[]): boolean {
  const held = Math.max(0, ...user.roles.map((role) => RANK[role] ?? 0));
  return roles.some((role) => held >= RANK[role]);
}

/**
 * The global guard. Every route and socket event must declare an access policy; one without is refused
 * (deny by default). The caller is loaded per request, so a role change or a suspension applies at once.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly accounts: UserAccountsService,
    private readonly cookies: AuthCookies,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, targets);
    if (!policy) throw new AppError('forbidden', 'This endpoint declares no access policy');
    if (context.getType() === 'ws') {
      enforce(policy, context.switchToWs().getClient<{ data?: { user?: AuthUser } }>().data?.user);
      return true;
    }
    if (context.getType() !== 'http') throw new AppError('forbidden', 'Unsupported transport');
    const req = context.switchToHttp().getRequest<AuthRequest>();
    await this.identify(req, policy);
    if (this.reflector.getAllAndOverride<boolean>(USES_REFRESH_COOKIE, targets)) {
      const refresh = cookieOf(req, REFRESH_COOKIE);
      // An unknown refresh token protects nothing (the route refuses or ignores it); a known one, its session.
      const sessionId = refresh && isUnsafe(req) ? await this.sessions.sessionOfRefreshToken(refresh) : null;
      if (sessionId) assertCsrf(req, this.cookies.csrfTokenFor(sessionId));
    }
    enforce(policy, req.user);
    return true;
  }

  private async identify(req: AuthRequest, policy: AccessPolicy): Promise<void> {
    const credential = readCredential(req);
    if (!credential) return;
    const found = await this.tokens.authenticate(credential.token);
    if (!found) {
      // On a public route a stale token just means "anonymous"; elsewhere the client must sign in again.
      if (policy.kind === 'public') return;
      throw new AppError('unauthenticated', 'Your session has expired, please sign in again');
    }
    if (credential.via === 'cookie' && isUnsafe(req))
      assertCsrf(req, this.cookies.csrfTokenFor(found.sessionId));
    req.user = found.authUser;
    req.sessionId = found.sessionId;
    void this.accounts.markSeen(found.user.id, found.user.lastSeenAt).catch(() => undefined);
  }
}

function enforce(policy: AccessPolicy, user: AuthUser | undefined): void {
  if (policy.kind === 'public') return;
  if (!user) throw new AppError('unauthenticated', 'Sign in to do this');
  if (user.status === 'suspended') throw new AppError('account_suspended', 'Your account is suspended');
  if (policy.kind === 'roles' && !hasRole(user, policy.roles)) {
    throw new AppError('forbidden', `This needs the ${policy.roles.join(' or ')} role`);
  }
}
