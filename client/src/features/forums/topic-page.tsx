import { ServerEvent } from '@socket-protocol';
import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { describeError } from '../../api/api-error';
import { forumsApi, type Post } from '../../api/forums-api';
import { ServerHtml } from '../../components/markdown-view';
import { Link, useLocation, useTitle } from '../../app/router';
import { canModerate, useSession } from '../../app/session-context';
import { WatchControl } from '../account/watch-control';
import { LoadMore } from '../../components/load-more';
import { ErrorMessage, Loading } from '../../components/status';
import { useScrolledUp } from '../../components/use-scrolled-up';
import { RoomStatus } from '../../realtime/room-status';
import { useRoom } from '../../realtime/use-room';
import { Composer, type ComposerHandle } from '../composer/composer';
import { ModeratePostDialog } from '../moderation/moderate-post-dialog';
import { TopicModerationBar } from '../moderation/topic-moderation-bar';
import { NoticeBanner } from '../notices/notice-banner';
import { PostItem } from './post-item';
import { PublishedNote, type PublishedResult } from './published-note';
import { useTopic } from './use-topic';

function quoteOf(post: Post): string {
  const text = (
    post.source ??
    new DOMParser().parseFromString(post.html, 'text/html').body.textContent ??
    ''
  ).trim();
  // A deleted account's post has no name to quote; the server reads this header as a quote all the same.
  const who = post.authorId ? `@${post.authorName}` : 'a deleted user';
  return `> ${who} wrote (#${post.seq}):\n${text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n')}\n\n`;
}

const postInHash = (hash: string): number | null => {
  const match = /^post-(\d{1,9})$/.exec(hash);
  return match ? Number(match[1]) : null;
};

/**
 * Where reading starts: the post of a permalink (#post-N), else the first unread post for a signed-in reader
 * who read part of the topic, else the beginning. Null until the read mark is known.
 */
function useReadingStart(hashSeq: number | null, topic: { lastReadSeq?: number; lastSeq: number } | null) {
  const [start, setStart] = useState<number | null>(hashSeq);
  const [firstUnread, setFirstUnread] = useState<number | null>(null);
  useEffect(() => {
    if (!topic || firstUnread !== null) return;
    const read = topic.lastReadSeq ?? 0;
    // The divider stays where it was when the page opened, although reading moves the mark on.
    const unread = read > 0 && read < topic.lastSeq ? read + 1 : 0;
    setFirstUnread(unread);
    setStart((current) => current ?? (unread || 1));
  }, [topic, firstUnread]);
  return { start, setStart, firstUnread: firstUnread || null };
}

export function TopicPage({ id }: { id: string }) {
  const { account } = useSession();
  const { hash } = useLocation();
  const hashSeq = postInHash(hash);
  const [headTopic, setHeadTopic] = useState<{ lastReadSeq?: number; lastSeq: number } | null>(null);
  const reading = useReadingStart(hashSeq, headTopic);
  const data = useTopic(id, reading.start);
  const { topic, forum, posts } = data;
  useEffect(() => {
    if (topic && !headTopic) setHeadTopic(topic);
  }, [topic, headTopic]);
  const target = hashSeq ?? reading.firstUnread;
  const scrolledTo = useRef<string | null>(null);
  const [highlighted, setHighlighted] = useState<number | null>(null);

  // A permalink to a post that is not loaded opens the topic again around it; one that is loaded scrolls there.
  useEffect(() => {
    if (hashSeq === null || data.loadingPosts) return;
    const loaded = posts.some((post) => post.seq === hashSeq);
    if (!loaded && reading.start !== hashSeq) reading.setStart(hashSeq);
    // Only when the hash or the loading state changes: posts change with every live event.
  }, [hashSeq, data.loadingPosts]);

  useEffect(() => {
    if (target === null || posts.length === 0) return;
    const key = `${hash}|${target}`;
    if (scrolledTo.current === key) return;
    const post = posts.find((p) => p.seq >= target);
    if (!post) return;
    // The list item: for the first unread post it holds the "New" divider above the post.
    const element = document.getElementById(`post-${post.seq}`)?.closest('li');
    if (!element) return;
    scrolledTo.current = key;
    element.scrollIntoView({ block: hashSeq ? 'center' : 'start' });
    if (hashSeq) setHighlighted(post.seq);
  }, [target, posts, hash, hashSeq]);
  useTitle(topic?.title ?? 'Topic');
  const [replyTo, setReplyTo] = useState<number | null>(null);
  const composer = useRef<ComposerHandle>(null);
  const [editing, setEditing] = useState<Post | null>(null);
  const [moderating, setModerating] = useState<Post | null>(null);
  const [note, setNote] = useState<PublishedResult | null>(null);
  const [unseen, setUnseen] = useState<number[]>([]);
  const scrolledUp = useScrolledUp();
  const scrolledRef = useRef(scrolledUp);
  scrolledRef.current = scrolledUp;
  const moderator = canModerate(account, forum?.id);

  const room = useRoom(`topic:${id}`, {
    onEvent: (event) => {
      data.applyEvent(event);
      if (event.name !== ServerEvent.PostCreated) return;
      const { post } = event.payload;
      if (post.authorId !== account?.id && scrolledRef.current) setUnseen((current) => [...current, post.seq]);
    },
    onJoined: (reply, first) => {
      if (reply.resync) data.reload();
      else if (first || reply.replayed === 0) void data.catchUp();
    },
  });

  // Held posts go to the forum's moderators only, through their own room.
  useRoom(moderator && forum ? `mod:${forum.id}` : null, {
    onEvent: (event) => {
      if ('topicId' in event.payload && event.payload.topicId === id) data.applyEvent(event);
    },
  });

  useEffect(() => {
    if (!scrolledUp) setUnseen([]);
  }, [scrolledUp]);

  if (data.error && !topic) return <ErrorMessage error={data.error} onRetry={data.reload} />;
  if (!topic || !forum) return <Loading what="Loading topic" />;

  // A quote goes in at the caret of the reply being written (never over it), and the caret stays there.
  const startReply = (post: Post, quote: boolean) => {
    setReplyTo(post.seq);
    document.getElementById('reply')?.scrollIntoView({ block: 'center' });
    if (quote) composer.current?.insertText(quoteOf(post), { block: true });
    else composer.current?.focus();
  };
  const mayMarkSolution = !!account && (account.id === topic.authorId || moderator);
  const markSolution = (post: Post, solved: boolean) => {
    const change = solved ? forumsApi.markSolution(topic.id, post.id) : forumsApi.clearSolution(topic.id);
    change.then(
      (updated) =>
        data.setTopic((t) => ({ ...t, solvedPostId: updated.solvedPostId, solvedSeq: updated.solvedSeq })),
      (failure: unknown) => window.alert(describeError(failure)),
    );
  };
  const people = [
    ...new Set(posts.filter((post) => post.authorId && post.authorId !== account?.id).map((p) => p.authorName)),
  ].reverse();

  return (
    <>
      <NoticeBanner />
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/">Forums</Link> › <Link href={`/f/${forum.slug}`}>{forum.name}</Link>
      </nav>
      <h1>
        {topic.title} {topic.locked && <span className="badge">locked</span>}
        {topic.pinned && <span className="badge">pinned</span>}
      </h1>
      <RoomStatus state={room} selfName={account?.username} />
      {moderator && (
        <TopicModerationBar topic={topic} onChange={(flags) => data.setTopic((t) => ({ ...t, ...flags }))} />
      )}
      {reading.firstUnread && hashSeq !== null && hashSeq !== reading.firstUnread && (
        <p>
          <a href={`#post-${reading.firstUnread}`} className="button small">
            Jump to first unread (#{reading.firstUnread})
          </a>
        </p>
      )}
      {data.hasOlder && (
        <LoadMore onLoad={data.loadOlder} busy={data.loadingOlder} label="Load earlier posts" />
      )}
      {data.loadingPosts && <Loading what="Loading posts" />}
      <ol className="posts" aria-label="Posts">
        {posts.map((post) => (
          <li
            key={post.id}
            className={[
              post.seq === reading.firstUnread ? 'first-unread' : '',
              post.seq === highlighted ? 'highlighted' : '',
            ].join(' ')}
          >
            {post.seq === reading.firstUnread && (
              <div className="new-divider" role="separator" aria-label="New posts since your last visit">
                <span>New</span>
              </div>
            )}
            {editing?.id === post.id ? (
              <Composer
                label={`Edit post #${post.seq}`}
                submitLabel="Save changes"
                initialBody={post.source ?? ''}
                region={forum.phoneRegion}
                policy={forum.piiPolicy}
                uploadTo={forum.slug}
                autoFocus
                send={(input) =>
                  forumsApi.edit(post.id, {
                    body: input.body,
                    acknowledgePersonalData: input.acknowledgePersonalData,
                  })
                }
                onPublished={(updated) => {
                  data.upsert(updated);
                  setEditing(null);
                }}
                onCancel={() => setEditing(null)}
              />
            ) : (
              <PostItem
                post={post}
                signedInId={account?.id ?? null}
                moderator={moderator}
                locked={topic.locked}
                onReply={startReply}
                onEdit={setEditing}
                onChanged={data.upsert}
                onModerate={setModerating}
                solution={!!topic.solvedPostId && topic.solvedPostId === post.id}
                onSolution={mayMarkSolution ? markSolution : undefined}
              />
            )}
            {post.seq === 1 && topic.solvedSeq && (
              <SolutionBox topicId={topic.id} seq={topic.solvedSeq} loaded={posts} />
            )}
          </li>
        ))}
      </ol>
      {data.hasNewer && <LoadMore onLoad={data.loadNewer} busy={data.loadingNewer} label="Load more posts" />}
      {unseen.length > 0 && (
        <button
          type="button"
          className="new-marker"
          onClick={() => document.getElementById(`post-${unseen[0]}`)?.scrollIntoView({ behavior: 'smooth' })}
        >
          {unseen.length} new {unseen.length === 1 ? 'reply' : 'replies'} ↓
        </button>
      )}
      <section id="reply" className="reply-box" aria-label="Reply">
        {note && <PublishedNote result={note} onDismiss={() => setNote(null)} />}
        {topic.locked ? (
          <p className="muted">This topic is locked: no new replies.</p>
        ) : account ? (
          <>
            <h2>{replyTo ? `Reply to #${replyTo}` : 'Reply'}</h2>
            <Composer
              handle={composer}
              label="Your reply"
              submitLabel="Post reply"
              region={forum.phoneRegion}
              policy={forum.piiPolicy}
              uploadTo={forum.slug}
              draft={{ kind: 'topic', ref: topic.id }}
              mentionCandidates={people}
              onInput={room.sendTyping}
              send={({ title: _title, ...input }) =>
                forumsApi.reply(topic.id, { ...input, replyTo: replyTo ?? undefined })
              }
              onPublished={(result) => {
                data.upsert(result.post);
                room.typingDone();
                setReplyTo(null);
                setNote(result);
              }}
              onCancel={replyTo ? () => setReplyTo(null) : undefined}
            />
          </>
        ) : (
          <p>
            <Link href={`/signin?next=/t/${topic.id}`}>Sign in</Link> or{' '}
            <Link href="/register">create an account</Link> to reply.
          </p>
        )}
        {/* Below the posts, as in Discourse: loading it never shifts the post a reader was scrolled to. */}
        <WatchControl scope="topics" id={topic.id} />
      </section>
      {moderating && (
        <ModeratePostDialog
          post={moderating}
          region={forum.phoneRegion}
          onClose={() => setModerating(null)}
          onDone={(post) => {
            if (post) data.upsert(post);
            setModerating(null);
          }}
        />
      )}
    </>
  );
}

/** Under the first post: the reply marked as the answer, from the loaded pages or fetched on its own. */
function SolutionBox({ topicId, seq, loaded }: { topicId: string; seq: number; loaded: Post[] }) {
  const inList = loaded.find((post) => post.seq === seq);
  const fetched = useQuery({
    queryKey: ['topic', topicId, 'solution', seq],
    enabled: !inList,
    queryFn: () => forumsApi.posts(topicId, { after: seq - 1, limit: 1 }),
  });
  const post = inList ?? fetched.data?.items.find((item) => item.seq === seq);
  if (!post) return null;
  return (
    <section className="solution-box card" aria-label="Solution">
      <p className="solution-head">
        <strong>✓ Solved</strong> by {post.authorName} ·{' '}
        <a href={`#post-${post.seq}`}>go to the answer (#{post.seq})</a>
      </p>
      <ServerHtml className="prose" html={post.html} />
    </section>
  );
}
