import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PrivacyRegistry } from '../privacy/privacy-registry';
import { toUploadView } from './upload-view';
import { UploadRepository } from './upload.repository';

/** The user's uploads in their data export: what each is, where it is served, and what was removed from it. */
@Injectable()
export class UploadsPrivacySection implements OnModuleInit {
  constructor(
    private readonly registry: PrivacyRegistry,
    private readonly uploads: UploadRepository,
  ) {}

  onModuleInit(): void {
    this.registry.registerSection({ name: 'uploads', export: (userId) => this.export(userId) });
  }

  private async export(userId: string) {
    const uploads = await this.uploads.listByOwner(userId);
    return uploads.map((upload) => {
      const { markdown: _markdown, ...view } = toUploadView(upload);
      return { ...view, forumId: upload.forumId };
    });
  }
}
