import { createHmac, hkdfSync } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { CookieOptions, Response } from 'express';
import { AppConfig } from '../infra/config/app-config';

export const ACCESS_COOKIE = 'parley_at';
export const REFRESH_COOKIE = 'parley_rt';
/**
 * Readable by the page's script, which echoes it in CSRF_HEADER on unsafe requests. Its value is bound to the
 * session (an HMAC of the session id under a key derived from JWT_SECRET), so a token from another session,
 * planted by a sibling site that can set cookies, is refused.
 */
export const CSRF_COOKIE = 'parley_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** The refresh cookie only travels to the routes that need it. */
export const REFRESH_COOKIE_PATH = '/api/auth';

export interface CookieSession {
  sessionId: string;
  accessToken: string;
  refreshToken: string;
  refreshExpiresAt: Date;
}

/** Sets and clears the three session cookies; Secure whenever the app runs behind TLS (TRUST_PROXY). */
@Injectable()
export class AuthCookies {
  private readonly csrfKey: Buffer;

  constructor(private readonly config: AppConfig) {
    if (!config.JWT_SECRET) throw new Error('config: JWT_SECRET is required to bind CSRF tokens to sessions');
    this.csrfKey = Buffer.from(hkdfSync('sha256', config.JWT_SECRET, '', 'parley csrf token', 32));
  }

  /** The one CSRF token a session's unsafe cookie requests are accepted with. */
  csrfTokenFor(sessionId: string): string {
    return createHmac('sha256', this.csrfKey).update(sessionId).digest('base64url');
  }

  write(res: Response, session: CookieSession): void {
    const base = this.base();
    res.cookie(ACCESS_COOKIE, session.accessToken, {
      ...base,
      httpOnly: true,
      maxAge: this.config.ACCESS_TOKEN_TTL_SECONDS * 1000,
    });
    res.cookie(REFRESH_COOKIE, session.refreshToken, {
      ...base,
      httpOnly: true,
      path: REFRESH_COOKIE_PATH,
      expires: session.refreshExpiresAt,
    });
    res.cookie(CSRF_COOKIE, this.csrfTokenFor(session.sessionId), {
      ...base,
      httpOnly: false,
      expires: session.refreshExpiresAt,
    });
  }

  clear(res: Response): void {
    const base = this.base();
    res.clearCookie(ACCESS_COOKIE, { ...base, httpOnly: true });
    res.clearCookie(REFRESH_COOKIE, { ...base, httpOnly: true, path: REFRESH_COOKIE_PATH });
    res.clearCookie(CSRF_COOKIE, { ...base, httpOnly: false });
  }

  private base(): CookieOptions {
    return { sameSite: 'lax', secure: this.config.TRUST_PROXY, path: '/' };
  }
}
