import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { ForumsService } from '../forums/forums.service';
import { ValidationFailed } from '../infra/errors/app-error';
import { UsersService } from '../users/users.service';
import type { Post } from './post';
import { PostRepository, type PostSearchFilter } from './post.repository';
import { occurrencesOf, plainTextOfHtml, searchTermsOf, type TermOccurrence } from './search-text';
import type { Topic } from './topic';
import { TopicRepository } from './topic.repository';

export interface SearchHit {
  postId: string;
  topicId: string;
  topicTitle: string;
  forumId: string;
  forumSlug: string;
  seq: number;
  authorName: string;
  excerpt: string;
  /** [start, end) offsets of the matched words in `excerpt`. */
  highlights: Array<[number, number]>;
  likeCount: number;
  createdAt: string;
}

export type SearchOrder = 'relevance' | 'newest';

export interface SearchQuery {
  q: string;
  forum?: string;
  author?: string;
  /** ISO dates: posts written on or after `from`, before the end of `to`'s day. */
  from?: string;
  to?: string;
  order?: SearchOrder;
  /** Newest first: the last id of the previous page. */
  before?: string;
  /** Relevance: how many ranked hits the previous pages showed. */
  offset?: number;
  limit: number;
}

export interface SearchPage {
  items: SearchHit[];
  nextBefore: string | null;
  nextOffset: number | null;
}

/**
 * Relevance ranks the newest matches this deep (each read from the terms index, newest first): older ones
 * are reached with order=newest or a date filter. Discourse ranks over its full-text index; without $text
 * in the portable subset the ranking is ours, over a bounded candidate set.
 */
export const RANKED_CANDIDATES = 300;
const EXCERPT_RADIUS = 90;
const DAY_MS = 86_400_000;
const EMPTY: SearchPage = { items: [], nextBefore: null, nextOffset: null };

/**
 * Word search over visible posts of visible topics in forums the caller may read: every word of the query
 * must appear (stemmed, diacritics folded), ranked by title hits, how often the words appear, likes and
 * recency, or newest first. Index-backed on the posts' `searchTerms`.
 */
@Injectable()
export class PostSearchService {
  constructor(
    private readonly forums: ForumsService,
    private readonly posts: PostRepository,
    private readonly topics: TopicRepository,
    private readonly users: UsersService,
  ) {}

  async search(user: AuthUser | undefined, query: SearchQuery): Promise<SearchPage> {
    const terms = searchTermsOf(query.q);
    if (terms.length === 0)
      throw new ValidationFailed([
        { field: 'q', messages: ['Search for at least one word of two letters or more'] },
      ]);
    const forums = query.forum
      ? [await this.forums.requireReadable(user, query.forum)]
      : await this.forums.listReadable(user);
    const filter: PostSearchFilter = { terms, forumIds: forums.map((forum) => forum.id) };
    if (query.author) {
      const [author] = await this.users.resolveUsernames([query.author]);
      if (!author) return EMPTY;
      filter.authorId = author.id;
    }
    if (query.from) filter.fromDate = new Date(query.from);
    if (query.to) filter.toDate = new Date(new Date(query.to).getTime() + DAY_MS);
    const slugs = new Map(forums.map((forum) => [forum.id, forum.slug]));
    return (query.order ?? 'relevance') === 'newest'
      ? this.newest(filter, query, terms, slugs)
      : this.ranked(filter, query, terms, slugs);
  }

  private async newest(
    filter: PostSearchFilter,
    query: SearchQuery,
    terms: string[],
    slugs: Map<string, string>,
  ): Promise<SearchPage> {
    const rows = await this.posts.search({ ...filter, beforeId: query.before }, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const topics = await this.visibleTopics(page);
    const items = page.flatMap((post) => hitOf(post, topics.get(post.topicId), slugs, terms));
    const nextBefore = rows.length > query.limit ? (page[page.length - 1]?.id ?? null) : null;
    return { items, nextBefore, nextOffset: null };
  }

  private async ranked(
    filter: PostSearchFilter,
    query: SearchQuery,
    terms: string[],
    slugs: Map<string, string>,
  ): Promise<SearchPage> {
    const candidates = await this.posts.search(filter, RANKED_CANDIDATES);
    const topics = await this.visibleTopics(candidates);
    const now = Date.now();
    const ranked = candidates
      .filter((post) => topics.has(post.topicId))
      .map((post) => ({ post, score: scoreOf(post, topics.get(post.topicId)!, terms, now) }))
      .sort((a, b) => b.score - a.score || b.post.id.localeCompare(a.post.id));
    const offset = query.offset ?? 0;
    const page = ranked.slice(offset, offset + query.limit);
    const items = page.flatMap(({ post }) => hitOf(post, topics.get(post.topicId), slugs, terms));
    const next = offset + page.length;
    return { items, nextBefore: null, nextOffset: next < ranked.length ? next : null };
  }

  private async visibleTopics(posts: Post[]): Promise<Map<string, Topic>> {
    const ids = [...new Set(posts.map((post) => post.topicId))];
    const topics = await this.topics.findByIds(ids);
    return new Map(topics.filter((topic) => topic.status === 'visible').map((topic) => [topic.id, topic]));
  }
}

/**
 * Title hits weigh most (the opening post fully, replies half), then how often the words appear, then likes,
 * then age (a year-old post keeps about a quarter of its recency weight).
 */
export function scoreOf(post: Post, topic: Topic, terms: string[], now: number): number {
  const wanted = new Set(terms);
  const titleTerms = new Set(searchTermsOf(topic.title));
  const inTitle = terms.filter((term) => titleTerms.has(term)).length / terms.length;
  const occurrences = occurrencesOf(post.source).filter((word) => wanted.has(word.term)).length;
  const frequency = Math.min(1, occurrences / (3 * terms.length));
  const likes = Math.min(1, Math.log2(1 + post.likeCount) / 6);
  const ageDays = Math.max(0, now - Date.parse(post.createdAt)) / DAY_MS;
  const recency = Math.exp(-ageDays / 260);
  return 3 * inTitle * (post.seq === 1 ? 1 : 0.5) + 2 * frequency + likes + recency;
}

function hitOf(
  post: Post,
  topic: Topic | undefined,
  slugs: Map<string, string>,
  terms: string[],
): SearchHit[] {
  if (!topic) return [];
  const { excerpt, highlights } = excerptAround(plainTextOfHtml(post.html), new Set(terms));
  return [
    {
      postId: post.id,
      topicId: post.topicId,
      topicTitle: topic.title,
      forumId: post.forumId,
      forumSlug: slugs.get(post.forumId) ?? '',
      seq: post.seq,
      authorName: post.authorName,
      excerpt,
      highlights,
      likeCount: post.likeCount,
      createdAt: post.createdAt,
    },
  ];
}

/**
 * A window of the rendered text around the densest cluster of matched words (the first one, widened to the
 * radius on each side), cut at word boundaries, with the matched words' offsets in it.
 */
export function excerptAround(
  text: string,
  wanted: Set<string>,
): { excerpt: string; highlights: Array<[number, number]> } {
  const words = occurrencesOf(text);
  const hits = words.filter((word) => wanted.has(word.term));
  const centre = densest(hits) ?? { start: 0, end: 0 };
  let start = Math.max(0, centre.start - EXCERPT_RADIUS);
  let end = Math.min(text.length, centre.end + EXCERPT_RADIUS);
  if (start > 0) start = words.find((word) => word.start >= start)?.start ?? start;
  if (end < text.length) end = [...words].reverse().find((word) => word.end <= end)?.end ?? end;
  const prefix = start > 0 ? '…' : '';
  const excerpt = `${prefix}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
  const highlights = hits
    .filter((hit) => hit.start >= start && hit.end <= end)
    .map((hit): [number, number] => [hit.start - start + prefix.length, hit.end - start + prefix.length]);
  return { excerpt, highlights };
}

/** The matched word with the most other matches within the excerpt's reach. */
function densest(hits: TermOccurrence[]): TermOccurrence | undefined {
  let best: TermOccurrence | undefined;
  let bestCount = 0;
  for (const hit of hits.slice(0, 200)) {
    const near = hits.filter((other) => Math.abs(other.start - hit.start) <= EXCERPT_RADIUS).length;
    if (near > bestCount) [best, bestCount] = [hit, near];
  }
  return best;
}
