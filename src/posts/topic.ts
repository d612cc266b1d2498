export type TopicStatus = 'visible' | 'held' | 'hidden' | 'removed';

export interface Topic {
  id: string;
  forumId: string;
  title: string;
  authorId: string | null;
  authorName: string;
  tags: string[];
  pinned: boolean;
  locked: boolean;
  status: TopicStatus;
  replyCount: number;
  /** The per-topic sequence counter: the seq of the newest post ever numbered ($inc). */
  lastSeq: number;
  /** The seq of the newest visible post; unread counts are measured against it. */
  lastVisibleSeq: number;
  lastActivityAt: string;
  firstPostId: string | null;
  /** The reply marked as the answer; null: not solved. */
  solvedPostId: string | null;
  solvedSeq: number | null;
  createdAt: string;
}

export interface NewTopic {
  forumId: string;
  title: string;
  authorId: string;
  authorName: string;
  tags: string[];
  status: TopicStatus;
  clientKey: string;
  /** Chosen before either insert, so the topic and its first post are stored with one write each. */
  firstPostId: string;
  lastVisibleSeq: number;
}
