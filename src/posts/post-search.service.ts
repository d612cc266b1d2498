import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { ForumsService } from '../forums/forums.service';
import { AppError } from '../infra/errors/app-error';
import type { Post } from './post';
import { PostRepository } from './post.repository';
import { normaliseForSearch, searchPattern } from './search-text';
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
  createdAt: string;
}

export interface SearchQuery {
  q: string;
  forum?: string;
  before?: string;
  limit: number;
}

const EXCERPT_RADIUS = 80;

/**
 * The simple search: a literal, case-insensitive substring of the normalised title + text, newest first,
 * over visible posts of visible topics in forums the caller may read. Where a search engine plugs in
 * when this outgrows a collection scan is described in the README ("Search").
 */
@Injectable()
export class PostSearchService {
  constructor(
    private readonly forums: ForumsService,
    private readonly posts: PostRepository,
    private readonly topics: TopicRepository,
  ) {}

  async search(
    user: AuthUser | undefined,
    query: SearchQuery,
  ): Promise<{ items: SearchHit[]; nextBefore: string | null }> {
    const terms = normaliseForSearch(query.q);
    if (terms.length < 2) throw new AppError('bad_request', 'Search for at least 2 characters');
    const forums = query.forum
      ? [await this.forums.requireReadable(user, query.forum)]
      : await this.forums.listReadable(user);
    const rows = await this.posts.search(
      { pattern: searchPattern(terms), forumIds: forums.map((forum) => forum.id), beforeId: query.before },
      query.limit + 1,
    );
    const page = rows.slice(0, query.limit);
    const topics = new Map(
      (await this.topics.findByIds([...new Set(page.map((p) => p.topicId))])).map((t) => [t.id, t]),
    );
    const slugs = new Map(forums.map((forum) => [forum.id, forum.slug]));
    const items = page.flatMap((post) => {
      const topic = topics.get(post.topicId);
      if (!topic || topic.status !== 'visible') return [];
      return [toHit(post, topic.title, slugs.get(post.forumId) ?? '', terms)];
    });
    const nextBefore = rows.length > query.limit ? (page[page.length - 1]?.id ?? null) : null;
    return { items, nextBefore };
  }
}

function toHit(post: Post, topicTitle: string, forumSlug: string, terms: string): SearchHit {
  return {
    postId: post.id,
    topicId: post.topicId,
    topicTitle,
    forumId: post.forumId,
    forumSlug,
    seq: post.seq,
    authorName: post.authorName,
    excerpt: excerptAround(post.source, terms),
    createdAt: post.createdAt,
  };
}

/** A short plain-text window around the first match (the source, since HTML would need re-sanitizing). */
function excerptAround(source: string, terms: string): string {
  const flat = source.replace(/\s+/g, ' ');
  const at = Math.max(0, flat.toLowerCase().indexOf(terms));
  const start = Math.max(0, at - EXCERPT_RADIUS);
  const end = Math.min(flat.length, at + terms.length + EXCERPT_RADIUS);
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
}
