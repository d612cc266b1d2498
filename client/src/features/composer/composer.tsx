import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { MarkdownView } from '../../components/markdown-view';
import { newClientId } from '../../api/client-id';
import { ErrorMessage } from '../../components/status';
import type { Policy, ShownFinding } from './finding-reasons';
import { FindingsList } from './findings-list';
import { HighlightedTextarea } from './highlighted-textarea';
import { PiiWarningDialog } from './pii-warning-dialog';
import { detectNow, loadDetector, useLiveFindings } from './use-live-findings';
import { usePublishFlow } from './use-publish-flow';
import { UploadTray, useUploads } from './upload-tray';

export interface ComposerInput {
  title?: string;
  body: string;
  /** Idempotency key: a retried send after a network failure does not post twice. */
  clientId: string;
  acknowledgePersonalData?: string;
}

interface Props<T> {
  label: string;
  submitLabel: string;
  withTitle?: boolean;
  initialTitle?: string;
  initialBody?: string;
  /** The forum's phone region and policy: national numbers are read there, the warning states the policy. */
  region?: string;
  policy?: Policy;
  rows?: number;
  autoFocus?: boolean;
  send(input: ComposerInput): Promise<T>;
  onPublished(result: T): void;
  onCancel?(): void;
  /** Every change of the text (boards send a throttled typing indicator). */
  onInput?(): void;
  /** The forum slug files are uploaded to; without it the composer takes no files (board messages). */
  uploadTo?: string;
}

/** New topic, reply, edit or board message: Markdown with preview, live personal-data check, the publish flow. */
export function Composer<T>(props: Props<T>) {
  const { withTitle, region, policy } = props;
  const [title, setTitle] = useState(props.initialTitle ?? '');
  const [body, setBody] = useState(props.initialBody ?? '');
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const clientId = useRef(newClientId());
  const ids = { findings: useId(), body: useId(), title: useId() };
  const bodyCheck = useLiveFindings(body, region);
  const titleCheck = useLiveFindings(withTitle ? title : '', region);
  const published = (result: T) => {
    clientId.current = newClientId();
    uploads.clear();
    setBody('');
    setTitle('');
    props.onPublished(result);
  };
  const flow = usePublishFlow<T>(policy, published);
  const uploads = useUploads(props.uploadTo, (markdown) =>
    setBody((text) => `${text}${text && !text.endsWith('\n') ? '\n' : ''}${markdown}\n`),
  );
  const filesOf = (list: FileList | null | undefined) => [...(list ?? [])];

  useEffect(() => {
    void loadDetector();
  }, []);

  const listed: ShownFinding[] = useMemo(
    () => [...titleCheck.findings, ...bodyCheck.findings],
    [titleCheck.findings, bodyCheck.findings],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    const found = [...(withTitle ? await detectNow(title, region) : []), ...(await detectNow(body, region))];
    const input = { body, title: withTitle ? title : undefined, clientId: clientId.current };
    await flow.run((ack) => props.send({ ...input, acknowledgePersonalData: ack }), found);
  };

  return (
    <form className="composer" onSubmit={submit} aria-label={props.label}>
      {withTitle && (
        <div className="field">
          <label htmlFor={ids.title}>Title</label>
          <input
            id={ids.title}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            minLength={3}
            maxLength={200}
            required
            aria-describedby={ids.findings}
          />
        </div>
      )}
      <div className="tabs" role="tablist" aria-label="Composer mode">
        {(['write', 'preview'] as const).map((mode) => (
          <button
            key={mode}
            type="button"
            role="tab"
            aria-selected={tab === mode}
            className={tab === mode ? 'tab active' : 'tab'}
            onClick={() => setTab(mode)}
          >
            {mode === 'write' ? 'Write' : 'Preview'}
          </button>
        ))}
      </div>
      {tab === 'write' ? (
        <div
          className="composer-drop"
          onPaste={(event) => {
            const files = filesOf(event.clipboardData?.files);
            if (!props.uploadTo || files.length === 0) return;
            event.preventDefault();
            uploads.add(files);
          }}
          onDragOver={(event) => props.uploadTo && event.preventDefault()}
          onDrop={(event) => {
            const files = filesOf(event.dataTransfer?.files);
            if (!props.uploadTo || files.length === 0) return;
            event.preventDefault();
            uploads.add(files);
          }}
        >
          <HighlightedTextarea
            id={ids.body}
            aria-label={`${props.label} (Markdown)`}
            aria-describedby={ids.findings}
            value={body}
            onChange={(value) => {
              setBody(value);
              props.onInput?.();
            }}
            findings={bodyCheck.findings}
            rows={props.rows ?? 5}
            maxLength={20_000}
            autoFocus={props.autoFocus}
            placeholder="Write in Markdown…"
          />
        </div>
      ) : (
        <div className="preview prose" aria-live="polite">
          {body.trim() ? <MarkdownView source={body} /> : <p className="muted">Nothing to preview yet.</p>}
        </div>
      )}
      {props.uploadTo && <UploadTray uploads={uploads} />}
      <FindingsList
        id={ids.findings}
        findings={listed}
        checking={bodyCheck.checking || titleCheck.checking}
      />
      <ErrorMessage error={flow.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={flow.busy || !body.trim()}>
          {flow.busy ? 'Sending…' : props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
      <PiiWarningDialog
        warning={flow.warning}
        busy={flow.busy}
        onEdit={() => {
          flow.edit();
          setTab('write');
          document.getElementById(ids.body)?.focus();
        }}
        onPostAnyway={() => void flow.postAnyway()}
      />
    </form>
  );
}
