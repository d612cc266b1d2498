import type { Upload } from './uploads-api';
import { http } from './http-client';

export type TargetType = 'post' | 'message';
export type ContentAction =
  'approve' | 'reject' | 'remove-personal-info' | 'hide' | 'unhide' | 'edit' | 'delete' | 'dismiss-reports';

export interface Span {
  start: number;
  end: number;
}

export interface MarkedSpan extends Span {
  type: string;
  rule: string;
}

/** GET /api/moderation/queue items (src/moderation/queue-item-view.ts). */
export interface QueueItem {
  id: string;
  targetType: TargetType;
  targetId: string;
  forumId: string;
  status: 'open' | 'resolved';
  reasons: string[];
  priority: 'high' | 'low';
  reportCount: number;
  queuedAt: string;
  ageSeconds: number;
  resolution: string | null;
  author: { id: string | null; name: string | null; previousActions: number };
  /** A post's images and attachments, with what their check found. */
  uploads?: Upload[];
  /** Null when the content is gone. `containerId` is the topic (posts) or board (messages). */
  content: {
    status: string;
    seq: number;
    containerId: string;
    title: string | null;
    source: string;
    html: string;
    createdAt: string;
    spans: MarkedSpan[];
  } | null;
}

export interface AuditEntry {
  id: string;
  actorId: string | null;
  actorRole: string;
  action: string;
  targetType: string;
  targetId: string;
  forumId?: string;
  reason?: string;
  counts?: Record<string, number>;
  at: string;
}

export interface ActionInput {
  reason?: string;
  /** remove-personal-info: offsets into the current source; omitted means every detected span. */
  spans?: Span[];
  /** edit: the new Markdown source. */
  source?: string;
  /** remove-personal-info: also from every other copy of the values (quotes are always followed). */
  everywhere?: boolean;
}

/** GET /api/moderation/:kind/:id/copies: where else this item's personal data stands. */
export interface CopyPlace {
  kind: TargetType;
  id: string;
  forumId: string;
  containerId: string;
  seq: number;
  status: string;
  types: string[];
  /** It quotes the item: removal follows it by itself. */
  quotes: boolean;
}

export interface Copies {
  places: CopyPlace[];
  outOfReach: number;
}

export type ReportReason = 'personal_info' | 'spam' | 'abuse' | 'off_topic' | 'other';

const kinds = (type: TargetType) => (type === 'post' ? 'posts' : 'messages');

/** The body each action accepts: the server forbids unknown fields. */
function bodyFor(action: ContentAction, input: ActionInput): object {
  const reason = input.reason ? { reason: input.reason } : {};
  if (action === 'remove-personal-info') {
    return {
      ...(input.spans ? { spans: input.spans } : {}),
      ...(input.everywhere ? { everywhere: true } : {}),
      ...reason,
    };
  }
  if (action === 'edit') return { source: input.source, reason: input.reason };
  return reason;
}

export const moderationApi = {
  /** `forum` is a forum id. */
  queue: (query: { forum?: string; reason?: string; status?: string; cursor?: string }) =>
    http.get<{ items: QueueItem[]; nextCursor: string | null }>('/api/moderation/queue', query),
  act: (type: TargetType, id: string, action: ContentAction, input: ActionInput = {}) =>
    http.post<unknown>(
      `/api/moderation/${kinds(type)}/${encodeURIComponent(id)}/${action}`,
      bodyFor(action, input),
    ),
  copies: (type: TargetType, id: string) =>
    http.get<Copies>(`/api/moderation/${kinds(type)}/${encodeURIComponent(id)}/copies`),
  audit: (query: { forum?: string; action?: string; cursor?: string }) =>
    http.get<{ items: AuditEntry[]; nextCursor: string | null }>('/api/moderation/audit', query),
  silence: (userId: string, reason: string, until?: string) =>
    http.post<unknown>(`/api/moderation/users/${encodeURIComponent(userId)}/silence`, { reason, until }),
  suspend: (userId: string, reason: string, until?: string) =>
    http.post<unknown>(`/api/moderation/users/${encodeURIComponent(userId)}/suspend`, { reason, until }),
  lift: (userId: string, reason: string) =>
    http.post<unknown>(`/api/moderation/users/${encodeURIComponent(userId)}/lift`, { reason }),
  topic: (
    topicId: string,
    action: 'lock' | 'unlock' | 'pin' | 'unpin' | 'close' | 'reopen',
    reason?: string,
  ) =>
    http.post<unknown>(
      `/api/moderation/topics/${encodeURIComponent(topicId)}/${action}`,
      reason ? { reason } : {},
    ),
  moveTopic: (topicId: string, forumId: string, reason?: string) =>
    http.post<unknown>(`/api/moderation/topics/${encodeURIComponent(topicId)}/move`, { forumId, reason }),
  report: (input: { targetType: TargetType; targetId: string; reason: ReportReason; note?: string }) =>
    http.post<unknown>('/api/reports', input),
};
