import { useEffect, useState, type FormEvent } from 'react';
import { forumsApi, type SearchHit } from '../../api/forums-api';
import { Link, navigate, useLocation, useTitle } from '../../app/router';
import { LoadMore } from '../../components/load-more';
import { ErrorMessage, Loading, TimeAgo } from '../../components/status';
import { NoticeBanner } from '../notices/notice-banner';

export function SearchPage() {
  useTitle('Search');
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const [text, setText] = useState(q);
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setText(q);
    setHits(null);
    setError(null);
    if (q.trim().length < 2) return;
    forumsApi.search(q).then((page) => {
      setHits(page.items);
      setNext(page.nextBefore);
    }, setError);
  }, [q]);

  const more = () => {
    if (!next) return;
    forumsApi.search(q, next).then((page) => {
      setHits((current) => [...(current ?? []), ...page.items]);
      setNext(page.nextBefore);
    }, setError);
  };

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
      {q && !hits && !error && <Loading what="Searching" />}
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
      {next && <LoadMore onLoad={more} label="More results" />}
    </>
  );
}
