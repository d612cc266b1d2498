import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { NoticeKind } from './notice';
import { FIRST_VERSIONS } from './notice-texts';
import { NoticeRepository } from './notice.repository';

/** Seeds version 1 of each notice so that the first post of a fresh install has something to acknowledge. */
@Injectable()
export class NoticeSeeder implements OnApplicationBootstrap {
  constructor(private readonly notices: NoticeRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const kind of Object.keys(FIRST_VERSIONS) as NoticeKind[]) {
      await this.notices.seedFirstVersion(kind, FIRST_VERSIONS[kind]);
    }
  }
}
