import type { Schemas } from './api-types';
import { http } from './http-client';

export type Profile = Schemas['ProfileResponse'];

export const profilesApi = {
  get: (username: string) => http.get<Profile>(`/api/profiles/${encodeURIComponent(username)}`),
};
