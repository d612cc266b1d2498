import type { Notice } from './notice';

/** A notice as the API serves it: who published it stays internal. */
export interface NoticeView {
  kind: Notice['kind'];
  version: number;
  text: string;
  publishedAt: string;
}

export const toNoticeView = ({ kind, version, text, publishedAt }: Notice): NoticeView => ({
  kind,
  version,
  text,
  publishedAt,
});

export interface NoticeVersionsPage {
  items: NoticeView[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextCursor: number | null;
}
