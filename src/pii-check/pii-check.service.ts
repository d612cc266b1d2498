import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/access-policy';
import { ForumsService } from '../forums/forums.service';
import { findingsDigest } from '../publishing/findings-digest';
import { explainPolicy, reportFindings, type ReportedFinding } from '../publishing/pii-policy';
import type { PiiPolicy } from '../publishing/publish-decision';
import { PiiScannerService } from './pii-scanner.service';

/** The region national numbers are read in when no forum is named (the detector's own default). */
export const DEFAULT_CHECK_REGION = 'US';

export interface CheckResult {
  findings: ReportedFinding[];
  /** The value to send as acknowledgePersonalData when publishing this exact text (null when nothing was found). */
  findingsDigest: string | null;
  region: string;
  /** Present when a forum was named: what would happen on publishing there. */
  policy?: PiiPolicy;
  explanation?: string;
}

/**
 * The live check for clients that cannot run the shared detector themselves. It answers exactly what the
 * publish gate would find for the same text and forum, so its digest can be used to acknowledge.
 */
@Injectable()
export class PiiCheckService {
  constructor(
    private readonly forums: ForumsService,
    private readonly scanner: PiiScannerService,
  ) {}

  /** A named forum must be one the caller may read (404 when unknown). */
  async check(user: AuthUser, text: string, forumSlug?: string): Promise<CheckResult> {
    const area = forumSlug ? await this.forums.requireReadable(user, forumSlug) : undefined;
    const region = area?.phoneRegion ?? DEFAULT_CHECK_REGION;
    const findings = await this.scanner.detect(text, { defaultRegion: region });
    const result: CheckResult = {
      findings: reportFindings(findings),
      findingsDigest: findings.length > 0 ? await findingsDigest(findings) : null,
      region,
    };
    if (area) Object.assign(result, { policy: area.piiPolicy, explanation: explainPolicy(area.piiPolicy) });
    return result;
  }
}
