import { ServerEvent } from '@socket-protocol';
import { useInfiniteQuery, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import { boardsApi, type BoardMessage, type MessagePage } from '../../api/boards-api';
import { forumsApi } from '../../api/forums-api';
import type { LiveRoomEvent } from '../../realtime/live-events';
import { removalPlaceholder } from '../../realtime/removal-placeholder';
import { useNotice } from '../notices/notice-context';

const PAGE = 50;
type PageParam = { before?: number };
type Pages = InfiniteData<MessagePage, PageParam>;
type MessageChange = Partial<BoardMessage> & { id: string };

export const boardKeys = {
  board: (slug: string) => ['board', slug] as const,
  messages: (slug: string) => ['board', slug, 'messages'] as const,
};

/** Known messages are replaced in place; new ones (with a seq) join the newest page. */
function takeInto(data: Pages | undefined, changes: MessageChange[]): Pages | undefined {
  if (!data || data.pages.length === 0) return data;
  const byId = new Map(changes.map((change) => [change.id, change]));
  const pages = data.pages.map((page) => ({
    ...page,
    messages: page.messages.map((message) => {
      const change = byId.get(message.id);
      if (!change) return message;
      byId.delete(message.id);
      return { ...message, ...change };
    }),
  }));
  const fresh = [...byId.values()].filter((change): change is BoardMessage => change.seq !== undefined);
  if (fresh.length > 0) {
    const last = pages[pages.length - 1];
    last.messages = [...last.messages, ...fresh].sort((a, b) => a.seq - b.seq);
  }
  return { ...data, pages };
}

/** A board's newest page, older pages on demand, and the live events of its room, in TanStack Query's cache. */
export function useBoard(slug: string) {
  const { observe } = useNotice();
  const queryClient = useQueryClient();
  const messagesKey = useMemo(() => boardKeys.messages(slug), [slug]);
  const board = useQuery({ queryKey: boardKeys.board(slug), queryFn: () => boardsApi.get(slug) });
  // The forum gives the phone region the live check reads national numbers in, and the inherited policy.
  const forumSlug = board.data?.forumSlug;
  const forum = useQuery({
    queryKey: ['forum', forumSlug],
    enabled: !!forumSlug,
    queryFn: () => forumsApi.forum(forumSlug!),
  });
  const pages = useInfiniteQuery({
    queryKey: messagesKey,
    initialPageParam: {} as PageParam,
    queryFn: ({ pageParam }) => boardsApi.messages(slug, { ...pageParam, limit: PAGE }),
    getNextPageParam: () => undefined,
    getPreviousPageParam: (first) => (first.olderBefore !== null ? { before: first.olderBefore } : undefined),
  });

  const notice = pages.data?.pages[pages.data.pages.length - 1]?.notice;
  useEffect(() => {
    if (notice) observe(notice);
  }, [notice, observe]);

  const messages = useMemo(() => {
    const byId = new Map<string, BoardMessage>();
    for (const page of pages.data?.pages ?? []) for (const m of page.messages) byId.set(m.id, m);
    return [...byId.values()].sort((a, b) => a.seq - b.seq);
  }, [pages.data]);

  const take = useCallback(
    (changes: MessageChange[]) => queryClient.setQueryData<Pages>(messagesKey, (data) => takeInto(data, changes)),
    [queryClient, messagesKey],
  );

  const catchUp = useCallback(async () => {
    const data = queryClient.getQueryData<Pages>(messagesKey);
    if (!data) return;
    let after: number | null = Math.max(0, ...data.pages.flatMap((page) => page.messages.map((m) => m.seq)));
    while (after !== null) {
      const page: MessagePage | null = await boardsApi.messages(slug, { after, limit: 100 }).catch(() => null);
      if (!page) return;
      take(page.messages);
      after = page.newerAfter;
    }
  }, [queryClient, messagesKey, slug, take]);

  const reload = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: boardKeys.board(slug) });
    void queryClient.resetQueries({ queryKey: messagesKey });
  }, [queryClient, slug, messagesKey]);

  const applyEvent = useCallback(
    (event: LiveRoomEvent) => {
      switch (event.name) {
        case ServerEvent.MessageCreated:
        case ServerEvent.MessageHeld:
          take([event.payload.message]);
          return;
        case ServerEvent.MessageUpdated:
        case ServerEvent.MessageRedacted: {
          const { message } = event.payload;
          const old = messages.find((m) => m.id === message.id);
          take([{ ...message, likedByMe: old?.likedByMe, source: undefined, findings: undefined }]);
          return;
        }
        case ServerEvent.MessageRemoved:
          take([{ id: event.payload.messageId, ...removalPlaceholder('message', event.payload.status) }]);
          return;
      }
    },
    [take, messages],
  );

  return {
    board: board.data ?? null,
    forum: forum.data?.forum ?? null,
    messages,
    hasOlder: pages.hasPreviousPage,
    loadingOlder: pages.isFetchingPreviousPage,
    error: board.error ?? pages.error,
    reload,
    loadOlder: () => void pages.fetchPreviousPage(),
    catchUp,
    applyEvent,
    take,
  };
}
