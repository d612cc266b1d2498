import { Injectable, Logger } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { canModerateForum } from '../auth/forum-moderation.policy';
import { actorRoleOf } from '../audit/audit-entry';
import { AuditLogService } from '../audit/audit-log.service';
import { AppError, NotFound } from '../infra/errors/app-error';
import { BlobStorage } from './blob-storage';
import type { Upload } from './upload';
import { uploadIdsIn } from './upload-references';
import { UploadRepository } from './upload.repository';

const ORPHAN_BATCH = 200;

/** What a post being composed carries: its author's uploads that it refers to, and whether one holds it. */
export interface ComposedUploads {
  uploadIds: string[];
  /** An attachment's personal data under the review policy: the post waits for a moderator. */
  held: boolean;
}

/**
 * Uploads belong to the post that refers to them: claimed when the post is stored (its follow-up work, or the
 * edit), removed with it, purged with the account, and purged as orphans when never posted. A stored blob is
 * shared by every upload with the same content and goes with the last of them.
 */
@Injectable()
export class UploadLifecycleService {
  private readonly logger = new Logger(UploadLifecycleService.name);

  constructor(
    private readonly uploads: UploadRepository,
    private readonly storage: BlobStorage,
    private readonly audit: AuditLogService,
  ) {}

  /** The author's uploads a post's Markdown shows; another forum's upload is refused (its check was for that forum). */
  async forComposition(
    user: AuthUser,
    forumId: string,
    markdown: string,
    postId: string | null,
  ): Promise<ComposedUploads> {
    const own = (await this.uploads.findByIds(uploadIdsIn(markdown))).filter(
      (upload) => upload.ownerId === user.id && (upload.postId === null || upload.postId === postId),
    );
    const elsewhere = own.find((upload) => upload.forumId !== forumId);
    if (elsewhere) {
      throw new AppError(
        'upload_in_other_forum',
        `${elsewhere.name} was uploaded to another forum; upload it again here`,
        { field: 'body' },
      );
    }
    return { uploadIds: own.map((upload) => upload.id), held: own.some((upload) => !!upload.findings?.held) };
  }

  /** Idempotent: the post's follow-up work may run it again after a crash. */
  async attach(postId: string, ownerId: string, markdown: string): Promise<void> {
    await this.uploads.attach(postId, ownerId, uploadIdsIn(markdown));
  }

  listByPosts(postIds: readonly string[]): Promise<Upload[]> {
    return this.uploads.listByPosts(postIds);
  }

  async purgePost(postId: string): Promise<number> {
    return this.purgeAll(await this.uploads.listByPost(postId));
  }

  async purgeUser(userId: string): Promise<number> {
    return this.purgeAll(await this.uploads.listByOwner(userId));
  }

  async purgeOrphans(before: Date): Promise<number> {
    let purged = 0;
    for (;;) {
      const batch = await this.uploads.listOrphans(before, ORPHAN_BATCH);
      purged += await this.purgeAll(batch);
      if (batch.length < ORPHAN_BATCH) return purged;
    }
  }

  /**
   * DELETE /api/uploads/:id. The owner removes their own upload; a moderator of its forum removes an
   * attachment (the "Remove personal info" of a file: the bytes go, not only the link to them).
   */
  async remove(user: AuthUser, id: string): Promise<Upload> {
    const upload = await this.uploads.findById(id);
    if (!upload) throw new NotFound('Upload');
    if (upload.ownerId !== user.id && !canModerateForum(user, upload.forumId)) {
      throw new AppError('forbidden', 'Only its author or a moderator of its forum can remove this upload');
    }
    await this.purge(upload);
    // A moderator's removal is audited like every moderator action: who, which file, whose, never its content.
    if (upload.ownerId !== user.id) {
      await this.audit.record({
        actorId: user.id,
        actorRole: actorRoleOf(user),
        action: 'upload.removed',
        targetType: 'upload',
        targetId: upload.id,
        forumId: upload.forumId,
        subjectUserIds: [upload.ownerId],
      });
    }
    return upload;
  }

  private async purgeAll(uploads: Upload[]): Promise<number> {
    for (const upload of uploads) await this.purge(upload);
    return uploads.length;
  }

  private async purge(upload: Upload): Promise<void> {
    await this.uploads.deleteById(upload.id);
    if (await this.uploads.isKeyInUse(upload.storageKey)) return;
    await this.storage.delete(upload.storageKey);
    this.logger.log({ upload: upload.id }, 'upload purged');
  }
}
