import type { FollowUpState } from '../infra/outbox/follow-up-worker';
import type { FindingsSummary } from '../publishing/publish-decision';

export type PostStatus = 'visible' | 'held' | 'hidden' | 'removed' | 'deleted';

/** A stored post (the first post of a topic is a post too, seq 1). Plain object, ids as strings. */
export interface Post {
  id: string;
  topicId: string;
  forumId: string;
  seq: number;
  /** Null once the author's account is deleted. */
  authorId: string | null;
  authorName: string;
  source: string;
  html: string;
  replyTo: number | null;
  quotedPostIds: string[];
  mentionedUserIds: string[];
  likeCount: number;
  status: PostStatus;
  /** Types and counts of personal data found at publish time; never the values. */
  findings: FindingsSummary | null;
  revisionCount: number;
  createdAt: string;
  editedAt: string | null;
  /** An edit of a published post held for review: readers keep seeing the published text until approved. */
  pendingEdit: PendingEdit | null;
  /** The topic room's event number of its announcement (null for posts stored before numbering moved here). */
  eventSeq: number | null;
}

export interface PendingEdit extends PostContentChange {
  title: string | null;
  editorId: string;
  reason: string | null;
  requestedAt: string;
}

export interface NewPost {
  /** Chosen by the caller when another document names the post before it is stored (a topic's first post). */
  id?: string;
  topicId: string;
  forumId: string;
  seq: number;
  authorId: string;
  authorName: string;
  source: string;
  html: string;
  searchText: string;
  replyTo: number | null;
  quotedPostIds: string[];
  mentionedUserIds: string[];
  status: PostStatus;
  findings: FindingsSummary | null;
  clientKey: string;
  eventSeq?: number | null;
  followUp?: FollowUpState;
}

/** One stored edit: the source (and title, for a first post) as it was before the edit. */
export interface PostRevision {
  id: string;
  postId: string;
  rev: number;
  editorId: string | null;
  editedAt: string;
  reason: string | null;
  previousSource: string;
  previousTitle: string | null;
}

/** What an edit changes on the post document. */
export interface PostContentChange {
  source: string;
  html: string;
  searchText: string;
  findings: FindingsSummary | null;
  mentionedUserIds: string[];
  quotedPostIds: string[];
  status?: PostStatus;
}
