import { ServerEvent, type RoomEventEnvelope } from '@socket-protocol';
import { useCallback, useEffect, useRef, useState } from 'react';
import { boardsApi, type Board, type BoardMessage } from '../../api/boards-api';
import { forumsApi, type Forum } from '../../api/forums-api';
import type { RoomEventName } from '../../realtime/use-room';
import { useNotice } from '../notices/notice-context';

function merge(
  current: BoardMessage[],
  incoming: (Partial<BoardMessage> & { id: string })[],
): BoardMessage[] {
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const message of incoming) {
    const old = byId.get(message.id);
    if (old) byId.set(message.id, { ...old, ...message });
    else if (message.seq !== undefined) byId.set(message.id, message as BoardMessage);
  }
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/** A board's newest page, older pages on demand, and the live events of its room. */
export function useBoard(slug: string) {
  const { observe } = useNotice();
  const [board, setBoard] = useState<Board | null>(null);
  const [forum, setForum] = useState<Forum | null>(null);
  const [messages, setMessages] = useState<BoardMessage[]>([]);
  const [olderBefore, setOlderBefore] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const newest = useRef(0);

  const take = useCallback((items: BoardMessage[]) => {
    setMessages((current) => merge(current, items));
    for (const m of items) newest.current = Math.max(newest.current, m.seq);
  }, []);

  const load = useCallback(async () => {
    setError(null);
    try {
      const info = await boardsApi.get(slug);
      setBoard(info);
      // The forum gives the phone region the live check reads national numbers in, and the inherited policy.
      forumsApi.forum(info.forumSlug).then(
        (answer) => setForum(answer.forum),
        () => undefined,
      );
      const page = await boardsApi.messages(slug, { limit: 50 });
      observe(page.notice);
      setMessages([]);
      newest.current = 0;
      take(page.messages);
      setOlderBefore(page.olderBefore);
    } catch (failure) {
      setError(failure);
    }
  }, [slug, observe, take]);

  useEffect(() => {
    void load();
  }, [load]);

  const loadOlder = useCallback(async () => {
    if (olderBefore === null) return;
    try {
      const page = await boardsApi.messages(slug, { before: olderBefore, limit: 50 });
      take(page.messages);
      setOlderBefore(page.olderBefore);
    } catch (failure) {
      setError(failure);
    }
  }, [slug, olderBefore, take]);

  const catchUp = useCallback(async () => {
    try {
      let after: number | null = newest.current;
      while (after !== null) {
        const page: Awaited<ReturnType<typeof boardsApi.messages>> = await boardsApi.messages(slug, {
          after,
          limit: 100,
        });
        take(page.messages);
        after = page.newerAfter;
      }
    } catch (failure) {
      setError(failure);
    }
  }, [slug, take]);

  const applyEvent = useCallback(
    (name: RoomEventName, payload: RoomEventEnvelope) => {
      const message = payload.message as BoardMessage | undefined;
      if (message && (name === ServerEvent.MessageCreated || name === ServerEvent.MessageHeld))
        take([message]);
      if (message && (name === ServerEvent.MessageUpdated || name === ServerEvent.MessageRedacted)) {
        setMessages((current) => {
          const old = current.find((m) => m.id === message.id);
          return merge(current, [
            { ...message, likedByMe: old?.likedByMe, source: undefined, findings: undefined },
          ]);
        });
      }
      if (name === ServerEvent.MessageRemoved && typeof payload.messageId === 'string') {
        const status = payload.status === 'deleted' ? 'deleted' : 'removed';
        const html =
          status === 'deleted'
            ? '<p><em>This message was deleted by its author.</em></p>'
            : '<p><em>This message was removed by a moderator.</em></p>';
        setMessages((current) =>
          merge(current, [
            {
              id: payload.messageId as string,
              status,
              html,
            },
          ]),
        );
      }
    },
    [take],
  );

  return { board, forum, messages, olderBefore, error, load, loadOlder, catchUp, applyEvent, take };
}
