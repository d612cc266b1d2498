import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { isGlobalModerator } from '../auth/forum-moderation.policy';
import { ForumsService } from '../forums/forums.service';
import { AppError, Forbidden } from '../infra/errors/app-error';
import { ContentLifecycles } from './content-lifecycles';
import { ModerationAccessService } from './moderation-access.service';
import { ModerationHistoryRepository } from './moderation-history.repository';
import { decodeQueueCursor, encodeQueueCursor } from './queue-cursor';
import { toQueueItemView, type QueueItemView } from './queue-item-view';
import type { QueueEntry, QueueFilter, ReviewItem, ReviewStatus, ReviewTargetType } from './review-item';
import { ReviewItemRepository } from './review-item.repository';
import { UploadLifecycleService } from '../uploads/upload-lifecycle.service';
import { toUploadView, type UploadView } from '../uploads/upload-view';

export interface QueueQuery {
  forum?: string;
  reason?: string;
  status?: ReviewStatus;
  cursor?: string;
  limit?: number;
}

export interface QueuePage {
  items: QueueItemView[];
  nextCursor: string | null;
}

const DEFAULT_PAGE = 20;

/**
 * The review queue: entries come in from listeners and reports (enqueue), moderators read it oldest first
 * within priority, scoped to the forums they moderate, each item with its content and detected spans.
 */
@Injectable()
export class ReviewQueueService {
  constructor(
    private readonly items: ReviewItemRepository,
    private readonly adapters: ContentLifecycles,
    private readonly access: ModerationAccessService,
    private readonly forums: ForumsService,
    private readonly history: ModerationHistoryRepository,
    private readonly uploads: UploadLifecycleService,
  ) {}

  enqueue(entry: QueueEntry): Promise<ReviewItem> {
    return this.items.enqueue(entry, new Date());
  }

  /** Closes an item's open entry (after a moderator's action). */
  async resolve(targetType: ReviewTargetType, targetId: string, resolution: string): Promise<void> {
    await this.items.resolve(targetType, targetId, resolution, new Date());
  }

  async page(user: AuthUser, query: QueueQuery): Promise<QueuePage> {
    const filter: QueueFilter = {
      status: query.status ?? 'open',
      forumIds: this.scope(user, query.forum),
      reason: query.reason,
    };
    const after = query.cursor ? decodeQueueCursor(query.cursor) : null;
    if (query.cursor && !after)
      throw new AppError('cursor_invalid', 'That cursor is not one this server gave out');
    const size = query.limit ?? DEFAULT_PAGE;
    const rows = await this.items.page(filter, after, size + 1);
    const items = rows.slice(0, size);
    const last = items[items.length - 1];
    const next =
      rows.length > size
        ? encodeQueueCursor({ priority: last.priority, queuedAt: last.queuedAt, id: last.id })
        : null;
    return { items: await this.views(items), nextCursor: next };
  }

  /** Forums this caller may read the queue of: undefined means all (admins and global moderators). */
  private scope(user: AuthUser, forum: string | undefined): string[] | undefined {
    if (forum) {
      this.access.assertModeratesForum(user, forum);
      return [forum];
    }
    if (isGlobalModerator(user)) return undefined;
    if (user.moderatedForumIds.length === 0) throw new Forbidden('You do not moderate any forum');
    return user.moderatedForumIds;
  }

  /** Forums (phone region), author history and every item's content, read in one parallel round. */
  private async views(items: ReviewItem[]): Promise<QueueItemView[]> {
    const forumIds = [...new Set(items.map((item) => item.forumId))];
    const authors = [...new Set(items.flatMap((item) => (item.authorId ? [item.authorId] : [])))];
    const postIds = items.filter((item) => item.targetType === 'post').map((item) => item.targetId);
    const [forums, history, contents, uploads] = await Promise.all([
      this.forums.findByIds(forumIds),
      this.history.actionsOn(authors),
      Promise.all(
        items.map((item) =>
          this.adapters
            .adapter(item.targetType)
            .find(item.targetId)
            .catch(() => null),
        ),
      ),
      this.uploads.listByPosts(postIds),
    ]);
    // The images and attachments a held post carries, so the moderator judges the files too.
    const filesOf = new Map<string, UploadView[]>();
    for (const upload of uploads) {
      filesOf.set(upload.postId ?? '', [...(filesOf.get(upload.postId ?? '') ?? []), toUploadView(upload)]);
    }
    const regions = new Map(forums.map((forum) => [forum.id, forum.phoneRegion]));
    const now = Date.now();
    return items.map((item, i) => {
      const previous = item.authorId ? (history.get(item.authorId) ?? 0) : 0;
      const view = toQueueItemView(item, contents[i], previous, regions.get(item.forumId), now);
      return { ...view, uploads: item.targetType === 'post' ? (filesOf.get(item.targetId) ?? []) : [] };
    });
  }
}
