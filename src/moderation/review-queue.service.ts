import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { isGlobalModerator } from '../auth/forum-moderation.policy';
import { AuditLogService } from '../audit/audit-log.service';
import { ForumsService } from '../forums/forums.service';
import { AppError, Forbidden } from '../infra/errors/app-error';
import { ContentAdapters } from './content-adapters';
import { ModerationAccessService } from './moderation-access.service';
import { decodeQueueCursor, encodeQueueCursor } from './queue-cursor';
import type { QueueEntry, QueueFilter, ReviewItem, ReviewStatus } from './review-item';
import { ReviewItemRepository } from './review-item.repository';
import { toQueueItemView, type QueueItemView } from './queue-item-view';

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
    private readonly adapters: ContentAdapters,
    private readonly access: ModerationAccessService,
    private readonly forums: ForumsService,
    private readonly audit: AuditLogService,
  ) {}

  enqueue(entry: QueueEntry): Promise<ReviewItem> {
    return this.items.enqueue(entry, new Date());
  }

  async page(user: AuthUser, query: QueueQuery): Promise<QueuePage> {
    const filter: QueueFilter = {
      status: query.status ?? 'open',
      forumIds: this.scope(user, query.forum),
      reason: query.reason,
    };
    const after = query.cursor ? decodeQueueCursor(query.cursor) : null;
    if (query.cursor && !after)
      throw new AppError('bad_request', 'That cursor is not one this server gave out');
    const size = query.limit ?? DEFAULT_PAGE;
    const rows = await this.items.page(filter, after, size + 1);
    const page = rows.slice(0, size);
    const last = page[page.length - 1];
    return {
      items: await this.views(page),
      nextCursor: rows.length > size && last ? encodeQueueCursor(last) : null,
    };
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

  private async views(items: ReviewItem[]): Promise<QueueItemView[]> {
    const forumIds = [...new Set(items.map((item) => item.forumId))];
    const regions = new Map((await this.forums.findByIds(forumIds)).map((f) => [f.id, f.phoneRegion]));
    const history = new Map<string, Promise<number>>();
    const historyOf = (authorId: string | null) => {
      if (!authorId) return Promise.resolve(0);
      if (!history.has(authorId)) history.set(authorId, this.audit.count({ subjectUserId: authorId }));
      return history.get(authorId) as Promise<number>;
    };
    const now = Date.now();
    return Promise.all(
      items.map(async (item) => {
        const content = await this.adapters
          .adapter(item.targetType)
          .find(item.targetId)
          .catch(() => null);
        return toQueueItemView(item, content, await historyOf(item.authorId), regions.get(item.forumId), now);
      }),
    );
  }
}
