import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import contentDisposition from 'content-disposition';
import type { Response } from 'express';
import { AppError, NotFound } from '../infra/errors/app-error';
import { verifyProxiedImage } from '../infra/rendering/external-images';
import { BlobStorage } from './blob-storage';
import { ImageProxyService } from './image-proxy.service';
import { UploadRepository } from './upload.repository';

/** No script, no plugins, no forms; an opaque origin even when opened as a page. Images may show themselves. */
export const MEDIA_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";

@Injectable()
export class MediaService {
  constructor(
    private readonly uploads: UploadRepository,
    private readonly storage: BlobStorage,
    private readonly proxy: ImageProxyService,
  ) {}

  async sendUpload(id: string, res: Response): Promise<void> {
    const upload = await this.uploads.findById(id);
    const body = upload ? await this.storage.get(upload.storageKey) : null;
    if (!upload || !body) throw new NotFound('File');
    inertHeaders(res, upload.mime);
    res.setHeader(
      'Content-Disposition',
      contentDisposition(upload.name, { type: upload.kind === 'image' ? 'inline' : 'attachment' }),
    );
    res.setHeader('Content-Length', String(upload.size));
    // Short: a file removed for personal data must not live on in shared caches for long.
    res.setHeader('Cache-Control', 'public, max-age=3600');
    await pipeline(body, res);
  }

  async sendExternal(signature: string, encoded: string, res: Response): Promise<void> {
    const url = verifyProxiedImage(signature, encoded);
    if (!url) throw new AppError('forbidden', 'This image address was not made by Parley');
    const image = await this.proxy.image(url);
    const body = await this.storage.get(image.storageKey);
    if (!body) throw new NotFound('Image');
    inertHeaders(res, image.mime);
    res.setHeader('Content-Disposition', 'inline');
    res.setHeader('Cache-Control', 'public, max-age=86400');
    await pipeline(body, res);
  }
}

function inertHeaders(res: Response, mime: string): void {
  res.setHeader('Content-Type', mime);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', MEDIA_CSP);
  // Shown by the app's pages, also from MEDIA_ORIGIN on another host.
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
  res.setHeader('Referrer-Policy', 'no-referrer');
}
