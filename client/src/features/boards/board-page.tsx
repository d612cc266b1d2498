import { ServerEvent } from '@socket-protocol';
import { useEffect, useRef, useState } from 'react';
import type { BoardMessage } from '../../api/boards-api';
import { Link, useTitle } from '../../app/router';
import { canModerate, useSession } from '../../app/session-context';
import { ErrorMessage, Loading } from '../../components/status';
import { useScrolledUp } from '../../components/use-scrolled-up';
import { useConnection } from '../../realtime/connection-context';
import { RoomStatus } from '../../realtime/room-status';
import { sendBoardMessage } from '../../realtime/send-message';
import { useRoom } from '../../realtime/use-room';
import { Composer } from '../composer/composer';
import { PublishedNote, type PublishedResult } from '../forums/published-note';
import { NoticeBanner } from '../notices/notice-banner';
import { MessageThread } from './message-thread';
import { useBoard } from './use-board';

export function BoardPage({ slug }: { slug: string }) {
  const { account } = useSession();
  const { socket } = useConnection();
  const data = useBoard(slug);
  const { board, forum, messages } = data;
  useTitle(board?.name ?? 'Board');
  const [replyTo, setReplyTo] = useState<BoardMessage | null>(null);
  const [note, setNote] = useState<PublishedResult | null>(null);
  const [unseen, setUnseen] = useState(0);
  const scrolledUp = useScrolledUp();
  const scrolledRef = useRef(scrolledUp);
  scrolledRef.current = scrolledUp;
  const end = useRef<HTMLDivElement>(null);

  const room = useRoom(`board:${slug}`, {
    onEvent: (event) => {
      data.applyEvent(event);
      if (event.name !== ServerEvent.MessageCreated || event.payload.message.authorId === account?.id) return;
      if (scrolledRef.current) setUnseen((n) => n + 1);
      else window.setTimeout(() => end.current?.scrollIntoView({ block: 'end' }), 0);
    },
    onJoined: (reply, first) => {
      if (reply.resync) data.reload();
      else if (first || reply.replayed === 0) void data.catchUp();
    },
  });

  // Held messages go to the forum's moderators only, through their own room.
  const moderatorOfForum = !!board && canModerate(account, board.forumId);
  useRoom(moderatorOfForum && board ? `mod:${board.forumId}` : null, {
    onEvent: (event) => {
      if (board && 'boardId' in event.payload && event.payload.boardId === board.id) data.applyEvent(event);
    },
  });

  useEffect(() => {
    if (!scrolledUp) setUnseen(0);
  }, [scrolledUp]);

  if (data.error && !board) return <ErrorMessage error={data.error} onRetry={data.reload} />;
  if (!board) return <Loading what="Loading board" />;

  const roots = messages.filter((m) => m.replyTo === null || !messages.some((p) => p.seq === m.replyTo));
  const repliesOf = (seq: number) => messages.filter((m) => m.replyTo === seq);
  const moderator = canModerate(account, board.forumId);

  return (
    <>
      <NoticeBanner />
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/boards">Boards</Link> › {board.name}
      </nav>
      <h1>{board.name}</h1>
      {board.description && <p className="muted">{board.description}</p>}
      <RoomStatus state={room} selfName={account?.username} />
      {board.slowModeSeconds > 0 && (
        <p className="muted small">Slow mode: one message every {board.slowModeSeconds} s.</p>
      )}
      {data.hasOlder && (
        <button type="button" className="load-more" onClick={data.loadOlder} disabled={data.loadingOlder}>
          {data.loadingOlder ? 'Loading…' : 'Load earlier messages'}
        </button>
      )}
      <ol className="board-stream" aria-label="Messages" aria-live="off">
        {roots.map((message) => (
          <MessageThread
            key={message.id}
            slug={slug}
            message={message}
            replies={repliesOf(message.seq)}
            signedInId={account?.id ?? null}
            moderator={moderator}
            region={forum?.phoneRegion}
            policy={board.piiPolicy ?? forum?.piiPolicy}
            onReply={setReplyTo}
            onChanged={(m) => data.take([m])}
          />
        ))}
      </ol>
      {messages.length === 0 && <p className="muted">No messages yet. Say hello.</p>}
      <div ref={end} />
      {unseen > 0 && (
        <button
          type="button"
          className="new-marker"
          onClick={() => end.current?.scrollIntoView({ behavior: 'smooth' })}
        >
          {unseen} new {unseen === 1 ? 'message' : 'messages'} ↓
        </button>
      )}
      <section className="reply-box" aria-label="Send a message">
        {note && <PublishedNote result={note} onDismiss={() => setNote(null)} />}
        {account && !board.archived ? (
          <>
            {replyTo && (
              <p className="muted">
                Replying to #{replyTo.seq} by {replyTo.authorName}{' '}
                <button type="button" className="link-button" onClick={() => setReplyTo(null)}>
                  cancel
                </button>
              </p>
            )}
            <Composer
              label="Message"
              submitLabel="Send"
              rows={2}
              region={forum?.phoneRegion}
              policy={board.piiPolicy ?? forum?.piiPolicy}
              onInput={room.sendTyping}
              draft={{ kind: 'board', ref: slug }}
              enterToSend
              mentionCandidates={[
                ...new Set(
                  messages.filter((m) => m.authorId && m.authorId !== account?.id).map((m) => m.authorName),
                ),
              ].reverse()}
              send={(input) =>
                sendBoardMessage(socket, {
                  board: slug,
                  body: input.body,
                  clientId: input.clientId,
                  replyTo: replyTo?.seq,
                  acknowledgePersonalData: input.acknowledgePersonalData,
                })
              }
              onPublished={(result) => {
                data.take([result.message]);
                room.typingDone();
                setReplyTo(null);
                setNote({ post: result.message, masked: result.masked });
              }}
            />
          </>
        ) : board.archived ? (
          <p className="muted">This board is archived.</p>
        ) : (
          <p>
            <Link href={`/signin?next=/b/${slug}`}>Sign in</Link> to take part.
          </p>
        )}
      </section>
    </>
  );
}
