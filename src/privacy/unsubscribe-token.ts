import { createHmac, timingSafeEqual } from 'node:crypto';
import { NOTIFICATION_KINDS, type NotificationKind } from '../users/user';

const PURPOSE = 'unsubscribe';

export interface UnsubscribeClaims {
  userId: string;
  kind: NotificationKind;
}

/** A key of its own, derived from JWT_SECRET, so an unsubscribe token can never pass as anything else. */
export function unsubscribeKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('parley:unsubscribe-link:v1').digest();
}

/** `payload.signature`, both base64url; the payload names the user, the kind and the purpose. */
export function signUnsubscribeToken(key: Buffer, claims: UnsubscribeClaims): string {
  const payload = Buffer.from(JSON.stringify({ u: claims.userId, k: claims.kind, p: PURPOSE })).toString(
    'base64url',
  );
  return `${payload}.${sign(key, payload)}`;
}

export function verifyUnsubscribeToken(key: Buffer, token: string): UnsubscribeClaims | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(key, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const kind = claims.k as NotificationKind;
    if (claims.p !== PURPOSE || typeof claims.u !== 'string' || !NOTIFICATION_KINDS.includes(kind))
      return null;
    return { userId: claims.u, kind };
  } catch {
    return null;
  }
}

const sign = (key: Buffer, payload: string) => createHmac('sha256', key).update(payload).digest('base64url');
