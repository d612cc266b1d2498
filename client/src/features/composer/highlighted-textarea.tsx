import { useRef, type ReactNode, type Ref, type TextareaHTMLAttributes } from 'react';
import type { ShownFinding } from './finding-reasons';

interface Props extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'> {
  value: string;
  onChange(value: string): void;
  findings: readonly ShownFinding[];
  inputRef?: Ref<HTMLTextAreaElement>;
}

/**
 * A textarea over a mirror layer that repeats the text with each finding marked. The mirror is hidden from
 * assistive technology; the findings list and its live region say the same thing in words.
 */
export function HighlightedTextarea({ value, onChange, findings, inputRef, className, ...rest }: Props) {
  const mirror = useRef<HTMLDivElement>(null);
  return (
    <div className={className ? `highlight-field ${className}` : 'highlight-field'}>
      <div className="highlight-mirror" ref={mirror} aria-hidden="true">
        {segments(value, findings)}
        {/* A trailing newline in a textarea adds a line; the mirror needs a character to do the same. */}
        {'\u200b'}
      </div>
      <textarea
        {...rest}
        ref={inputRef}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onScroll={(event) => {
          if (mirror.current) mirror.current.scrollTop = event.currentTarget.scrollTop;
        }}
      />
    </div>
  );
}

function segments(text: string, findings: readonly ShownFinding[]): ReactNode[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start);
  const out: ReactNode[] = [];
  let at = 0;
  for (const finding of sorted) {
    if (finding.start < at || finding.end > text.length) continue;
    out.push(text.slice(at, finding.start));
    out.push(
      <mark
        key={`${finding.start}-${finding.end}`}
        className={`finding finding-${finding.type}`}
        data-rule={finding.rule}
      >
        {text.slice(finding.start, finding.end)}
      </mark>,
    );
    at = finding.end;
  }
  out.push(text.slice(at));
  return out;
}
