import type { Topic } from './topic';

export interface TopicView {
  id: string;
  forumId: string;
  title: string;
  authorId: string | null;
  authorName: string;
  tags: string[];
  pinned: boolean;
  locked: boolean;
  status: string;
  replyCount: number;
  /** Sequence number of the newest visible post: "everything after the last seq I saw" starts here. */
  lastSeq: number;
  lastActivityAt: string;
  createdAt: string;
  /** The reply marked as the answer, when there is one. */
  solvedPostId?: string;
  solvedSeq?: number;
  /** Signed-in readers only. */
  lastReadSeq?: number;
  unreadCount?: number;
}

export function toTopicView(topic: Topic, lastReadSeq?: number): TopicView {
  const view: TopicView = {
    id: topic.id,
    forumId: topic.forumId,
    title: topic.title,
    authorId: topic.authorId,
    authorName: topic.authorName,
    tags: topic.tags,
    pinned: topic.pinned,
    locked: topic.locked,
    status: topic.status,
    replyCount: topic.replyCount,
    lastSeq: topic.lastVisibleSeq,
    lastActivityAt: topic.lastActivityAt,
    createdAt: topic.createdAt,
  };
  if (topic.solvedPostId && topic.solvedSeq !== null) {
    view.solvedPostId = topic.solvedPostId;
    view.solvedSeq = topic.solvedSeq;
  }
  if (lastReadSeq !== undefined) {
    view.lastReadSeq = lastReadSeq;
    view.unreadCount = unreadCount(topic, lastReadSeq);
  }
  return view;
}

/**
 * Posts numbered after the reader's mark up to the newest visible one. Held posts and numbers lost to retried
 * writes can make it slightly high; it is a hint on a list, and opening the topic clears it.
 */
export function unreadCount(topic: Topic, lastReadSeq: number): number {
  return Math.max(0, topic.lastVisibleSeq - lastReadSeq);
}
