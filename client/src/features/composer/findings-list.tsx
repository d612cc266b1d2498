import { reasonFor, summarise, type ShownFinding } from './finding-reasons';

interface Props {
  id: string;
  findings: readonly ShownFinding[];
  checking: boolean;
}

/** The findings in words, and a polite live region so screen readers hear what the underlines show. */
export function FindingsList({ id, findings, checking }: Props) {
  const announcement =
    findings.length > 0
      ? `Possible personal data: ${summarise(findings)}. ${findings.map((f) => `${f.text}: ${reasonFor(f.rule)}`).join('. ')}`
      : '';
  return (
    <div id={id} className="findings">
      <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {checking ? '' : announcement}
      </p>
      {findings.length > 0 && (
        <div className="findings-box">
          <p className="findings-title">
            <span aria-hidden="true">⚠ </span>
            Personal data? This text contains {summarise(findings)}. Anyone can read what you post.
          </p>
          <ul>
            {findings.map((finding, index) => (
              <li key={`${index}-${finding.start}`}>
                <mark className={`finding finding-${finding.type}`}>{finding.text}</mark>{' '}
                <span className="muted">— {reasonFor(finding.rule)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
