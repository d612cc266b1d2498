import type { AuthUser } from '../auth/access-policy';
import { canModerateForum } from '../auth/forum-moderation.policy';
import type { Forum } from '../forums/forum';
import { redact, type Finding } from '../pii';
import { findingsDigest } from '../publishing/findings-digest';
import { PersonalDataDetected } from '../publishing/personal-data-detected.error';
import { actionFor, explainPolicy, reportFindings } from '../publishing/pii-policy';
import type { UploadFindings } from './upload';

export interface ScreenedParts {
  name: string;
  text: string | null;
  findings: UploadFindings | null;
  removed: string[];
}

/**
 * An upload's file name and text meet the forum's policy exactly as a post does (publish-gate.service.ts):
 * findings without the matching acknowledgement are a 422 with the findings and the digest; acknowledged,
 * `mask` replaces them, `review` marks the upload so the post carrying it is held, `warn` keeps them.
 * Finding offsets count in the name for `part: "name"` and in the text for `part: "content"`.
 */
export async function screenUpload(
  user: AuthUser,
  forum: Forum,
  parts: { name: string; text: string | null; nameFindings: Finding[]; textFindings: Finding[] },
  acknowledged: string | undefined,
): Promise<ScreenedParts> {
  const all = [...parts.nameFindings, ...parts.textFindings];
  if (all.length === 0) return { name: parts.name, text: parts.text, findings: null, removed: [] };
  const digest = await findingsDigest(all);
  const moderates = canModerateForum(user, forum.id);
  if (acknowledged !== digest) {
    throw new PersonalDataDetected({
      findings: [
        ...reportFindings(parts.nameFindings).map((finding) => ({ ...finding, part: 'name' })),
        ...reportFindings(parts.textFindings).map((finding) => ({ ...finding, part: 'content' })),
      ],
      policy: forum.piiPolicy,
      explanation: explainPolicy(forum.piiPolicy, moderates),
      findingsDigest: digest,
      staleAcknowledgement: acknowledged !== undefined,
    });
  }
  const byType: Record<string, number> = {};
  for (const finding of all) byType[finding.type] = (byType[finding.type] ?? 0) + 1;
  const action = actionFor(forum.piiPolicy, moderates);
  const findings: UploadFindings = {
    total: all.length,
    byType,
    policy: forum.piiPolicy,
    held: action === 'hold',
  };
  if (action !== 'mask') return { name: parts.name, text: parts.text, findings, removed: [] };
  const name = redact(parts.name, parts.nameFindings, 'label').text;
  const text = parts.text === null ? null : redact(parts.text, parts.textFindings, 'label').text;
  const counted = Object.entries(byType).map(([type, count]) => `${count} ${type}${count > 1 ? 's' : ''}`);
  return { name, text, findings, removed: [`${counted.join(' and ')} masked in ${parts.name}`] };
}
