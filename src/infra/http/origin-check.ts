/**
 * Cross-site WebSocket hijacking defence: a browser on another site would open the socket with the user's
 * cookies. Browsers always send Origin there, so a handshake is refused when its Origin is neither this
 * server's own origin nor in CORS_ORIGINS. Requests without Origin come from non-browser clients, which
 * carry no ambient cookies, and are allowed.
 */
export interface HandshakeHeaders {
  origin?: string;
  host?: string;
  'x-forwarded-host'?: string | string[];
}

export function isAllowedOrigin(headers: HandshakeHeaders, allowed: string[], trustProxy: boolean): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const forwarded = headers['x-forwarded-host'];
  const forwardedHost = Array.isArray(forwarded) ? forwarded[0] : forwarded?.split(',')[0]?.trim();
  const host = trustProxy && forwardedHost ? forwardedHost : headers.host;
  return !!host && originHost === host;
}
