import type { Schemas } from './api-types';
import { http } from './http-client';

export type PiiPolicy = Schemas['ForumResponse']['piiPolicy'];
export type NoticeState = Schemas['NoticeStateResponse'];
export type Forum = Schemas['ForumResponse'] & { unreadTopicCount?: number };
export type Topic = Schemas['TopicResponse'];
export type FindingsSummary = Schemas['FindingsSummaryResponse'];
export type Post = Schemas['PostResponse'];
export type MaskedSpan = Schemas['MaskedSpanResponse'];
export type Published = Schemas['PublishedPostResponse'];
/** One stored edit: the text as it was before that edit. */
export type Revision = Schemas['RevisionResponse'];
export type SearchHit = Schemas['SearchHitResponse'];
export type LikeState = Schemas['LikeStateResponse'];
export type TopicPage = Schemas['TopicPageResponse'];
export type PostPage = Schemas['PostPageResponse'];

/** What the search page asks for; empty fields are left out of the request. */
export interface SearchFilters {
  q: string;
  forum?: string;
  author?: string;
  from?: string;
  to?: string;
  order?: 'relevance' | 'newest';
}

export interface PublishExtras {
  clientId?: string;
  acknowledgePersonalData?: string;
}

export const forumsApi = {
  list: () => http.get<Schemas['ForumListResponse']>('/api/forums'),
  forum: (slug: string) => http.get<Schemas['ForumPageResponse']>(`/api/forums/${encodeURIComponent(slug)}`),
  topics: (slug: string, cursor?: string) =>
    http.get<TopicPage>(`/api/forums/${encodeURIComponent(slug)}/topics`, { cursor, limit: 20 }),
  topic: (id: string) => http.get<Schemas['TopicWithForumResponse']>(`/api/topics/${encodeURIComponent(id)}`),
  posts: (id: string, query: { after?: number; before?: number; limit?: number }) =>
    http.get<PostPage>(`/api/topics/${encodeURIComponent(id)}/posts`, query),
  createTopic: (slug: string, input: { title: string; body: string } & PublishExtras) =>
    http.post<Published>(`/api/forums/${encodeURIComponent(slug)}/topics`, input),
  reply: (topicId: string, input: { body: string; replyTo?: number } & PublishExtras) =>
    http.post<Published>(`/api/topics/${encodeURIComponent(topicId)}/posts`, input),
  edit: (postId: string, input: { body?: string; title?: string; reason?: string } & PublishExtras) =>
    http.patch<Post>(`/api/posts/${encodeURIComponent(postId)}`, input),
  remove: (postId: string) => http.delete<Post>(`/api/posts/${encodeURIComponent(postId)}`),
  revisions: (postId: string) =>
    http.get<Schemas['RevisionsResponse']>(`/api/posts/${encodeURIComponent(postId)}/revisions`),
  like: (postId: string) => http.post<LikeState>(`/api/posts/${encodeURIComponent(postId)}/like`),
  unlike: (postId: string) => http.delete<LikeState>(`/api/posts/${encodeURIComponent(postId)}/like`),
  markSolution: (topicId: string, postId: string) =>
    http.put<Topic>(`/api/topics/${encodeURIComponent(topicId)}/solution`, { postId }),
  clearSolution: (topicId: string) => http.delete<Topic>(`/api/topics/${encodeURIComponent(topicId)}/solution`),
  markRead: (topicId: string, seq: number) =>
    http.put<Schemas['ReadMarkResponse']>(`/api/topics/${encodeURIComponent(topicId)}/read`, { seq }),
  search: (query: SearchFilters & { before?: string; offset?: number }) =>
    http.get<Schemas['SearchPageResponse']>('/api/search', { ...query }),
};
