import { resolve, join } from 'node:path';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MulterModule } from '@nestjs/platform-express';
import { ForumsModule } from '../forums/forums.module';
import { AppConfig } from '../infra/config/app-config';
import { JobLeases } from '../infra/database/job-leases';
import { PiiScannerModule } from '../pii-check/pii-scanner.module';
import { BlobStorage } from './blob-storage';
import { DiskBlobStorage } from './disk-blob-storage';
import { ImageProxyService } from './image-proxy.service';
import { MediaController } from './media.controller';
import { MediaService } from './media.service';
import { OrphanUploadsJob } from './orphan-uploads.job';
import { ProxyCacheRepository } from './proxy-cache.repository';
import { S3BlobStorage } from './s3-blob-storage';
import { UploadCleanupListener } from './upload-cleanup.listener';
import { UploadIntakeService } from './upload-intake.service';
import { UploadLifecycleService } from './upload-lifecycle.service';
import { UploadRepository } from './upload.repository';
import { UploadRecord, UploadSchema } from './upload.schema';
import { UploadsController } from './uploads.controller';
import { UploadsPrivacySection } from './uploads-privacy.section';

export function blobStorageFor(config: AppConfig): BlobStorage {
  if (config.UPLOAD_STORAGE === 's3') {
    return new S3BlobStorage({
      bucket: config.S3_BUCKET ?? '',
      region: config.S3_REGION,
      endpoint: config.S3_ENDPOINT,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      accessKeyId: config.S3_ACCESS_KEY_ID,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    });
  }
  return new DiskBlobStorage(resolve(config.UPLOADS_DIR ?? join(config.DATA_DIR, 'uploads')));
}

/**
 * Uploads (POST /api/forums/:slug/uploads), their lifecycle, the media routes (/media/...) and the image
 * proxy. Posts import it to claim the uploads a post shows; it learns about removed posts and deleted
 * accounts from events only.
 */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: UploadRecord.name, schema: UploadSchema }]),
    // One file per request, in memory (multer's default): it is re-encoded before anything is written.
    MulterModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        limits: { fileSize: config.UPLOAD_MAX_BYTES, files: 1, fields: 4, parts: 5 },
      }),
    }),
    ForumsModule,
    PiiScannerModule,
  ],
  controllers: [UploadsController, MediaController],
  providers: [
    { provide: BlobStorage, inject: [AppConfig], useFactory: blobStorageFor },
    UploadRepository,
    UploadIntakeService,
    UploadLifecycleService,
    UploadCleanupListener,
    UploadsPrivacySection,
    OrphanUploadsJob,
    JobLeases,
    ProxyCacheRepository,
    ImageProxyService,
    MediaService,
  ],
  exports: [UploadLifecycleService],
})
export class UploadsModule {}
