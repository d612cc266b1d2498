import type { AuthUser } from '../auth/access-policy';
import type { ContentView } from '../infra/events/forum-events';
import type { FindingsSummary } from '../publishing/publish-decision';
import type { Post, PostStatus } from './post';

export const WAITING_FOR_MODERATOR = 'waiting for a moderator';

const PLACEHOLDERS: Partial<Record<PostStatus, string>> = {
  deleted: '<p><em>This post was deleted by its author.</em></p>',
  hidden: '<p><em>This post is hidden by a moderator.</em></p>',
  removed: '<p><em>This post was removed by a moderator.</em></p>',
};

export interface PostView extends ContentView {
  topicId: string;
  forumId: string;
  replyTo: number | null;
  quotedPostIds: string[];
  mentionedUserIds: string[];
  likeCount: number;
  createdAt: string;
  editedAt: string | null;
  revisionCount: number;
  likedByMe?: boolean;
  /** Only for the author and moderators: the Markdown to edit from, and what the personal-data check found. */
  source?: string;
  findings?: FindingsSummary | null;
  /** Held posts, as their author sees them. */
  pending?: string;
}

/** Who is looking, as far as post visibility is concerned. */
export interface Viewer {
  user?: Pick<AuthUser, 'id'>;
  moderator: boolean;
}

/** The view published with events: the rendered text, no source, no findings. */
export function toPublicView(post: Post): PostView {
  return {
    id: post.id,
    seq: post.seq,
    topicId: post.topicId,
    forumId: post.forumId,
    authorId: post.authorId,
    authorName: post.authorName,
    html: post.status === 'visible' || post.status === 'held' ? post.html : (PLACEHOLDERS[post.status] ?? ''),
    status: post.status,
    replyTo: post.replyTo,
    quotedPostIds: post.quotedPostIds,
    mentionedUserIds: post.mentionedUserIds,
    likeCount: post.likeCount,
    createdAt: post.createdAt,
    editedAt: post.editedAt,
    revisionCount: post.revisionCount,
  };
}

/**
 * A post as this viewer may see it, or null when they may not see it at all (someone else's held post).
 * Hidden, removed and deleted posts show a placeholder to everyone but moderators.
 */
export function toPostView(post: Post, viewer: Viewer): PostView | null {
  const isAuthor = !!viewer.user && post.authorId === viewer.user.id;
  if (post.status === 'held' && !isAuthor && !viewer.moderator) return null;
  const view = toPublicView(post);
  if (viewer.moderator) view.html = post.html;
  const editable = post.status === 'visible' || post.status === 'held';
  if (viewer.moderator || (isAuthor && editable)) {
    view.source = post.source;
    view.findings = post.findings;
  }
  if (post.status === 'held') view.pending = WAITING_FOR_MODERATOR;
  // An edit parked for review: its author sees it (marked); everyone else, moderators included, the published text.
  if (isAuthor && post.pendingEdit) {
    view.html = post.pendingEdit.html;
    view.source = post.pendingEdit.source;
    view.pending = WAITING_FOR_MODERATOR;
  }
  return view;
}
