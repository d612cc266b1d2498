import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ForumEvent, type ForumEventPayloads } from '../infra/events/forum-events';
import { UploadLifecycleService } from './upload-lifecycle.service';

/** A post's files go with the post (deleted by its author or removed by a moderator); an account's with it. */
@Injectable()
export class UploadCleanupListener {
  constructor(private readonly lifecycle: UploadLifecycleService) {}

  @OnEvent(ForumEvent.PostRemoved, { async: true, promisify: true })
  async onPostRemoved({ postId }: ForumEventPayloads['post.removed']): Promise<void> {
    await this.lifecycle.purgePost(postId);
  }

  @OnEvent(ForumEvent.UserDeleted, { async: true, promisify: true })
  async onUserDeleted({ userId }: ForumEventPayloads['user.deleted']): Promise<void> {
    await this.lifecycle.purgeUser(userId);
  }
}
