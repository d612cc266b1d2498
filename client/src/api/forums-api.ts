import { http } from './http-client';

export type PiiPolicy = 'warn' | 'review' | 'mask';

export interface NoticeState {
  version: number;
  acknowledged: boolean;
}

export interface Forum {
  id: string;
  slug: string;
  name: string;
  productName: string;
  description: string;
  position: number;
  visibility: 'public' | 'members';
  piiPolicy: PiiPolicy;
  phoneRegion: string;
  moderatorIds: string[];
  topicCount: number;
  postCount: number;
  lastActivityAt: string | null;
  archived: boolean;
  unreadTopicCount?: number;
}

export interface Topic {
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
  lastSeq: number;
  lastActivityAt: string;
  createdAt: string;
  lastReadSeq?: number;
  unreadCount?: number;
}

export interface FindingsSummary {
  total: number;
  byType: { email: number; phone: number; card?: number; iban?: number };
  rules: string[];
  acknowledged: boolean;
  policy: PiiPolicy;
}

export interface Post {
  id: string;
  seq: number;
  topicId: string;
  forumId: string;
  authorId: string | null;
  authorName: string;
  html: string;
  status: string;
  replyTo: number | null;
  quotedPostIds: string[];
  likeCount: number;
  createdAt: string;
  editedAt: string | null;
  revisionCount: number;
  likedByMe?: boolean;
  source?: string;
  findings?: FindingsSummary | null;
  pending?: string;
}

export interface MaskedSpan {
  type: string;
  start: number;
  end: number;
}

export interface Published {
  topic: Topic;
  post: Post;
  masked: MaskedSpan[];
}

/** One stored edit: the text as it was before that edit. */
export interface Revision {
  id: string;
  rev: number;
  editorId: string | null;
  editedAt: string;
  reason: string | null;
  previousSource: string;
  previousTitle: string | null;
}

export interface SearchHit {
  postId: string;
  topicId: string;
  topicTitle: string;
  forumSlug: string;
  seq: number;
  authorName: string;
  excerpt: string;
  createdAt: string;
}

export interface LikeState {
  postId: string;
  liked: boolean;
  likeCount: number;
}

export interface PublishExtras {
  clientId?: string;
  acknowledgePersonalData?: string;
}

export const forumsApi = {
  list: () => http.get<{ items: Forum[]; notice: NoticeState }>('/api/forums'),
  forum: (slug: string) =>
    http.get<{ forum: Forum; notice: NoticeState }>(`/api/forums/${encodeURIComponent(slug)}`),
  topics: (slug: string, cursor?: string) =>
    http.get<{
      forum: Forum;
      pinned: Topic[];
      items: Topic[];
      nextCursor: string | null;
      notice: NoticeState;
    }>(`/api/forums/${encodeURIComponent(slug)}/topics`, { cursor, limit: 20 }),
  topic: (id: string) =>
    http.get<{ topic: Topic; forum: Forum; notice: NoticeState }>(`/api/topics/${encodeURIComponent(id)}`),
  posts: (id: string, query: { after?: number; before?: number; limit?: number }) =>
    http.get<{ items: Post[]; hasMore: boolean; notice: NoticeState }>(
      `/api/topics/${encodeURIComponent(id)}/posts`,
      query,
    ),
  createTopic: (slug: string, input: { title: string; body: string } & PublishExtras) =>
    http.post<Published>(`/api/forums/${encodeURIComponent(slug)}/topics`, input),
  reply: (topicId: string, input: { body: string; replyTo?: number } & PublishExtras) =>
    http.post<Published>(`/api/topics/${encodeURIComponent(topicId)}/posts`, input),
  edit: (postId: string, input: { body?: string; title?: string; reason?: string } & PublishExtras) =>
    http.patch<Post>(`/api/posts/${encodeURIComponent(postId)}`, input),
  remove: (postId: string) => http.delete<Post>(`/api/posts/${encodeURIComponent(postId)}`),
  revisions: (postId: string) =>
    http.get<{ items: Revision[] }>(`/api/posts/${encodeURIComponent(postId)}/revisions`),
  like: (postId: string) => http.post<LikeState>(`/api/posts/${encodeURIComponent(postId)}/like`),
  unlike: (postId: string) => http.delete<LikeState>(`/api/posts/${encodeURIComponent(postId)}/like`),
  markRead: (topicId: string, seq: number) =>
    http.put(`/api/topics/${encodeURIComponent(topicId)}/read`, { seq }),
  search: (q: string, before?: string) =>
    http.get<{ items: SearchHit[]; nextBefore: string | null }>('/api/search', { q, before }),
};
