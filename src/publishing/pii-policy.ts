import type { Finding } from '../pii/finding';
import type { FindingsSummary, PiiPolicy } from './publish-decision';

/** A finding as the author sees it in a 422: no normalised value, no confidence. */
export interface ReportedFinding {
  type: Finding['type'];
  start: number;
  end: number;
  text: string;
  rule: string;
}

export type PolicyAction = 'publish' | 'hold' | 'mask';

export const PII_POLICIES: readonly PiiPolicy[] = ['warn', 'review', 'mask'];

const EXPLANATIONS: Record<PiiPolicy, string> = {
  warn:
    'This forum publishes personal data as written once you acknowledge it. Anyone can read, copy and ' +
    'reuse what you post. Remove it, or resubmit with acknowledgePersonalData set to findingsDigest.',
  review:
    'This forum holds posts with personal data for a moderator. If you resubmit with acknowledgePersonalData ' +
    'set to findingsDigest, only you and the moderators see the post until a moderator approves it.',
  mask:
    'This forum masks personal data. If you resubmit with acknowledgePersonalData set to findingsDigest, ' +
    'the post is published with the highlighted parts replaced, and the answer lists what was masked.',
};

const MODERATOR_UNDER_REVIEW =
  'This forum holds posts with personal data for a moderator, but you moderate it: if you resubmit with ' +
  'acknowledgePersonalData set to findingsDigest, your post is published as written.';

/** What happens next under a policy, in words an author understands (moderators are not held, see actionFor). */
export function explainPolicy(policy: PiiPolicy, authorModeratesArea = false): string {
  return actionFor(policy, authorModeratesArea) === 'publish' && policy === 'review'
    ? MODERATOR_UNDER_REVIEW
    : EXPLANATIONS[policy];
}

/**
 * The policy table, applied once the author acknowledged the findings. Moderators of the area are not held
 * for review: they would approve their own post, so holding it only delays it.
 */
export function actionFor(policy: PiiPolicy, authorModeratesArea: boolean): PolicyAction {
  if (policy === 'mask') return 'mask';
  if (policy === 'review' && !authorModeratesArea) return 'hold';
  return 'publish';
}

/** Types, counts and rules, stored with the post: never the values themselves. */
export function summarizeFindings(
  findings: readonly Finding[],
  acknowledged: boolean,
  policy: PiiPolicy,
): FindingsSummary {
  const byType: FindingsSummary['byType'] = { email: 0, phone: 0 };
  for (const finding of findings) byType[finding.type] = (byType[finding.type] ?? 0) + 1;
  const rules = [...new Set(findings.map((finding) => finding.rule))].sort();
  return { total: findings.length, byType, rules, acknowledged, policy };
}

export function reportFindings(findings: readonly Finding[]): ReportedFinding[] {
  return findings.map(({ type, start, end, text, rule }) => ({ type, start, end, text, rule }));
}
