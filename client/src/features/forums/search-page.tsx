import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { forumsApi, type SearchFilters, type SearchHit } from '../../api/forums-api';
import { Link, navigate, useLocation, useTitle } from '../../app/router';
import { LoadMore } from '../../components/load-more';
import { ErrorMessage, Loading, TimeAgo } from '../../components/status';
import { NoticeBanner } from '../notices/notice-banner';

const FILTER_KEYS = ['forum', 'author', 'from', 'to', 'order'] as const;
type Fields = Record<'q' | (typeof FILTER_KEYS)[number], string>;

/** Page cursors: ranked results page by offset, newest-first results by the last id. */
type Cursor = { offset: number } | { before: string } | undefined;

function fieldsOf(query: URLSearchParams): Fields {
  const fields = { q: query.get('q') ?? '' } as Fields;
  for (const key of FILTER_KEYS) fields[key] = query.get(key) ?? '';
  return fields;
}

function filtersOf(fields: Fields): SearchFilters {
  const filters: SearchFilters = { q: fields.q.trim() };
  if (fields.forum) filters.forum = fields.forum;
  if (fields.author.trim()) filters.author = fields.author.trim().replace(/^@/, '');
  if (fields.from) filters.from = fields.from;
  if (fields.to) filters.to = fields.to;
  if (fields.order === 'newest') filters.order = 'newest';
  return filters;
}

export function SearchPage() {
  useTitle('Search');
  const { query } = useLocation();
  const asked = fieldsOf(query);
  const filters = filtersOf(asked);
  const [form, setForm] = useState(asked);
  const valid = filters.q.length >= 2;
  const forums = useQuery({ queryKey: ['forums'], queryFn: () => forumsApi.list() });
  const results = useInfiniteQuery({
    queryKey: ['search', filters],
    enabled: valid,
    initialPageParam: undefined as Cursor,
    queryFn: ({ pageParam }) => forumsApi.search({ ...filters, ...pageParam }),
    getNextPageParam: (last): Cursor =>
      last.nextOffset !== null
        ? { offset: last.nextOffset }
        : last.nextBefore !== null
          ? { before: last.nextBefore }
          : undefined,
  });
  const hits = valid ? results.data?.pages.flatMap((page) => page.items) : undefined;

  const search = query.toString();
  useEffect(() => {
    setForm(fieldsOf(new URLSearchParams(search)));
  }, [search]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filtersOf(form))) params.set(key, value);
    navigate(`/search?${params.toString()}`);
  };
  const set = (key: keyof Fields) => (value: string) => setForm((current) => ({ ...current, [key]: value }));

  return (
    <>
      <NoticeBanner />
      <h1>Search</h1>
      <form role="search" onSubmit={submit} className="search-form">
        <div className="inline-form">
          <label className="visually-hidden" htmlFor="search-q">
            Search posts and titles
          </label>
          <input
            id="search-q"
            type="search"
            value={form.q}
            minLength={2}
            maxLength={100}
            onChange={(e) => set('q')(e.target.value)}
          />
          <button type="submit" className="primary">
            Search
          </button>
        </div>
        <fieldset className="search-filters">
          <legend className="visually-hidden">Filters</legend>
          <label>
            Forum
            <select value={form.forum} onChange={(e) => set('forum')(e.target.value)}>
              <option value="">All forums</option>
              {forums.data?.items.map((forum) => (
                <option key={forum.id} value={forum.slug}>
                  {forum.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Author
            <input
              value={form.author}
              maxLength={41}
              placeholder="username"
              onChange={(e) => set('author')(e.target.value)}
            />
          </label>
          <label>
            From
            <input type="date" value={form.from} onChange={(e) => set('from')(e.target.value)} />
          </label>
          <label>
            To
            <input type="date" value={form.to} onChange={(e) => set('to')(e.target.value)} />
          </label>
          <label>
            Order
            <select value={form.order || 'relevance'} onChange={(e) => set('order')(e.target.value)}>
              <option value="relevance">Best match</option>
              <option value="newest">Newest first</option>
            </select>
          </label>
        </fieldset>
      </form>
      <ErrorMessage error={results.error} />
      {asked.q && !valid && <p className="muted">Type at least two characters to search.</p>}
      {valid && results.isPending && <Loading what="Searching" />}
      {hits?.length === 0 && <p className="muted">Nothing found for “{filters.q}”.</p>}
      <ol className="search-hits">
        {hits?.map((hit) => (
          <li key={hit.postId} className="card">
            <Link href={`/t/${hit.topicId}#post-${hit.seq}`}>{hit.topicTitle}</Link>
            <p className="search-excerpt">{highlighted(hit)}</p>
            <p className="muted small">
              {hit.authorName} · <TimeAgo iso={hit.createdAt} />
              {hit.likeCount > 0 && ` · ${hit.likeCount} ${hit.likeCount === 1 ? 'like' : 'likes'}`}
            </p>
          </li>
        ))}
      </ol>
      {results.hasNextPage && (
        <LoadMore
          onLoad={() => void results.fetchNextPage()}
          busy={results.isFetchingNextPage}
          label="More results"
        />
      )}
    </>
  );
}

/** The excerpt with its matched words in <mark> (offsets from the server, in order, never overlapping). */
function highlighted(hit: SearchHit): ReactNode[] {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of hit.highlights) {
    if (start < at) continue;
    parts.push(hit.excerpt.slice(at, start), <mark key={start}>{hit.excerpt.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(hit.excerpt.slice(at));
  return parts;
}
