import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import type { Forum } from '../forums/forum';
import { canModerateForum } from '../auth/forum-moderation.policy';
import { toForumView, type ForumView } from '../forums/forum-view';
import { ForumsService } from '../forums/forums.service';
import { AppError } from '../infra/errors/app-error';
import type { NoticeState } from '../notices/notice';
import { NoticeStateService } from '../notices/notice-state.service';
import { decodeCursor, encodeCursor } from './cursor';
import type { Topic, TopicStatus } from './topic';
import { toTopicView, unreadCount, type TopicView } from './topic-view';
import { TopicReadRepository } from './topic-read.repository';
import { TopicRepository, type TopicListCursor } from './topic.repository';

/** Unread counts on the forum list look at this many of the most recently active topics (bounded work). */
export const UNREAD_SCAN_LIMIT = 1000;
const MAX_PINNED = 20;

export interface ForumListItem extends ForumView {
  /** Signed-in readers: topics with posts after their read mark. */
  unreadTopicCount?: number;
}

export interface TopicPage {
  forum: ForumView;
  /** Pinned topics come first, on the first page only. */
  pinned: TopicView[];
  items: TopicView[];
  nextCursor: string | null;
  notice: NoticeState;
}

/** The forum list and a forum's topic list, with unread counts for signed-in readers. */
@Injectable()
export class ForumReadingService {
  constructor(
    private readonly forums: ForumsService,
    private readonly topics: TopicRepository,
    private readonly reads: TopicReadRepository,
    private readonly noticeState: NoticeStateService,
  ) {}

  async list(user: AuthUser | undefined): Promise<{ items: ForumListItem[]; notice: NoticeState }> {
    const forums = await this.forums.listReadable(user);
    const notice = await this.noticeState.forUser(user);
    if (!user) return { items: forums.map(toForumView), notice };
    const unread = await this.unreadTopicsByForum(user, forums);
    const items = forums.map((forum) => ({
      ...toForumView(forum),
      unreadTopicCount: unread.get(forum.id) ?? 0,
    }));
    return { items, notice };
  }

  async forum(user: AuthUser | undefined, slug: string): Promise<{ forum: ForumView; notice: NoticeState }> {
    const forum = await this.forums.requireReadable(user, slug);
    return { forum: toForumView(forum), notice: await this.noticeState.forUser(user) };
  }

  async topicPage(
    user: AuthUser | undefined,
    slug: string,
    query: { cursor?: string; limit: number },
  ): Promise<TopicPage> {
    const forum = await this.forums.requireReadable(user, slug);
    const statuses: TopicStatus[] = canModerateForum(user, forum.id)
      ? ['visible', 'held', 'hidden']
      : ['visible'];
    const cursor = query.cursor ? parseTopicCursor(query.cursor) : undefined;
    const pinned = cursor ? [] : await this.topics.listPinned(forum.id, statuses, MAX_PINNED);
    const rows = await this.topics.listByActivity(forum.id, statuses, cursor, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    const nextCursor =
      rows.length > query.limit && last ? encodeCursor({ t: last.lastActivityAt, id: last.id }) : null;
    const positions = user
      ? await this.reads.positions(
          user.id,
          [...pinned, ...page].map((t) => t.id),
        )
      : null;
    const view = (topic: Topic) => toTopicView(topic, positions ? (positions.get(topic.id) ?? 0) : undefined);
    return {
      forum: toForumView(forum),
      pinned: pinned.map(view),
      items: page.map(view),
      nextCursor,
      notice: await this.noticeState.forUser(user),
    };
  }

  private async unreadTopicsByForum(user: AuthUser, forums: Forum[]): Promise<Map<string, number>> {
    const recent = await this.topics.recentInForums(
      forums.map((forum) => forum.id),
      UNREAD_SCAN_LIMIT,
    );
    const positions = await this.reads.positions(
      user.id,
      recent.map((topic) => topic.id),
    );
    const counts = new Map<string, number>();
    for (const topic of recent) {
      if (unreadCount(topic, positions.get(topic.id) ?? 0) > 0) {
        counts.set(topic.forumId, (counts.get(topic.forumId) ?? 0) + 1);
      }
    }
    return counts;
  }
}

function parseTopicCursor(cursor: string): TopicListCursor {
  const parsed = decodeCursor(cursor, { t: 'string', id: 'string' });
  if (!parsed || Number.isNaN(Date.parse(String(parsed.t))) || !/^[a-f0-9]{24}$/.test(String(parsed.id))) {
    throw new AppError('cursor_invalid', 'The cursor is not valid; start again from the first page');
  }
  return { lastActivityAt: String(parsed.t), id: String(parsed.id) };
}
