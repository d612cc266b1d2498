import { ServerEvent } from '@socket-protocol';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { forumsApi, type Topic } from '../../api/forums-api';
import { Link, navigate, useTitle } from '../../app/router';
import { useSession } from '../../app/session-context';
import { WatchControl } from '../account/watch-control';
import { LoadMore } from '../../components/load-more';
import { ErrorMessage, Loading, TimeAgo } from '../../components/status';
import { useRoom } from '../../realtime/use-room';
import { Composer } from '../composer/composer';
import { AuthorName } from '../people/author-name';
import { NoticeBanner } from '../notices/notice-banner';
import { useNotice } from '../notices/notice-context';

export function ForumPage({ slug }: { slug: string }) {
  const { account } = useSession();
  const { observe } = useNotice();
  const [composing, setComposing] = useState(false);
  const [fresh, setFresh] = useState(0);
  const pages = useInfiniteQuery({
    queryKey: ['forum', slug, 'topics'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => forumsApi.topics(slug, pageParam),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const first = pages.data?.pages[0];
  const forum = first?.forum ?? null;
  const pinned = first?.pinned ?? [];
  const topics = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const error = pages.error;
  const busy = pages.isFetching;
  useTitle(forum?.name ?? 'Forum');
  useEffect(() => {
    if (first) observe(first.notice);
  }, [first, observe]);
  const load = () => {
    setFresh(0);
    void pages.refetch();
  };

  useRoom(`forum:${slug}`, {
    onEvent: ({ name }) => {
      if (name === ServerEvent.TopicCreated || name === ServerEvent.PostCreated) setFresh((n) => n + 1);
    },
  });

  if (error && !forum) return <ErrorMessage error={error} onRetry={() => void load()} />;
  if (!forum) return <Loading what="Loading forum" />;

  return (
    <>
      <NoticeBanner />
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/">Forums</Link> › {forum.name}
      </nav>
      <div className="page-head">
        <div>
          <h1>{forum.name}</h1>
          <p className="muted">{forum.description}</p>
          <WatchControl scope="forums" id={forum.id} />
        </div>
        {account ? (
          <button
            type="button"
            className="primary"
            onClick={() => setComposing(!composing)}
            aria-expanded={composing}
          >
            New topic
          </button>
        ) : (
          <Link href={`/signin?next=/f/${slug}`} className="button">
            Sign in to post
          </Link>
        )}
      </div>
      {composing && (
        <section className="card" aria-label="New topic">
          <Composer
            label="New topic"
            submitLabel="Start topic"
            withTitle
            rows={8}
            region={forum.phoneRegion}
            policy={forum.piiPolicy}
            draft={{ kind: 'new-topic', ref: slug }}
            send={(input) => forumsApi.createTopic(slug, { ...input, title: input.title ?? '' })}
            uploadTo={slug}
            onPublished={(result) => navigate(`/t/${result.topic.id}`)}
            onCancel={() => setComposing(false)}
          />
        </section>
      )}
      {fresh > 0 && (
        <button type="button" className="new-marker static" onClick={() => void load()}>
          New activity: show the latest topics
        </button>
      )}
      <ErrorMessage error={error} />
      <ul className="topic-list" aria-label="Topics">
        {[...pinned, ...topics].map((topic) => (
          <TopicRow key={`${topic.pinned ? 'p' : 't'}-${topic.id}`} topic={topic} />
        ))}
      </ul>
      {topics.length === 0 && pinned.length === 0 && !busy && (
        <p className="muted">No topics yet. Start the first one.</p>
      )}
      {pages.hasNextPage && (
        <LoadMore onLoad={() => void pages.fetchNextPage()} busy={busy} label="Load more topics" />
      )}
    </>
  );
}

function TopicRow({ topic }: { topic: Topic }) {
  return (
    <li className="topic-row">
      <div>
        <Link href={`/t/${topic.id}`} className="topic-title">
          {topic.title}
        </Link>
        {topic.pinned && <span className="badge">pinned</span>}
        {topic.locked && <span className="badge">locked</span>}
        {topic.solvedSeq && <span className="badge solved">✓ solved</span>}
        {topic.status !== 'visible' && <span className="badge warn">{topic.status}</span>}
        <p className="muted small">
          by <AuthorName name={topic.authorName} id={topic.authorId} avatar={false} /> · <TimeAgo iso={topic.lastActivityAt} />
          {topic.tags.length > 0 && ` · ${topic.tags.join(', ')}`}
        </p>
      </div>
      <div className="topic-counts">
        <span>{topic.replyCount === 1 ? '1 reply' : `${topic.replyCount} replies`}</span>
        {!!topic.unreadCount && <span className="unread-pill">{topic.unreadCount} unread</span>}
      </div>
    </li>
  );
}
