import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { toForumView, type ForumView } from '../forums/forum-view';
import type { NoticeState } from '../notices/notice';
import { NoticeStateService } from '../notices/notice-state.service';
import { PostLikeRepository } from './post-like.repository';
import { toPostView, type PostView } from './post-view';
import { PostRepository } from './post.repository';
import { TopicAccessService } from './topic-access.service';
import { toTopicView, type TopicView } from './topic-view';
import { TopicReadRepository } from './topic-read.repository';

export interface PostPageQuery {
  after?: number;
  before?: number;
  limit: number;
}

export interface PostPage {
  items: PostView[];
  /** Pass the last item's seq as `after` (or the first's as `before`) for the next page. */
  hasMore: boolean;
  notice: NoticeState;
}

/** A topic and its posts by sequence number; reading a page moves the reader's mark forward. */
@Injectable()
export class TopicReadingService {
  constructor(
    private readonly access: TopicAccessService,
    private readonly posts: PostRepository,
    private readonly likes: PostLikeRepository,
    private readonly reads: TopicReadRepository,
    private readonly noticeState: NoticeStateService,
  ) {}

  async topic(
    user: AuthUser | undefined,
    topicId: string,
  ): Promise<{ topic: TopicView; forum: ForumView; notice: NoticeState }> {
    const { topic, forum } = await this.access.readable(user, topicId);
    const position = user
      ? ((await this.reads.positions(user.id, [topic.id])).get(topic.id) ?? 0)
      : undefined;
    return {
      topic: toTopicView(topic, position),
      forum: toForumView(forum),
      notice: await this.noticeState.forUser(user),
    };
  }

  async page(user: AuthUser | undefined, topicId: string, query: PostPageQuery): Promise<PostPage> {
    const { topic, forum, moderator } = await this.access.readable(user, topicId);
    const rows = await this.posts.page(topic.id, query, query.limit + 1);
    const hasMore = rows.length > query.limit;
    // `before` pages are returned oldest first, so the extra row is the oldest one.
    const page =
      query.before !== undefined
        ? rows.slice(rows.length - Math.min(rows.length, query.limit))
        : rows.slice(0, query.limit);
    // Only posts someone liked can be liked by this reader: most pages then ask nothing.
    const liked = user
      ? await this.likes.likedBy(
          user.id,
          page.filter((post) => post.likeCount > 0).map((post) => post.id),
        )
      : new Set<string>();
    const items = page.flatMap((post) => {
      const view = toPostView(post, { user, moderator });
      if (!view) return [];
      if (user) view.likedByMe = liked.has(post.id);
      return [view];
    });
    const lastSeq = page[page.length - 1]?.seq;
    if (user && lastSeq !== undefined) await this.reads.advance(user.id, topic.id, forum.id, lastSeq);
    return { items, hasMore, notice: await this.noticeState.forUser(user) };
  }

  async markRead(
    user: AuthUser,
    topicId: string,
    seq: number,
  ): Promise<{ lastReadSeq: number; unreadCount: number }> {
    const { topic, forum } = await this.access.readable(user, topicId);
    await this.reads.advance(user.id, topic.id, forum.id, Math.min(seq, topic.lastSeq));
    const lastReadSeq = (await this.reads.positions(user.id, [topic.id])).get(topic.id) ?? 0;
    return { lastReadSeq, unreadCount: toTopicView(topic, lastReadSeq).unreadCount ?? 0 };
  }
}
