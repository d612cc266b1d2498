import type { Schemas } from './api-types';
import { http } from './http-client';

export type Person = Schemas['PersonResponse'];

export const peopleApi = {
  mentionable: (q: string) => http.get<Schemas['PeopleResponse']>('/api/users/mentionable', { q }),
};
