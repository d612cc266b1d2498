import { Injectable } from '@nestjs/common';
import { ShortLivedCache } from '../infra/cache/short-lived-cache';
import type { Post } from './post';

/** How long a page read by one request serves the next ones, at most; writes on this instance end it at once. */
export const POST_PAGE_TTL_MS = 1000;
/** Topics with cached pages; the least recently filled one goes first beyond this. */
export const POST_PAGE_TOPICS = 2000;
/** Pages kept per topic (cursor and size differ by reader), the oldest dropped first beyond this. */
const PAGES_PER_TOPIC = 50;

/**
 * Pages of a topic's posts that were just read, so that the readers of a busy topic share one query a second.
 *
 * Why: a topic page is the most read thing there is, and on the local engine (FerretDB 1.24 on SQLite) its query
 * reads every post of every topic, since only `_id` equality reaches an index there: bench:http measured that scan
 * as most of a page's database time (docs/benchmarks.md). On MongoDB the cache still saves one query per read.
 *
 * Correctness: PostRepository and PostRevisionRepository, the only code that writes posts, call `forget` after
 * each write, so on this instance a page never outlives a change (edits, likes, status changes, redaction). Other
 * instances see the change within POST_PAGE_TTL_MS, like the current notice (CURRENT_NOTICE_TTL_MS). Concurrent
 * readers of a missing page wait for one query instead of sending one each.
 */
@Injectable()
export class PostPageCache {
  private readonly topics = new Map<string, ShortLivedCache<Post[]>>();

  read(topicId: string, page: string, load: () => Promise<Post[]>): Promise<Post[]> {
    return (this.topics.get(topicId) ?? this.start(topicId)).get(page, load);
  }

  /** After a write to posts of `topicId`, or of unknown or several topics (no argument). */
  forget(topicId?: string): void {
    if (topicId === undefined) this.topics.clear();
    else this.topics.delete(topicId);
  }

  private start(topicId: string): ShortLivedCache<Post[]> {
    if (this.topics.size >= POST_PAGE_TOPICS) {
      const oldest = this.topics.keys().next().value;
      if (oldest !== undefined) this.topics.delete(oldest);
    }
    // Callers may change what they get; the cached rows stay as read.
    const pages = new ShortLivedCache<Post[]>(POST_PAGE_TTL_MS, PAGES_PER_TOPIC, (rows) =>
      rows.map((post) => ({ ...post })),
    );
    this.topics.set(topicId, pages);
    return pages;
  }
}
