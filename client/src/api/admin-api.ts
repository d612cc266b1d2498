import type { Role } from './account-api';
import type { Forum, PiiPolicy } from './forums-api';
import { http } from './http-client';

export interface AdminUser {
  id: string;
  username: string;
  email: string | null;
  displayName: string;
  roles: Role[];
  moderatedForumIds: string[];
  status: 'active' | 'silenced' | 'suspended';
  restrictionReason: string | null;
  createdAt: string;
}

export interface ForumInput {
  name: string;
  productName: string;
  description?: string;
  visibility?: 'public' | 'members';
  piiPolicy?: PiiPolicy;
  phoneRegion?: string;
  archived?: boolean;
}

const user = (id: string) => `/api/admin/users/${encodeURIComponent(id)}`;

export const adminApi = {
  createForum: (input: ForumInput & { slug: string }) => http.post<Forum>('/api/forums', input),
  updateForum: (id: string, changes: Partial<ForumInput>) =>
    http.patch<Forum>(`/api/forums/${encodeURIComponent(id)}`, changes),
  users: (q?: string, cursor?: string) =>
    http.get<{ items: AdminUser[]; nextCursor: string | null }>('/api/admin/users', { q, cursor }),
  setRoles: (id: string, roles: Role[]) => http.put<AdminUser>(`${user(id)}/roles`, { roles }),
  setModeratedForums: (id: string, forumIds: string[]) =>
    http.put<AdminUser>(`${user(id)}/moderated-forums`, { forumIds }),
  setStatus: (id: string, input: { status: AdminUser['status']; until?: string; reason: string }) =>
    http.put<AdminUser>(`${user(id)}/status`, input),
};
