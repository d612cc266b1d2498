import { http } from './http-client';

export type TargetType = 'post' | 'message';
export type ContentAction = 'approve' | 'reject' | 'redact' | 'hide' | 'unhide' | 'delete' | 'dismiss';

export interface Span {
  start: number;
  end: number;
  type?: string;
}

export interface QueueItem {
  id: string;
  targetType: TargetType;
  targetId: string;
  forumId: string | null;
  boardSlug?: string | null;
  topicId?: string | null;
  reasons: string[];
  reportCount: number;
  status: string;
  priority?: number;
  createdAt: string;
  updatedAt?: string;
  content?: {
    source?: string;
    text?: string;
    html?: string;
    authorId?: string | null;
    authorName?: string;
    status?: string;
    seq?: number;
    topicId?: string;
    title?: string;
  } | null;
  spans?: Span[];
  authorHistory?: number | { actions?: number; [key: string]: unknown };
}

export interface AuditEntry {
  id: string;
  actorId: string | null;
  actorName?: string | null;
  actorRole?: string;
  action: string;
  targetType?: string;
  targetId?: string;
  forumId?: string | null;
  reason?: string | null;
  counts?: Record<string, number> | null;
  at?: string;
  createdAt?: string;
}

export interface ActionInput {
  reason?: string;
  /** redact: offsets into the current source; omitted means every detected span. */
  spans?: Span[];
}

const base = (type: TargetType) => (type === 'post' ? 'posts' : 'messages');

export const moderationApi = {
  queue: (query: { forum?: string; reason?: string; status?: string; cursor?: string }) =>
    http.get<{ items: QueueItem[]; nextCursor: string | null }>('/api/moderation/queue', query),
  act: (type: TargetType, id: string, action: ContentAction, input: ActionInput = {}) =>
    http.post<unknown>(`/api/moderation/${base(type)}/${encodeURIComponent(id)}/${action}`, input),
  audit: (query: { forum?: string; action?: string; cursor?: string }) =>
    http.get<{ items: AuditEntry[]; nextCursor: string | null }>('/api/moderation/audit', query),
  restrictUser: (
    userId: string,
    input: { status: 'silenced' | 'suspended' | 'active'; until?: string; reason: string },
  ) => http.post<unknown>(`/api/moderation/users/${encodeURIComponent(userId)}/restrict`, input),
  moveTopic: (topicId: string, forumId: string, reason?: string) =>
    http.post<unknown>(`/api/moderation/topics/${encodeURIComponent(topicId)}/move`, { forumId, reason }),
  report: (input: { targetType: TargetType; targetId: string; reason: string; note?: string }) =>
    http.post<unknown>('/api/reports', input),
};
