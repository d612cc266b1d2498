import { Injectable } from '@nestjs/common';
import type { Post } from './post';

/** How long a page read by one request serves the next ones, at most; writes on this instance end it at once. */
export const POST_PAGE_TTL_MS = 1000;
/** Topics with cached pages; the least recently filled one goes first beyond this. */
export const POST_PAGE_TOPICS = 2000;

interface Entry {
  rows: Promise<Post[]>;
  until: number;
}

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
  private readonly topics = new Map<string, Map<string, Entry>>();

  read(topicId: string, page: string, load: () => Promise<Post[]>): Promise<Post[]> {
    const now = Date.now();
    const pages = this.topics.get(topicId) ?? this.start(topicId);
    const cached = pages.get(page);
    if (cached && cached.until > now) return copies(cached.rows);
    // The page lives from the end of its query: on a slow engine the query can take longer than the TTL.
    const entry: Entry = { rows: load(), until: Infinity };
    pages.set(page, entry);
    entry.rows.then(
      () => (entry.until = Date.now() + POST_PAGE_TTL_MS),
      () => pages.get(page) === entry && pages.delete(page),
    );
    return copies(entry.rows);
  }

  /** After a write to posts of `topicId`, or of unknown or several topics (no argument). */
  forget(topicId?: string): void {
    if (topicId === undefined) this.topics.clear();
    else this.topics.delete(topicId);
  }

  private start(topicId: string): Map<string, Entry> {
    if (this.topics.size >= POST_PAGE_TOPICS) {
      const oldest = this.topics.keys().next().value;
      if (oldest !== undefined) this.topics.delete(oldest);
    }
    const pages = new Map<string, Entry>();
    this.topics.set(topicId, pages);
    return pages;
  }
}

/** Callers may change what they get; the cached rows stay as read. */
async function copies(rows: Promise<Post[]>): Promise<Post[]> {
  return (await rows).map((post) => ({ ...post }));
}
