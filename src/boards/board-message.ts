import type { FollowUpState } from '../infra/outbox/follow-up-worker';
import type { FindingsSummary } from '../publishing/publish-decision';

/** held: waiting for a moderator (review policy); deleted: by its author; removed: by a moderator. */
export type BoardMessageStatus = 'visible' | 'held' | 'hidden' | 'deleted' | 'removed';

export interface MessageRevision {
  source: string;
  html: string;
  editedAt: string;
}

export interface BoardMessage {
  id: string;
  /** The board room's event number of its announcement, taken with the message (null before that existed). */
  eventSeq: number | null;
  boardId: string;
  forumId: string;
  seq: number;
  authorId: string | null;
  authorName: string;
  source: string;
  html: string;
  /** The seq of the message this one answers (a short thread under it). */
  replyTo: number | null;
  replyCount: number;
  likeCount: number;
  likedBy: string[];
  status: BoardMessageStatus;
  findings: FindingsSummary | null;
  /** Earlier versions, oldest first; redaction rewrites them with the message. */
  revisions: MessageRevision[];
  createdAt: string;
  editedAt: string | null;
}

export type NewBoardMessage = Pick<
  BoardMessage,
  | 'boardId'
  | 'forumId'
  | 'seq'
  | 'authorId'
  | 'authorName'
  | 'source'
  | 'html'
  | 'replyTo'
  | 'status'
  | 'findings'
> & { clientKey: string; eventSeq?: number | null; followUp?: FollowUpState };
