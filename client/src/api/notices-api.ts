import { http } from './http-client';

export type NoticeKind = 'public-area' | 'privacy';

export interface NoticeText {
  kind: NoticeKind;
  version: number;
  text: string;
  publishedAt: string;
  acknowledged?: boolean;
}

/** What a 428 notice_not_acknowledged carries. */
export interface NoticeRequired {
  notice: { version: number; text: string; publishedAt: string };
  acknowledgedVersion: number | null;
}

export const noticesApi = {
  current: (kind: NoticeKind) => http.get<NoticeText>(`/api/notices/${kind}`),
  versions: (kind: NoticeKind) =>
    http.get<{ items: NoticeText[]; nextCursor: number | string | null }>(`/api/notices/${kind}/versions`),
  acknowledge: (version: number) =>
    http.post<{ version: number; acknowledgedAt: string }>('/api/notices/public-area/acknowledgements', {
      version,
    }),
  publish: (kind: NoticeKind, text: string) => http.put<NoticeText>(`/api/notices/${kind}`, { text }),
};
