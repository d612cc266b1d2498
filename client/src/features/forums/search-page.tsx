import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { forumsApi } from '../../api/forums-api';
import { Link, navigate, useLocation, useTitle } from '../../app/router';
import { LoadMore } from '../../components/load-more';
import { ErrorMessage, Loading, TimeAgo } from '../../components/status';
import { NoticeBanner } from '../notices/notice-banner';

export function SearchPage() {
  useTitle('Search');
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const [text, setText] = useState(q);
  const asked = q.trim();
  const valid = asked.length >= 2;
  const results = useInfiniteQuery({
    queryKey: ['search', asked],
    enabled: valid,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => forumsApi.search(asked, pageParam),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const hits = valid ? results.data?.pages.flatMap((page) => page.items) : undefined;
  const error = results.error;

  useEffect(() => {
    setText(q);
  }, [q]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/search?q=${encodeURIComponent(text.trim())}`);
  };

  return (
    <>
      <NoticeBanner />
      <h1>Search</h1>
      <form role="search" onSubmit={submit} className="inline-form">
        <label className="visually-hidden" htmlFor="search-q">
          Search posts and titles
        </label>
        <input
          id="search-q"
          type="search"
          value={text}
          minLength={2}
          maxLength={100}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="primary">
          Search
        </button>
      </form>
      <ErrorMessage error={error} />
      {q && !valid && <p className="muted">Type at least two characters to search.</p>}
      {valid && results.isPending && <Loading what="Searching" />}
      {hits?.length === 0 && <p className="muted">Nothing found for “{q}”.</p>}
      <ol className="search-hits">
        {hits?.map((hit) => (
          <li key={hit.postId} className="card">
            <Link href={`/t/${hit.topicId}#post-${hit.seq}`}>{hit.topicTitle}</Link>
            <p>{hit.excerpt}</p>
            <p className="muted small">
              {hit.authorName} · <TimeAgo iso={hit.createdAt} />
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
