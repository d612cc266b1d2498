import type { AuthUser } from '../auth/access-policy';

export type PiiPolicy = 'warn' | 'review' | 'mask';

/** What a write path hands to the publish gate before anything is stored. */
export interface PublishRequest {
  user: AuthUser;
  /** The public area the text goes to: its policy and the region used to read national phone numbers. */
  area: { forumId: string; piiPolicy: PiiPolicy; phoneRegion: string };
  /** Markdown source as the author wrote it (detection runs on the source, never on rendered HTML). */
  text: string;
  /** The `findingsDigest` from an earlier 422 that the author acknowledged, if any. */
  acknowledgePersonalData?: string;
}

/** Types, counts and rules only: never the values themselves. */
export interface FindingsSummary {
  total: number;
  byType: { email: number; phone: number; card?: number; iban?: number };
  rules: string[];
  acknowledged: boolean;
  policy: PiiPolicy;
}

/**
 * The gate's answer when the text may be stored. 422 (personal_data_detected) and 428 (notice_not_acknowledged)
 * are thrown as AppErrors instead, so a write path cannot forget them.
 * - publish: store `text` as given, visible.
 * - hold: store with status `held` (review policy); the review queue picks it up from the post.held event.
 * - mask: store `text`, which already has the spans replaced; `masked` tells the author what changed.
 */
export interface PublishDecision {
  action: 'publish' | 'hold' | 'mask';
  text: string;
  findings: FindingsSummary;
  masked: Array<{ type: 'email' | 'phone' | 'card' | 'iban'; start: number; end: number }>;
  /** Set on `hold`: the moderation-queue reason to emit with post.held / message held ("personal data"). */
  reason?: string;
}

/** Published with personal data its author acknowledged under `warn`: the review queue lists it. */
export function needsReview(findings: FindingsSummary | null): boolean {
  return !!findings && findings.policy === 'warn' && !!findings.acknowledged && findings.total > 0;
}
