import { ServerEvent } from '@socket-protocol';
import { useCallback, useEffect, useState } from 'react';
import { forumsApi, type Forum, type Topic } from '../../api/forums-api';
import { Link, navigate, useTitle } from '../../app/router';
import { useSession } from '../../app/session-context';
import { LoadMore } from '../../components/load-more';
import { ErrorMessage, Loading, TimeAgo } from '../../components/status';
import { useRoom } from '../../realtime/use-room';
import { Composer } from '../composer/composer';
import { NoticeBanner } from '../notices/notice-banner';
import { useNotice } from '../notices/notice-context';

export function ForumPage({ slug }: { slug: string }) {
  const { account } = useSession();
  const { observe } = useNotice();
  const [forum, setForum] = useState<Forum | null>(null);
  const [pinned, setPinned] = useState<Topic[]>([]);
  const [topics, setTopics] = useState<Topic[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [composing, setComposing] = useState(false);
  const [fresh, setFresh] = useState(0);
  useTitle(forum?.name ?? 'Forum');

  const load = useCallback(
    async (after?: string) => {
      setBusy(true);
      setError(null);
      try {
        const page = await forumsApi.topics(slug, after);
        setForum(page.forum);
        observe(page.notice);
        if (!after) setPinned(page.pinned);
        setTopics((current) => (after ? [...current, ...page.items] : page.items));
        setCursor(page.nextCursor);
        if (!after) setFresh(0);
      } catch (failure) {
        setError(failure);
      } finally {
        setBusy(false);
      }
    },
    [slug, observe],
  );

  useEffect(() => {
    void load();
  }, [load]);

  useRoom(`forum:${slug}`, {
    onEvent: (name) => {
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
            send={(input) => forumsApi.createTopic(slug, { ...input, title: input.title ?? '' })}
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
      {cursor && <LoadMore onLoad={() => void load(cursor)} busy={busy} label="Load more topics" />}
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
        {topic.status !== 'visible' && <span className="badge warn">{topic.status}</span>}
        <p className="muted small">
          by {topic.authorName} · <TimeAgo iso={topic.lastActivityAt} />
          {topic.tags.length > 0 && ` · ${topic.tags.join(', ')}`}
        </p>
      </div>
      <div className="topic-counts">
        <span>{topic.replyCount} replies</span>
        {!!topic.unreadCount && <span className="unread-pill">{topic.unreadCount} unread</span>}
      </div>
    </li>
  );
}
