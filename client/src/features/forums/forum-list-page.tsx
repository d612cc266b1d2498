import { useCallback, useEffect, useState } from 'react';
import { forumsApi, type Forum } from '../../api/forums-api';
import { Link, useTitle } from '../../app/router';
import { ErrorMessage, Loading, TimeAgo } from '../../components/status';
import { NoticeBanner } from '../notices/notice-banner';
import { useNotice } from '../notices/notice-context';

export function ForumListPage() {
  useTitle('Forums');
  const { observe } = useNotice();
  const [forums, setForums] = useState<Forum[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    setError(null);
    forumsApi.list().then((page) => {
      setForums(page.items);
      observe(page.notice);
    }, setError);
  }, [observe]);
  useEffect(load, [load]);

  return (
    <>
      <NoticeBanner />
      <h1>Forums</h1>
      <p className="lead">
        Where customers and the teams behind the products talk: ask a question in a product’s forum and mark
        the reply that solved it, search what others already found, or follow a launch live on a board. Public
        forums are open to everyone and to search engines: keep your email and phone number out of them.
      </p>
      <ErrorMessage error={error} onRetry={load} />
      {!forums && !error && <Loading what="Loading forums" />}
      {forums?.length === 0 && <p className="muted">No forums yet.</p>}
      <ul className="forum-list">
        {forums?.map((forum) => (
          <li key={forum.id} className="card forum-item">
            <div>
              <h2>
                <Link href={`/f/${forum.slug}`}>{forum.name}</Link>
              </h2>
              <p className="muted">{forum.description || forum.productName}</p>
            </div>
            <dl className="counters">
              <div>
                <dt>Topics</dt>
                <dd>{forum.topicCount}</dd>
              </div>
              <div>
                <dt>Posts</dt>
                <dd>{forum.postCount}</dd>
              </div>
              {forum.unreadTopicCount !== undefined && (
                <div className={forum.unreadTopicCount > 0 ? 'unread' : undefined}>
                  <dt>Unread</dt>
                  <dd>{forum.unreadTopicCount}</dd>
                </div>
              )}
              {forum.lastActivityAt && (
                <div>
                  <dt>Active</dt>
                  <dd>
                    <TimeAgo iso={forum.lastActivityAt} />
                  </dd>
                </div>
              )}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
