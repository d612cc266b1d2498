import { AppError } from '../infra/errors/app-error';
import type { PiiPolicy } from './publish-decision';
import type { ReportedFinding } from './pii-policy';

/** The `details` of a 422 personal_data_detected answer (docs/api-publishing.md documents the body). */
export interface PersonalDataDetails {
  findings: ReportedFinding[];
  policy: PiiPolicy;
  explanation: string;
  findingsDigest: string;
  /** True when the request carried an acknowledgement that no longer matches the text. */
  staleAcknowledgement: boolean;
}

export class PersonalDataDetected extends AppError {
  constructor(details: PersonalDataDetails) {
    const message = details.staleAcknowledgement
      ? 'The text changed since you acknowledged its personal data; review the findings again'
      : 'The text contains personal data; review the findings before publishing';
    super('personal_data_detected', message, details);
  }
}
