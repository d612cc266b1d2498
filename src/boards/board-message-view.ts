import type { ContentView } from '../infra/events/forum-events';
import type { FindingsSummary } from '../publishing/publish-decision';
import type { BoardMessage, BoardMessageStatus } from './board-message';
import type { Board } from './board';

const PLACEHOLDERS: Partial<Record<BoardMessageStatus, string>> = {
  deleted: '<p><em>This message was deleted by its author.</em></p>',
  removed: '<p><em>This message was removed by a moderator.</em></p>',
  hidden: '<p><em>This message was hidden by a moderator.</em></p>',
};

export interface BoardMessageView extends ContentView {
  boardId: string;
  replyTo: number | null;
  replyCount: number;
  likeCount: number;
  createdAt: string;
  editedAt: string | null;
  revisionCount: number;
  likedByMe?: boolean;
  /** Only for the author and moderators. */
  source?: string;
  findings?: FindingsSummary | null;
  pending?: string;
}

export interface MessageViewer {
  userId?: string;
  moderator: boolean;
}

/** The view sent with events: rendered text only, a placeholder once hidden, deleted or removed. */
export function toPublicMessageView(message: BoardMessage): BoardMessageView {
  return {
    id: message.id,
    seq: message.seq,
    boardId: message.boardId,
    authorId: message.authorId,
    authorName: message.authorName,
    html: PLACEHOLDERS[message.status] ?? message.html,
    status: message.status,
    replyTo: message.replyTo,
    replyCount: message.replyCount,
    likeCount: message.likeCount,
    createdAt: message.createdAt,
    editedAt: message.editedAt,
    revisionCount: message.revisions.length,
  };
}

export function toMessageView(message: BoardMessage, viewer: MessageViewer): BoardMessageView {
  const view = toPublicMessageView(message);
  const isAuthor = !!viewer.userId && viewer.userId === message.authorId;
  if (viewer.userId) view.likedByMe = message.likedBy.includes(viewer.userId);
  if (viewer.moderator || (isAuthor && (message.status === 'visible' || message.status === 'held'))) {
    view.source = message.source;
    view.findings = message.findings;
  }
  if (message.status === 'held') view.pending = 'waiting for a moderator';
  return view;
}

export function toBoardView(board: Board, forumSlug: string) {
  return {
    id: board.id,
    slug: board.slug,
    name: board.name,
    description: board.description,
    forumId: board.forumId,
    forumSlug,
    piiPolicy: board.piiPolicy,
    slowModeSeconds: board.slowModeSeconds,
    lastSeq: board.lastSeq,
    archived: board.archived,
    createdAt: board.createdAt,
  };
}
export type BoardView = ReturnType<typeof toBoardView>;
