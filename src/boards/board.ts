import type { PiiPolicy } from '../publishing/publish-decision';

/** A live message board (one per product launch or event), belonging to a forum. */
export interface Board {
  id: string;
  slug: string;
  name: string;
  description: string;
  forumId: string;
  /** Null: the forum's policy applies (read at each write, so a forum change reaches its boards). */
  piiPolicy: PiiPolicy | null;
  /** Minimum seconds between two messages of one member; 0 turns slow mode off. Moderators are exempt. */
  slowModeSeconds: number;
  /** The per-board sequence counter: the seq of the newest message ever numbered ($inc). */
  lastSeq: number;
  archived: boolean;
  createdAt: string;
}

export type NewBoard = Pick<
  Board,
  'slug' | 'name' | 'description' | 'forumId' | 'piiPolicy' | 'slowModeSeconds'
>;

export type BoardChanges = Partial<
  Pick<Board, 'name' | 'description' | 'piiPolicy' | 'slowModeSeconds' | 'archived'>
>;
