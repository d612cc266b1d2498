import { detect } from '../pii';
import type { ModeratedContent } from '../content/content-lifecycle';
import type { ReviewItem } from './review-item';
import type { UploadView } from '../uploads/upload-view';

export interface MarkedSpan {
  type: string;
  start: number;
  end: number;
  rule: string;
}

/** One queue entry as a moderator sees it: what is wrong, how urgent, how old, and the text to judge. */
export interface QueueItemView {
  id: string;
  targetType: ReviewItem['targetType'];
  targetId: string;
  forumId: string;
  status: ReviewItem['status'];
  reasons: string[];
  priority: 'high' | 'low';
  reportCount: number;
  queuedAt: string;
  ageSeconds: number;
  resolution: string | null;
  author: { id: string | null; name: string | null; previousActions: number };
  /** A post's images and attachments (served at their `url`), with what their check found. */
  uploads?: UploadView[];
  /** Null when the content is gone. Spans are offsets into `source`, found by the detector just now. */
  content: {
    status: string;
    seq: number;
    containerId: string;
    title: string | null;
    source: string;
    html: string;
    createdAt: string;
    spans: MarkedSpan[];
    /** An edit of the published text waiting for review, with its own spans: what approve would publish. */
    pendingEdit: { source: string; title: string | null; spans: MarkedSpan[] } | null;
  } | null;
}

export function toQueueItemView(
  item: ReviewItem,
  content: ModeratedContent | null,
  previousActions: number,
  region: string | undefined,
  now: number,
): QueueItemView {
  return {
    id: item.id,
    targetType: item.targetType,
    targetId: item.targetId,
    forumId: item.forumId,
    status: item.status,
    reasons: item.reasons,
    priority: item.priority === 0 ? 'high' : 'low',
    reportCount: item.reportCount,
    queuedAt: item.queuedAt,
    ageSeconds: Math.max(0, Math.floor((now - Date.parse(item.queuedAt)) / 1000)),
    resolution: item.resolution,
    author: { id: item.authorId, name: content?.authorName ?? null, previousActions },
    content: content && {
      status: content.status,
      seq: content.seq,
      containerId: content.containerId,
      title: content.title,
      source: content.source,
      html: content.html,
      createdAt: content.createdAt,
      spans: spansOf(content.source, region),
      pendingEdit: content.pendingEdit && {
        ...content.pendingEdit,
        spans: spansOf(content.pendingEdit.source, region),
      },
    },
  };
}

function spansOf(text: string, region: string | undefined): MarkedSpan[] {
  return detect(text, { defaultRegion: region }).map(({ type, start, end, rule }) => ({
    type,
    start,
    end,
    rule,
  }));
}
