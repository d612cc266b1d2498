import { ServerEvent } from '@socket-protocol';
import { useInfiniteQuery, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import { forumsApi, type Post, type PostPage, type Topic } from '../../api/forums-api';
import { useNotice } from '../notices/notice-context';
import type { LiveRoomEvent } from '../../realtime/live-events';
import { removalPlaceholder } from '../../realtime/removal-placeholder';

export const PAGE = 30;
/** How many posts a page opened at post N shows before N, so the post is read in its context. */
const CONTEXT_BEFORE = 5;

/** A page is asked for after a seq (reading forwards) or before one (reading back). */
export type PageParam = { after: number } | { before: number };
type Pages = InfiniteData<PostPage, PageParam>;

export const topicKeys = {
  head: (topicId: string) => ['topic', topicId] as const,
  posts: (topicId: string) => ['topic', topicId, 'posts'] as const,
  page: (topicId: string, start: number) => ['topic', topicId, 'posts', start] as const,
};

const seqs = (page: PostPage) => page.items.map((post) => post.seq);

/** The first page of a topic read from post `start` (1: the beginning): a few posts before it, then on. */
export function firstPageParam(start: number): PageParam {
  return { after: Math.max(0, start - CONTEXT_BEFORE - 1) };
}

function nextParam(last: PostPage, _all: PostPage[], param: PageParam): PageParam | undefined {
  if (!('after' in param) || !last.hasMore) return undefined;
  return { after: Math.max(param.after + 1, ...seqs(last)) };
}

function previousParam(first: PostPage, _all: PostPage[], param: PageParam): PageParam | undefined {
  if ('before' in param) return first.hasMore ? { before: Math.min(param.before - 1, ...seqs(first)) } : undefined;
  return param.after > 0 ? { before: Math.min(param.after + 1, ...seqs(first)) } : undefined;
}

type PostChange = Partial<Post> & { id: string };

/** A newer copy of a post replaces the older one wherever it is in the cached pages. */
function patchPosts(data: Pages | undefined, change: (post: Post) => Post | null): Pages | undefined {
  if (!data) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.map((post) => change(post) ?? post),
    })),
  };
}

/** New posts join the last page when it is the end of the topic; otherwise paging forward will fetch them. */
function appendPosts(data: Pages | undefined, posts: Post[]): Pages | undefined {
  if (!data || data.pages.length === 0) return data;
  const last = data.pages[data.pages.length - 1];
  if (last.hasMore) return data;
  const known = new Set(data.pages.flatMap((page) => page.items.map((post) => post.id)));
  const fresh = posts.filter((post) => !known.has(post.id));
  if (fresh.length === 0) return data;
  const items = [...last.items, ...fresh].sort((a, b) => a.seq - b.seq);
  return { ...data, pages: [...data.pages.slice(0, -1), { ...last, items }] };
}

/**
 * A topic page's server state in TanStack Query: the topic (head) and its posts as an infinite query that pages
 * both ways from `start`, kept live by the room's events written into the cache.
 */
export function useTopic(topicId: string, start: number | null) {
  const { observe } = useNotice();
  const queryClient = useQueryClient();
  const headKey = useMemo(() => topicKeys.head(topicId), [topicId]);
  const pageKey = useMemo(() => topicKeys.page(topicId, start ?? 0), [topicId, start]);

  const head = useQuery({ queryKey: headKey, queryFn: () => forumsApi.topic(topicId) });
  const posts = useInfiniteQuery({
    queryKey: pageKey,
    enabled: start !== null,
    initialPageParam: firstPageParam(start ?? 1),
    queryFn: ({ pageParam }) => forumsApi.posts(topicId, { ...pageParam, limit: PAGE }),
    getNextPageParam: nextParam,
    getPreviousPageParam: previousParam,
  });

  useEffect(() => {
    if (head.data) observe(head.data.notice);
  }, [head.data, observe]);
  const newestNotice = posts.data?.pages[posts.data.pages.length - 1]?.notice;
  useEffect(() => {
    if (newestNotice) observe(newestNotice);
  }, [newestNotice, observe]);

  const list = useMemo(() => {
    const byId = new Map<string, Post>();
    for (const page of posts.data?.pages ?? []) for (const post of page.items) byId.set(post.id, post);
    return [...byId.values()].sort((a, b) => a.seq - b.seq);
  }, [posts.data]);

  const setTopic = useCallback(
    (change: (topic: Topic) => Topic) =>
      queryClient.setQueryData<typeof head.data>(headKey, (data) =>
        data ? { ...data, topic: change(data.topic) } : data,
      ),
    [queryClient, headKey],
  );

  const upsert = useCallback(
    (change: PostChange) => {
      queryClient.setQueryData<Pages>(pageKey, (data) => {
        const known = data?.pages.some((page) => page.items.some((post) => post.id === change.id));
        if (known) return patchPosts(data, (post) => (post.id === change.id ? { ...post, ...change } : null));
        return change.seq !== undefined ? appendPosts(data, [change as Post]) : data;
      });
    },
    [queryClient, pageKey],
  );

  /** Everything after the newest post held (after a join), page by page, into the cache's last page. */
  const catchUp = useCallback(async () => {
    const data = queryClient.getQueryData<Pages>(pageKey);
    const last = data?.pages[data.pages.length - 1];
    if (!last || last.hasMore) return;
    let after = Math.max(0, ...(data?.pages.flatMap(seqs) ?? []));
    for (;;) {
      const page = await forumsApi.posts(topicId, { after, limit: PAGE }).catch(() => null);
      if (!page) return;
      queryClient.setQueryData<Pages>(pageKey, (current) => appendPosts(current, page.items));
      if (!page.hasMore || page.items.length === 0) return;
      after = Math.max(after, ...seqs(page));
    }
  }, [queryClient, topicId, pageKey]);

  const reload = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: headKey });
    void queryClient.resetQueries({ queryKey: topicKeys.posts(topicId) });
  }, [queryClient, topicId, headKey]);

  const refetchOne = useCallback(
    async (seq: number) => {
      const page = await forumsApi.posts(topicId, { after: seq - 1, limit: 1 }).catch(() => null);
      const post = page?.items[0];
      if (post) upsert(post);
    },
    [topicId, upsert],
  );

  const applyEvent = useCallback(
    (event: LiveRoomEvent) => {
      switch (event.name) {
        case ServerEvent.PostCreated: {
          const { post } = event.payload;
          upsert(post);
          setTopic((t) => ({ ...t, lastSeq: Math.max(t.lastSeq, post.seq), replyCount: t.replyCount + 1 }));
          return;
        }
        // Edits and redactions carry the public view; readers who also hold the source (author, moderators)
        // fetch their own view of that one post again, so an edit never starts from a redacted-away value.
        case ServerEvent.PostUpdated:
        case ServerEvent.PostRedacted:
        case ServerEvent.PostHeld: {
          const { post } = event.payload;
          const old = list.find((p) => p.id === post.id);
          if (old?.source !== undefined) void refetchOne(post.seq);
          upsert({ ...post, likedByMe: old?.likedByMe, source: undefined, findings: undefined });
          // A redacted first post carries the topic's redacted title.
          const title = event.name === ServerEvent.PostRedacted ? event.payload.title : undefined;
          if (title !== undefined) setTopic((t) => ({ ...t, title }));
          return;
        }
        // Another reader's like: the count moves, this reader's own "liked" stays as it was.
        case ServerEvent.PostLiked:
          upsert({ id: event.payload.postId, likeCount: event.payload.likeCount });
          return;
        case ServerEvent.PostRemoved:
          upsert({ id: event.payload.postId, ...removalPlaceholder('post', event.payload.status) });
          return;
        case ServerEvent.TopicLocked: {
          const { locked } = event.payload;
          setTopic((t) => ({ ...t, locked }));
          return;
        }
        case ServerEvent.TopicUpdated: {
          const { topic } = event.payload;
          setTopic((t) => ({ ...t, ...topic }));
          return;
        }
      }
    },
    [upsert, setTopic, refetchOne, list],
  );

  return {
    topic: head.data?.topic ?? null,
    forum: head.data?.forum ?? null,
    posts: list,
    error: head.error ?? posts.error,
    loadingPosts: posts.isPending && start !== null,
    hasOlder: posts.hasPreviousPage,
    hasNewer: posts.hasNextPage,
    loadingOlder: posts.isFetchingPreviousPage,
    loadingNewer: posts.isFetchingNextPage,
    loadOlder: () => void posts.fetchPreviousPage(),
    loadNewer: () => void posts.fetchNextPage(),
    reload,
    catchUp,
    upsert,
    applyEvent,
    setTopic,
  };
}
