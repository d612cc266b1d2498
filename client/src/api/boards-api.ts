import { http } from './http-client';
import type { FindingsSummary, MaskedSpan, NoticeState, PiiPolicy } from './forums-api';

export interface Board {
  id: string;
  slug: string;
  name: string;
  description: string;
  forumId: string;
  forumSlug: string;
  /** Null: the forum's policy applies. */
  piiPolicy: PiiPolicy | null;
  slowModeSeconds: number;
  lastSeq: number;
  archived: boolean;
  createdAt: string;
}

export interface BoardMessage {
  id: string;
  seq: number;
  boardId: string;
  authorId: string | null;
  authorName: string;
  html: string;
  status: string;
  replyTo: number | null;
  replyCount: number;
  likeCount: number;
  createdAt: string;
  editedAt: string | null;
  revisionCount: number;
  likedByMe?: boolean;
  source?: string;
  findings?: FindingsSummary | null;
  pending?: string;
}

export interface MessagePage {
  messages: BoardMessage[];
  lastSeq: number;
  olderBefore: number | null;
  newerAfter: number | null;
  lastReadSeq: number | null;
  notice: NoticeState;
}

export interface SentMessage {
  message: BoardMessage;
  masked: MaskedSpan[];
}

const path = (slug: string) => `/api/boards/${encodeURIComponent(slug)}`;

export const boardsApi = {
  list: () => http.get<Board[] | { items: Board[] }>('/api/boards'),
  get: (slug: string) => http.get<Board>(path(slug)),
  messages: (slug: string, query: { before?: number; after?: number; limit?: number } = {}) =>
    http.get<MessagePage>(`${path(slug)}/messages`, query),
  send: (
    slug: string,
    input: { body: string; replyTo?: number; clientId?: string; acknowledgePersonalData?: string },
  ) => http.post<SentMessage>(`${path(slug)}/messages`, input),
  edit: (slug: string, id: string, input: { body: string; acknowledgePersonalData?: string }) =>
    http.patch<SentMessage>(`${path(slug)}/messages/${encodeURIComponent(id)}`, input),
  remove: (slug: string, id: string) =>
    http.delete<BoardMessage>(`${path(slug)}/messages/${encodeURIComponent(id)}`),
  like: (slug: string, id: string) =>
    http.put<BoardMessage>(`${path(slug)}/messages/${encodeURIComponent(id)}/like`),
  unlike: (slug: string, id: string) =>
    http.delete<BoardMessage>(`${path(slug)}/messages/${encodeURIComponent(id)}/like`),
  create: (input: {
    slug: string;
    name: string;
    description?: string;
    forumSlug: string;
    piiPolicy?: PiiPolicy | null;
    slowModeSeconds?: number;
  }) => http.post<Board>('/api/boards', input),
  update: (
    slug: string,
    changes: Partial<Pick<Board, 'name' | 'description' | 'piiPolicy' | 'slowModeSeconds' | 'archived'>>,
  ) => http.patch<Board>(path(slug), changes),
};

export const boardItems = (answer: Board[] | { items: Board[] }) =>
  Array.isArray(answer) ? answer : answer.items;
