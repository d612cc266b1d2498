import type { Schemas } from './api-types';
import { http } from './http-client';

export type Draft = Schemas['DraftResponse'];
export interface DraftPlace {
  kind: 'topic' | 'board' | 'new-topic';
  ref: string;
}
export type DraftText = Schemas['SaveDraftDto'];

const path = ({ kind, ref }: DraftPlace) => `/api/drafts/${kind}/${encodeURIComponent(ref)}`;

export const draftsApi = {
  get: (place: DraftPlace) => http.get<Schemas['DraftAnswerResponse']>(path(place)),
  save: (place: DraftPlace, text: DraftText) => http.put<Schemas['DraftAnswerResponse']>(path(place), text),
  discard: (place: DraftPlace) => http.delete<void>(path(place)),
};
