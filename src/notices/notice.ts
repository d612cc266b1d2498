/** The two versioned texts admins edit: the public-area disclosure notice and the privacy statement. */
export type NoticeKind = 'public-area' | 'privacy';

export interface Notice {
  kind: NoticeKind;
  version: number;
  /** Markdown. */
  text: string;
  publishedAt: string;
  /** Null for the version seeded at start-up. */
  publishedBy: string | null;
}

export interface NoticeState {
  version: number;
  acknowledged: boolean;
}

export interface Acknowledgement {
  version: number;
  acknowledgedAt: string;
}
