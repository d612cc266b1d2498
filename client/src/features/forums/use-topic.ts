import { ServerEvent, type RoomEventEnvelope } from '@socket-protocol';
import { useCallback, useEffect, useRef, useState } from 'react';
import { forumsApi, type Forum, type Post, type Topic } from '../../api/forums-api';
import { useNotice } from '../notices/notice-context';
import type { RoomEventName } from '../../realtime/use-room';

const PAGE = 30;

/** Merges by id and keeps sequence order; a newer copy of a post replaces the older one in place. */
function merge(current: Post[], incoming: (Partial<Post> & { id: string })[]): Post[] {
  const byId = new Map(current.map((post) => [post.id, post]));
  for (const post of incoming) {
    const old = byId.get(post.id);
    if (old) byId.set(post.id, { ...old, ...post });
    else if (post.seq !== undefined) byId.set(post.id, post as Post);
  }
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/** A topic page's data: REST pages by sequence number, plus the live events of its room. */
export function useTopic(topicId: string) {
  const { observe } = useNotice();
  const [topic, setTopic] = useState<Topic | null>(null);
  const [forum, setForum] = useState<Forum | null>(null);
  const [posts, setPosts] = useState<Post[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const lastSeq = useRef(0);

  const fetchAfter = useCallback(
    async (after: number) => {
      const page = await forumsApi.posts(topicId, { after, limit: PAGE });
      observe(page.notice);
      setPosts((current) => merge(current, page.items));
      const newest = page.items[page.items.length - 1]?.seq ?? after;
      lastSeq.current = Math.max(lastSeq.current, newest);
      setHasMore(page.hasMore);
      return page;
    },
    [topicId, observe],
  );

  const load = useCallback(async () => {
    setError(null);
    lastSeq.current = 0;
    setPosts([]);
    try {
      const head = await forumsApi.topic(topicId);
      setTopic(head.topic);
      setForum(head.forum);
      observe(head.notice);
      await fetchAfter(0);
    } catch (failure) {
      setError(failure);
    }
  }, [topicId, observe, fetchAfter]);

  useEffect(() => {
    void load();
  }, [load]);

  const loadMore = useCallback(() => fetchAfter(lastSeq.current).catch(setError), [fetchAfter]);

  /** Everything after the newest post we hold (after a join or a resync), page by page. */
  const catchUp = useCallback(async () => {
    try {
      let page = await fetchAfter(lastSeq.current);
      while (page.hasMore && page.items.length > 0) page = await fetchAfter(lastSeq.current);
    } catch (failure) {
      setError(failure);
    }
  }, [fetchAfter]);

  const upsert = useCallback((post: Partial<Post> & { id: string }) => {
    setPosts((current) => merge(current, [post]));
    if (post.seq) lastSeq.current = Math.max(lastSeq.current, post.seq);
  }, []);

  const refetchOne = useCallback(
    async (seq: number) => {
      const page = await forumsApi.posts(topicId, { after: seq - 1, limit: 1 }).catch(() => null);
      if (page) setPosts((current) => merge(current, page.items));
    },
    [topicId],
  );

  const applyEvent = useCallback(
    (name: RoomEventName, payload: RoomEventEnvelope) => {
      const post = payload.post as Post | undefined;
      if (name === ServerEvent.PostCreated && post) {
        upsert(post);
        setTopic((t) =>
          t ? { ...t, lastSeq: Math.max(t.lastSeq, post.seq), replyCount: t.replyCount + 1 } : t,
        );
      }
      // Edits and redactions carry the public view; readers who also hold the source (author, moderators)
      // fetch their own view of that one post again, so an edit never starts from a redacted-away value.
      if (
        post &&
        (name === ServerEvent.PostUpdated ||
          name === ServerEvent.PostRedacted ||
          name === ServerEvent.PostHeld)
      ) {
        setPosts((current) => {
          const old = current.find((p) => p.id === post.id);
          if (old?.source !== undefined) void refetchOne(post.seq);
          return merge(current, [
            { ...post, likedByMe: old?.likedByMe, source: undefined, findings: undefined },
          ]);
        });
      }
      if (name === ServerEvent.PostRemoved && typeof payload.postId === 'string') {
        // The same wording a reload shows (the server's placeholder for each status).
        const status = payload.status === 'deleted' ? 'deleted' : 'removed';
        const html =
          status === 'deleted'
            ? '<p><em>This post was deleted by its author.</em></p>'
            : '<p><em>This post was removed by a moderator.</em></p>';
        setPosts((current) =>
          merge(current, [
            {
              id: payload.postId as string,
              status,
              html,
            },
          ]),
        );
      }
      // A redacted first post carries the topic's redacted title.
      if (name === ServerEvent.PostRedacted && typeof payload.title === 'string') {
        const title = payload.title;
        setTopic((t) => (t ? { ...t, title } : t));
      }
      if (name === ServerEvent.TopicLocked) setTopic((t) => (t ? { ...t, locked: !!payload.locked } : t));
      if (name === ServerEvent.TopicUpdated && payload.topic)
        setTopic((t) => (t ? { ...t, ...(payload.topic as Partial<Topic>) } : t));
    },
    [upsert, refetchOne],
  );

  return { topic, forum, posts, hasMore, error, load, loadMore, catchUp, upsert, applyEvent, setTopic };
}
