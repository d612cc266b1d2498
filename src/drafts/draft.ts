/** Where a draft belongs: a reply in a topic, a message on a board, or a new topic in a forum. */
export const DRAFT_KINDS = ['topic', 'board', 'new-topic'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

export interface Draft {
  kind: DraftKind;
  /** The topic id, the board's slug or the forum's slug. */
  ref: string;
  body: string;
  title: string;
  replyTo: number | null;
  updatedAt: string;
}

/** More than this many places with an unsent text per user is refused (the oldest can be discarded). */
export const MAX_DRAFTS_PER_USER = 200;
