import { http } from './http-client';
import type { Schemas } from './api-types';

export type Board = Schemas['BoardResponse'];
export type BoardMessage = Schemas['BoardMessageResponse'];
export type MessagePage = Schemas['MessagePageResponse'];
export type SentMessage = Schemas['SentMessageResponse'];

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
  create: (input: Schemas['CreateBoardDto']) => http.post<Board>('/api/boards', input),
  update: (
    slug: string,
    changes: Partial<Pick<Board, 'name' | 'description' | 'piiPolicy' | 'slowModeSeconds' | 'archived'>>,
  ) => http.patch<Board>(path(slug), changes),
};

export const boardItems = (answer: Board[] | { items: Board[] }) =>
  Array.isArray(answer) ? answer : answer.items;
