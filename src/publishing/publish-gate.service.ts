import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { canModerateForum } from '../auth/forum-moderation.policy';
import { AppError } from '../infra/errors/app-error';
import { NoticeStateService } from '../notices/notice-state.service';
import { redact, type Finding } from '../pii';
import { PiiScannerService } from '../pii-check/pii-scanner.service';
import { findingsDigest } from './findings-digest';
import { PersonalDataDetected } from './personal-data-detected.error';
import { actionFor, explainPolicy, reportFindings, summarizeFindings } from './pii-policy';
import type { PublishDecision, PublishRequest } from './publish-decision';

/** The review-queue reason for posts held by the `review` policy (the wording). */
export const HELD_REASON = 'personal data';

/**
 * The one gate every write to a public area passes (topics, replies, edits, board messages):
 * account status → public-area notice → detect on the Markdown source → acknowledgement → the area's policy.
 * Refusals are thrown as AppErrors (403, 428, 422) so a write path cannot store anything by forgetting a case.
 */
@Injectable()
export class PublishGateService {
  constructor(
    private readonly noticeState: NoticeStateService,
    private readonly scanner: PiiScannerService,
  ) {}

  async evaluate(req: PublishRequest): Promise<PublishDecision> {
    assertMayWrite(req.user);
    await this.noticeState.requireAcknowledged(req.user);
    const { piiPolicy: policy, phoneRegion, forumId } = req.area;
    const findings = await this.scanner.detect(req.text, { defaultRegion: phoneRegion });
    if (findings.length === 0) {
      return {
        action: 'publish',
        text: req.text,
        findings: summarizeFindings([], false, policy),
        masked: [],
      };
    }
    await this.requireAcknowledgement(findings, req);
    const summary = summarizeFindings(findings, true, policy);
    const action = actionFor(policy, canModerateForum(req.user, forumId));
    if (action === 'hold')
      return { action, text: req.text, findings: summary, masked: [], reason: HELD_REASON };
    if (action === 'publish') return { action, text: req.text, findings: summary, masked: [] };
    const { text, replaced } = redact(req.text, findings, 'label');
    return { action, text, findings: summary, masked: replaced };
  }

  /** The acknowledgement must name exactly the findings of the text submitted now; anything else is a new 422. */
  private async requireAcknowledgement(findings: Finding[], req: PublishRequest): Promise<void> {
    const digest = await findingsDigest(findings);
    if (req.acknowledgePersonalData === digest) return;
    throw new PersonalDataDetected({
      findings: reportFindings(findings),
      policy: req.area.piiPolicy,
      explanation: explainPolicy(req.area.piiPolicy, canModerateForum(req.user, req.area.forumId)),
      findingsDigest: digest,
      staleAcknowledgement: req.acknowledgePersonalData !== undefined,
    });
  }
}

function assertMayWrite(user: AuthUser): void {
  if (user.status === 'suspended') throw new AppError('account_suspended', 'Your account is suspended');
  if (user.status === 'silenced') {
    throw new AppError('account_silenced', 'Your account is silenced: you cannot post for now');
  }
}
