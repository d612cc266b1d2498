import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { ACCESS_COOKIE } from '../auth/auth-cookies';
import { TokenService } from '../auth/token.service';
import { AppError } from '../infra/errors/app-error';
import { toAppError } from '../infra/errors/to-app-error';
import type { ParleySocket } from './socket-data';

interface Credential {
  token: string;
  via: 'auth' | 'header' | 'cookie';
}

/**
 * The handshake accepts the API's credentials: `auth.token`, a Bearer header, or the access cookie. An
 * explicit token that fails is refused (the client should refresh); a stale cookie just means anonymous,
 * as on public REST routes. Writes re-verify the token, so suspension, logout and expiry apply at once.
 */
@Injectable()
export class SocketAuthenticator {
  constructor(private readonly tokens: TokenService) {}

  readonly middleware = (socket: ParleySocket, next: (error?: Error) => void): void => {
    this.identify(socket).then(
      () => next(),
      (error: unknown) => next(connectError(error)),
    );
  };

  /** The signed-in user as of now, for a write; throws unauthenticated/account_suspended otherwise. */
  async current(socket: ParleySocket): Promise<AuthUser> {
    const token = socket.data.token;
    const user = token ? await this.tokens.verifyAccessToken(token) : null;
    if (!user) {
      throw new AppError('unauthenticated', 'Your session has expired: reconnect with a fresh access token');
    }
    if (user.status === 'suspended') throw new AppError('account_suspended', 'Your account is suspended');
    socket.data.user = user;
    return user;
  }

  /**
   * For a join: the signed-in user with their roles, forums and status as they are now, not as at the
   * handshake (a moderator whose forums were taken away must not follow their mod rooms again). Reading needs
   * no fresh access token, so an expired one is fine here; an ended session or a suspension is not.
   */
  async reloaded(socket: ParleySocket): Promise<AuthUser | undefined> {
    const token = socket.data.token;
    if (!token) return undefined;
    const found = await this.tokens.authenticate(token, { ignoreExpiration: true });
    if (!found) throw new AppError('unauthenticated', 'Your session has ended: reconnect after signing in');
    if (found.authUser.status === 'suspended') {
      throw new AppError('account_suspended', 'Your account is suspended');
    }
    socket.data.user = found.authUser;
    return found.authUser;
  }

  private async identify(socket: ParleySocket): Promise<void> {
    socket.data.user = undefined;
    socket.data.token = undefined;
    socket.data.sessionId = undefined;
    const credential = credentialOf(socket);
    if (!credential) return;
    const found = await this.tokens.authenticate(credential.token);
    if (!found) {
      if (credential.via === 'cookie') return;
      throw new AppError('unauthenticated', 'The access token is invalid or expired');
    }
    const user = found.authUser;
    if (user.status === 'suspended') throw new AppError('account_suspended', 'Your account is suspended');
    socket.data.user = user;
    socket.data.token = credential.token;
    socket.data.sessionId = found.sessionId;
  }
}

function credentialOf(socket: ParleySocket): Credential | null {
  const auth = socket.handshake.auth as { token?: unknown } | undefined;
  if (typeof auth?.token === 'string' && auth.token) return { token: auth.token, via: 'auth' };
  const header = socket.handshake.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7), via: 'header' };
  const cookie = readCookie(socket.handshake.headers.cookie, ACCESS_COOKIE);
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

function readCookie(header: string | undefined, name: string): string | null {
  for (const part of header?.split(';') ?? []) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) {
      try {
        return decodeURIComponent(part.slice(at + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** socket.io hands `data` to the client's connect_error: the same body as a REST error. */
export function connectError(error: unknown): Error {
  const appError = toAppError(error);
  return Object.assign(new Error(appError.message), { data: appError.toBody() });
}
