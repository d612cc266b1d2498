import { Dialog } from '../../components/dialog';
import { policyConsequence, reasonFor, summarise, type Policy, type ShownFinding } from './finding-reasons';

export interface PiiWarning {
  findings: ShownFinding[];
  policy?: Policy;
  /** The server's own wording of what happens next, when it answered 422. */
  explanation?: string;
  digest?: string;
  fromServer: boolean;
  stale?: boolean;
}

interface Props {
  warning: PiiWarning | null;
  busy: boolean;
  onEdit(): void;
  onPostAnyway(): void;
}

/** Names what was found and what the forum's policy will do, before anything is sent (or after a 422). */
export function PiiWarningDialog({ warning, busy, onEdit, onPostAnyway }: Props) {
  return (
    <Dialog title="This post contains personal data" open={!!warning} onClose={onEdit} alert>
      {warning && (
        <div className="pii-warning">
          <p>
            {warning.stale
              ? 'The text changed since you confirmed it. '
              : warning.fromServer
                ? 'The server found personal data in your text. '
                : ''}
            We found {summarise(warning.findings)}:
          </p>
          <ul>
            {warning.findings.map((finding) => (
              <li key={`${finding.type}-${finding.start}-${finding.end}`}>
                <mark className={`finding finding-${finding.type}`}>{finding.text}</mark> —{' '}
                {reasonFor(finding.rule)}
              </li>
            ))}
          </ul>
          <p>Anyone can read what you post, and search engines may index it.</p>
          <p className="policy">
            <strong>If you post anyway:</strong> {warning.explanation ?? policyConsequence(warning.policy)}
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={onEdit} autoFocus>
              Edit
            </button>
            <button type="button" className="danger" onClick={onPostAnyway} disabled={busy}>
              {busy ? 'Posting…' : 'Post anyway'}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
