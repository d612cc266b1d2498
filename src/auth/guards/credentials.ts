import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { AppError } from '../../infra/errors/app-error';
import { cookieOf } from '../../infra/http/string-cookies';
import type { AuthUser } from '../access-policy';
import { ACCESS_COOKIE, CSRF_HEADER } from '../auth-cookies';

export interface AuthRequest extends Request {
  user?: AuthUser;
  /** The session (refresh-token family) the access token belongs to. */
  sessionId?: string;
}

export interface Credential {
  token: string;
  via: 'bearer' | 'cookie';
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const isUnsafe = (req: Request) => !SAFE_METHODS.has(req.method.toUpperCase());

/** A Bearer header wins over the cookie: API clients are never subject to the browser's CSRF rule. */
export function readCredential(req: Request): Credential | null {
  const header = req.headers.authorization;
  if (typeof header === 'string') {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    return match ? { token: match[1], via: 'bearer' } : null;
  }
  const cookie = cookieOf(req, ACCESS_COOKIE);
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

/**
 * The CSRF header must carry the session's own token (AuthCookies.csrfTokenFor): another site can neither read
 * the cookie that holds it nor compute it, and a cookie it managed to set belongs to another session.
 */
export function assertCsrf(req: Request, expected: string): void {
  const header = req.headers[CSRF_HEADER];
  if (typeof header !== 'string') throw csrfFailed();
  const a = Buffer.from(expected);
  const b = Buffer.from(header);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw csrfFailed();
}

const csrfFailed = () =>
  new AppError('csrf_failed', `Cookie-authenticated changes need the ${CSRF_HEADER} header`);
