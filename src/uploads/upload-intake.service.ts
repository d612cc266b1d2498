import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { ForumsService } from '../forums/forums.service';
import { AppConfig } from '../infra/config/app-config';
import { AppError } from '../infra/errors/app-error';
import { PiiScannerService } from '../pii-check/pii-scanner.service';
import { BlobStorage } from './blob-storage';
import { inspectUpload } from './upload-inspector';
import { screenUpload } from './upload-screening';
import { toUploadView, type UploadView } from './upload-view';
import { UploadRepository } from './upload.repository';

const DAY_MS = 86_400_000;

export interface ReceivedFile {
  originalname: string;
  buffer: Buffer;
  size: number;
}

/**
 * POST /api/forums/:slug/uploads: quota → type from the content → cleaned (images re-encoded) → the file
 * name and text through the forum's personal-data policy → stored by content address → recorded.
 */
@Injectable()
export class UploadIntakeService {
  constructor(
    private readonly config: AppConfig,
    private readonly forums: ForumsService,
    private readonly scanner: PiiScannerService,
    private readonly uploads: UploadRepository,
    private readonly storage: BlobStorage,
  ) {}

  async receive(
    user: AuthUser,
    forumSlug: string,
    file: ReceivedFile | undefined,
    acknowledgePersonalData?: string,
  ): Promise<UploadView> {
    assertMayUpload(user);
    const forum = await this.forums.requireReadable(user, forumSlug);
    if (forum.archived)
      throw new AppError('forum_archived', 'This forum is archived: nothing new can be posted');
    if (!file || file.size === 0) {
      throw new AppError('file_missing', 'Send the file as multipart/form-data in the field "file"', {
        field: 'file',
      });
    }
    const now = new Date();
    await this.assertQuota(user.id, forum.id, file.size, now);
    const rawName = cleanFileName(file.originalname);
    const inspected = await inspectUpload(file.buffer, rawName, {
      maxPixels: this.config.UPLOAD_MAX_PIXELS,
      maxDimension: this.config.UPLOAD_MAX_DIMENSION,
      animatedGifs: this.config.UPLOAD_ANIMATED_GIFS,
    });
    const name = withExtension(rawName, inspected.extension);
    const region = { defaultRegion: forum.phoneRegion };
    const screened = await screenUpload(
      user,
      forum,
      {
        name,
        text: inspected.text,
        nameFindings: await this.scanner.detect(name, region),
        textFindings: inspected.text ? await this.scanner.detect(inspected.text, region) : [],
      },
      acknowledgePersonalData,
    );
    const bytes = screened.text !== null ? Buffer.from(screened.text, 'utf8') : inspected.bytes;
    const storageKey = `sha256/${createHash('sha256').update(bytes).digest('hex')}`;
    await this.storage.put(storageKey, bytes, inspected.mime);
    const upload = await this.uploads.insert(
      {
        ownerId: user.id,
        forumId: forum.id,
        kind: inspected.kind,
        mime: inspected.mime,
        name: screened.name,
        size: bytes.length,
        width: inspected.width,
        height: inspected.height,
        storageKey,
        findings: screened.findings,
        removed: [...inspected.removed, ...screened.removed],
      },
      now,
    );
    return toUploadView(upload);
  }

  private async assertQuota(userId: string, forumId: string, size: number, now: Date): Promise<void> {
    const usage = await this.uploads.usage(userId, new Date(now.getTime() - DAY_MS), forumId);
    const refuse = (limit: string) =>
      new AppError('upload_quota_exceeded', `Upload limit reached: ${limit}`, { field: 'file' });
    if (usage.today >= this.config.UPLOADS_PER_USER_PER_DAY) {
      throw refuse(`${this.config.UPLOADS_PER_USER_PER_DAY} files a day`);
    }
    if (usage.todayInForum >= this.config.UPLOADS_PER_USER_PER_FORUM_PER_DAY) {
      throw refuse(`${this.config.UPLOADS_PER_USER_PER_FORUM_PER_DAY} files a day in this forum`);
    }
    if (usage.bytes + size > this.config.UPLOAD_BYTES_PER_USER) {
      throw refuse(`${this.config.UPLOAD_BYTES_PER_USER} bytes stored in all`);
    }
  }
}

function assertMayUpload(user: AuthUser): void {
  if (user.status === 'suspended') throw new AppError('account_suspended', 'Your account is suspended');
  if (user.status === 'silenced') {
    throw new AppError('account_silenced', 'Your account is silenced: you cannot post for now');
  }
}

/** No paths, controls or quotes; at most 120 characters; never empty. */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters never belong in a file name
    .replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  return cleaned && !/^\.+$/.test(cleaned) ? cleaned : 'file';
}

/** The stored name ends in what the content is, whatever the name claimed (photo.exe that is a PNG → photo.png). */
function withExtension(name: string, extension: string): string {
  const stem = name.replace(/\.[A-Za-z0-9]{1,8}$/, '') || 'file';
  return `${stem}.${extension}`;
}
