import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How posts show images from other hosts. `proxy`: the browser asks Parley's own image proxy (a signed URL,
 * so the proxy fetches only what a post really shows and is no open relay); `links`: a plain link instead,
 * fetched by nobody until a reader clicks it. Either way a reader's address never reaches the third party
 * just by opening the post.
 */
export type ExternalImages = 'proxy' | 'links';

export const EXTERNAL_IMAGE_MODES: readonly ExternalImages[] = ['proxy', 'links'];

/** Own uploads, as the composer writes them: `/media/<22-character id>` with an optional file name. */
export const OWN_MEDIA_PATH = /^\/media\/[A-Za-z0-9_-]{22}(\/[^/?#]*)?$/;

interface ImageUrlSettings {
  key: Buffer;
  /** Prepended to /media/... paths (MEDIA_ORIGIN), or '' for the app's own origin. */
  mediaOrigin: string;
}

let settings: ImageUrlSettings | null = null;

/** Set once at start-up (app.factory) from configuration; until then external images render as links only. */
export function configureImageUrls(secret: string, mediaOrigin = ''): void {
  settings = {
    key: createHmac('sha256', 'parley image proxy').update(secret).digest(),
    mediaOrigin: mediaOrigin.replace(/\/$/, ''),
  };
}

export function mediaUrl(path: string): string {
  return `${settings?.mediaOrigin ?? ''}${path}`;
}

const signatureOf = (key: Buffer, url: string) =>
  createHmac('sha256', key).update(url).digest().subarray(0, 16).toString('base64url');

/** The proxy URL for an external image, or null when the proxy is not configured. */
export function proxiedImageUrl(url: string): string | null {
  if (!settings) return null;
  const encoded = Buffer.from(url, 'utf8').toString('base64url');
  return mediaUrl(`/media/external/${signatureOf(settings.key, url)}/${encoded}`);
}

/** The external URL a proxy path stands for, when its signature is Parley's; null otherwise. */
export function verifyProxiedImage(signature: string, encoded: string): string | null {
  if (!settings || !/^[A-Za-z0-9_-]+$/.test(encoded)) return null;
  const url = Buffer.from(encoded, 'base64url').toString('utf8');
  const expected = Buffer.from(signatureOf(settings.key, url));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? url : null;
}
