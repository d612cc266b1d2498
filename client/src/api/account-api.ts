import { http } from './http-client';

export type Role = 'member' | 'moderator' | 'admin';
export type NotificationKind = 'replies' | 'mentions' | 'moderation' | 'mailings';
export type Preferences = Record<NotificationKind, { inApp: boolean; email: boolean }>;

export interface Account {
  id: string;
  username: string;
  email: string | null;
  /** Confirmed through the mailed link; notification mail goes to confirmed addresses only. */
  emailVerified: boolean;
  /** A new address waiting for its confirmation link; `email` stays in use until then. */
  pendingEmail: string | null;
  displayName: string;
  roles: Role[];
  moderatedForumIds: string[];
  status: 'active' | 'silenced' | 'suspended';
  silencedUntil: string | null;
  suspendedUntil: string | null;
  restrictionReason: string | null;
  createdAt: string;
  lastSeenAt: string | null;
  notificationPreferences: Preferences;
  noticeAcknowledgements: { version: number; acknowledgedAt: string }[];
}

export interface SignedIn {
  user: Account;
  accessToken: string;
  expiresIn: number;
}

export interface Notification {
  id: string;
  kind: string;
  type: string;
  /** One line: "A moderator hid your post". */
  summary: string;
  excerpt: string | null;
  reason: string | null;
  action: string | null;
  link: { forumId?: string; topicId?: string; postId?: string; messageId?: string; seq?: number };
  readAt: string | null;
  createdAt: string;
}

export type WatchLevel = 'watching' | 'tracking' | 'normal' | 'muted';
export interface WatchLevels {
  level: WatchLevel;
  forumLevel: WatchLevel | null;
}

export const accountApi = {
  register: (input: {
    username: string;
    email: string;
    password: string;
    displayName?: string;
    digest?: boolean;
  }) => http.post<SignedIn>('/api/auth/register', input),
  login: (login: string, password: string) => http.post<SignedIn>('/api/auth/login', { login, password }),
  logout: () => http.post<void>('/api/auth/logout'),
  requestPasswordReset: (email: string) =>
    http.post<{ message: string }>('/api/auth/password-reset', { email }),
  resetPassword: (token: string, password: string) =>
    http.post<void>('/api/auth/password-reset/confirm', { token, password }),
  verifyEmail: (token: string) => http.post<Account>('/api/auth/verify-email', { token }),
  resendVerification: () => http.post<void>('/api/me/verification-email'),
  watchLevels: (scope: 'topics' | 'forums', id: string) =>
    http.get<WatchLevels>(`/api/${scope}/${encodeURIComponent(id)}/watch`),
  setWatchLevel: (scope: 'topics' | 'forums', id: string, level: WatchLevel) =>
    http.put<WatchLevels>(`/api/${scope}/${encodeURIComponent(id)}/watch`, { level }),
  me: () => http.get<Account>('/api/me'),
  updateProfile: (input: { displayName?: string; email?: string }) => http.patch<Account>('/api/me', input),
  changePassword: (currentPassword: string, newPassword: string) =>
    http.patch<void>('/api/me/password', { currentPassword, newPassword }),
  preferences: (changes: Partial<Preferences>) => http.patch<Preferences>('/api/me/preferences', changes),
  deleteAccount: (password: string, deletePosts: boolean) =>
    http.delete<void>('/api/me', { password, deletePosts }),
  /** The raw export document; the page turns it into a file download. */
  exportData: () => http.get<unknown>('/api/me/export'),
  notifications: (cursor?: string) =>
    http.get<{ items: Notification[]; nextCursor: string | null }>('/api/notifications', { cursor }),
  unreadCount: () => http.get<{ unread: number }>('/api/notifications/unread-count'),
  markRead: (id: string) => http.post<unknown>(`/api/notifications/${encodeURIComponent(id)}/read`),
  markAllRead: () => http.post<unknown>('/api/notifications/read-all'),
};
