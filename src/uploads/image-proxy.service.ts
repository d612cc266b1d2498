import { createHash } from 'node:crypto';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { get } from 'node:https';
import { Injectable } from '@nestjs/common';
import { RequestFilteringHttpsAgent } from 'request-filtering-agent';
import { AppConfig } from '../infra/config/app-config';
import { AppError } from '../infra/errors/app-error';
import { BlobStorage } from './blob-storage';
import { inspectUpload } from './upload-inspector';
import { ProxyCacheRepository } from './proxy-cache.repository';

const CACHE_HOURS = 24;
const MAX_REDIRECTS = 3;

export interface ProxiedImage {
  storageKey: string;
  mime: string;
}

/**
 * Fetches an external image for a post so that readers' browsers never contact the third party. The agent
 * checks every address after DNS resolution (request-filtering-agent: loopback, private, link-local,
 * reserved and meta addresses are refused, redirects included, so DNS tricks cannot reach internal services).
 * Only https, at most IMAGE_PROXY_MAX_BYTES, within IMAGE_PROXY_TIMEOUT_MS; the bytes must be an image and
 * are cleaned like an upload (re-encoded, metadata dropped); the result is cached for a day.
 */
@Injectable()
export class ImageProxyService {
  private readonly agent: RequestFilteringHttpsAgent;

  constructor(
    private readonly config: AppConfig,
    private readonly storage: BlobStorage,
    private readonly cache: ProxyCacheRepository,
  ) {
    this.agent = new RequestFilteringHttpsAgent({
      allowIPAddressList: config.IMAGE_PROXY_ALLOW_ADDRESSES,
      keepAlive: false,
    });
  }

  async image(url: string, now = new Date()): Promise<ProxiedImage> {
    const urlKey = createHash('sha256').update(url).digest('hex');
    const cached = await this.cache.find(urlKey, new Date(now.getTime() - CACHE_HOURS * 3_600_000));
    if (cached && (await this.storage.has(cached.storageKey))) return cached;
    const bytes = await this.fetch(url, MAX_REDIRECTS);
    const image = await inspectUpload(bytes, 'image', {
      maxPixels: this.config.UPLOAD_MAX_PIXELS,
      maxDimension: this.config.UPLOAD_MAX_DIMENSION,
      animatedGifs: this.config.UPLOAD_ANIMATED_GIFS,
    }).catch(() => null);
    if (!image || image.kind !== 'image') throw unavailable('it is not an image Parley shows');
    const storageKey = `sha256/${createHash('sha256').update(image.bytes).digest('hex')}`;
    await this.storage.put(storageKey, image.bytes, image.mime);
    const entry = { storageKey, mime: image.mime };
    await this.cache.save(urlKey, entry, now);
    return entry;
  }

  private fetch(url: string, redirectsLeft: number): Promise<Buffer> {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return Promise.reject(unavailable('its address is not a URL'));
    }
    if (target.protocol !== 'https:') return Promise.reject(unavailable('only https images are fetched'));
    return new Promise<Buffer>((resolve, reject) => {
      const fail = (error: Error) => reject(refusalOf(error, target.hostname));
      const onResponse = (res: IncomingMessage) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          if (redirectsLeft === 0) return reject(unavailable('it redirects too often'));
          // The next hop goes through the same agent: its address is checked again.
          return resolve(this.fetch(new URL(res.headers.location, target).toString(), redirectsLeft - 1));
        }
        if (status !== 200) {
          res.resume();
          return reject(unavailable(`its server answered ${status}`));
        }
        readAtMost(res, this.config.IMAGE_PROXY_MAX_BYTES).then(resolve, reject);
      };
      let request: ClientRequest;
      try {
        // An address literal is checked (and refused) here at once; a name once it has been resolved.
        request = get(
          target,
          {
            agent: this.agent,
            timeout: this.config.IMAGE_PROXY_TIMEOUT_MS,
            headers: { accept: 'image/*', 'user-agent': 'Parley image proxy' },
          },
          onResponse,
        );
      } catch (error) {
        return fail(error as Error);
      }
      // The whole fetch, not only an idle socket, must end within the limit.
      const deadline = setTimeout(
        () => request.destroy(new Error('timed out')),
        this.config.IMAGE_PROXY_TIMEOUT_MS,
      );
      request.on('close', () => clearTimeout(deadline));
      request.on('timeout', () => request.destroy(new Error('timed out')));
      request.on('error', (error: Error) => {
        clearTimeout(deadline);
        fail(error);
      });
    });
  }
}

function readAtMost(res: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(res.headers['content-length']) > limit) {
      res.destroy();
      return reject(unavailable(`it is larger than ${limit} bytes`));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return chunks.push(chunk);
      res.destroy();
      reject(unavailable(`it is larger than ${limit} bytes`));
    });
    res.on('end', () => resolve(Buffer.concat(chunks)));
    res.on('error', (error: Error) => reject(unavailable(error.message)));
  });
}

function refusalOf(error: Error, hostname: string): AppError {
  if (error instanceof AppError) return error;
  if (!/is not allowed/.test(error.message)) return unavailable(error.message);
  return new AppError(
    'address_refused',
    `The image proxy does not fetch from ${hostname}: it is a private, loopback or reserved address`,
  );
}

const unavailable = (why: string) =>
  new AppError('external_image_unavailable', `The external image could not be shown: ${why}`);
