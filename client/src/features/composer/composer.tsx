import { useQuery } from '@tanstack/react-query';
import {
  useEffect,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
} from 'react';
import { MarkdownView } from '../../components/markdown-view';
import { newClientId } from '../../api/client-id';
import type { DraftPlace } from '../../api/drafts-api';
import { peopleApi } from '../../api/people-api';
import { ErrorMessage } from '../../components/status';
import type { Policy, ShownFinding } from './finding-reasons';
import { FindingsList } from './findings-list';
import { HighlightedTextarea } from './highlighted-textarea';
import { PiiWarningDialog } from './pii-warning-dialog';
import { detectNow, loadDetector, useLiveFindings } from './use-live-findings';
import { usePublishFlow } from './use-publish-flow';
import { UploadTray, useUploads } from './upload-tray';
import { useDraft } from './use-draft';
import { insertAt, mentionAt, prefixLines, wrap, type Edited } from './text-edits';

/** What a page may do to its composer: a quote goes in at the caret, into whatever is being written. */
export interface ComposerHandle {
  insertText(text: string, options?: { block?: boolean }): void;
  focus(): void;
}

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
  /** Every change of the text (boards and topics send a throttled typing indicator). */
  onInput?(): void;
  /** The forum slug files are uploaded to; without it the composer takes no files (board messages). */
  uploadTo?: string;
  /** Saved on the server as the author types, restored on any device, discarded once published. */
  draft?: DraftPlace;
  /** Boards: Enter sends, Shift+Enter starts a new line. Ctrl/Cmd+Enter sends in every composer. */
  enterToSend?: boolean;
  /** Usernames offered first for @mentions (the people in the topic), before everyone else. */
  mentionCandidates?: readonly string[];
  handle?: Ref<ComposerHandle>;
  /** More buttons for the toolbar (an upload button, say); they can write through `handle`. */
  toolbarExtras?: ReactNode;
}

const TOOLBAR: { label: string; text: string; apply(text: string, start: number, end: number): Edited }[] = [
  { label: 'Bold', text: 'B', apply: (t, s, e) => wrap(t, s, e, '**', '**', 'bold text') },
  { label: 'Italic', text: 'I', apply: (t, s, e) => wrap(t, s, e, '_', '_', 'italic text') },
  { label: 'Code', text: '</>', apply: (t, s, e) => wrap(t, s, e, '`', '`', 'code') },
  { label: 'Link', text: '🔗', apply: (t, s, e) => wrap(t, s, e, '[', '](https://)', 'link text') },
  { label: 'Quote', text: '❝', apply: (t, s, e) => prefixLines(t, s, e, '> ') },
  { label: 'Bulleted list', text: '•', apply: (t, s, e) => prefixLines(t, s, e, '- ') },
];

/** @mention suggestions: the people in the topic who match first, then anyone the server knows. */
function useMentionSuggestions(query: string | null, candidates: readonly string[]) {
  const prefix = query?.toLowerCase() ?? '';
  const remote = useQuery({
    queryKey: ['mentionable', prefix],
    enabled: query !== null && prefix.length > 0,
    queryFn: () => peopleApi.mentionable(prefix),
    staleTime: 60_000,
  });
  return useMemo(() => {
    if (query === null) return [];
    const local = candidates.filter((name) => name.toLowerCase().startsWith(prefix));
    const names = [...local, ...(remote.data?.items.map((person) => person.username) ?? [])];
    return [...new Set(names)].slice(0, 8);
  }, [query, prefix, candidates, remote.data]);
}

/** New topic, reply, edit or board message: Markdown with preview, live personal-data check, the publish flow. */
export function Composer<T>(props: Props<T>) {
  const { withTitle, region, policy } = props;
  const [title, setTitle] = useState(props.initialTitle ?? '');
  const [body, setBody] = useState(props.initialBody ?? '');
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const clientId = useRef(newClientId());
  const ids = { findings: useId(), body: useId(), title: useId(), mentions: useId() };
  const bodyCheck = useLiveFindings(body, region);
  const titleCheck = useLiveFindings(withTitle ? title : '', region);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const draft = useDraft(props.draft);
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [choice, setChoice] = useState(0);
  const suggestions = useMentionSuggestions(mention?.query ?? null, props.mentionCandidates ?? []);
  const published = (result: T) => {
    clientId.current = newClientId();
    uploads.clear();
    draft.discard();
    setBody('');
    setTitle('');
    props.onPublished(result);
  };

  // A saved draft comes back unless the author already started typing here.
  const restoredOnce = useRef(false);
  useEffect(() => {
    if (restoredOnce.current || !draft.restored) return;
    restoredOnce.current = true;
    const saved = draft.restored;
    setBody((current) => (current.trim() ? current : saved.body));
    if (withTitle) setTitle((current) => (current.trim() ? current : saved.title));
  }, [draft.restored, withTitle]);

  const changeText = (next: { body?: string; title?: string }) => {
    const nextBody = next.body ?? body;
    const nextTitle = next.title ?? title;
    if (next.body !== undefined) setBody(next.body);
    if (next.title !== undefined) setTitle(next.title);
    draft.save({ body: nextBody, ...(withTitle ? { title: nextTitle } : {}) });
    props.onInput?.();
  };

  /** Applies an edit to the body and puts the caret (or selection) where the edit says. */
  const applyEdit = (edited: Edited) => {
    changeText({ body: edited.text });
    setTab('write');
    selectAfterRender.current = { start: edited.start, end: edited.end };
  };
  // The caret moves in the same commit as the text, before any further key reaches the textarea.
  const selectAfterRender = useRef<{ start: number; end: number } | null>(null);
  useLayoutEffect(() => {
    const wanted = selectAfterRender.current;
    const element = textarea.current;
    if (!wanted || !element) return;
    selectAfterRender.current = null;
    element.focus();
    element.setSelectionRange(wanted.start, wanted.end);
  });

  const caret = () => {
    const element = textarea.current;
    return element ? [element.selectionStart, element.selectionEnd] : [body.length, body.length];
  };

  useImperativeHandle(props.handle, () => ({
    insertText: (text, options) => {
      const [start, end] = caret();
      applyEdit(insertAt(body, start, end, text, options?.block));
    },
    focus: () => textarea.current?.focus(),
  }));

  const pickMention = (name: string) => {
    if (!mention) return;
    const [, end] = caret();
    applyEdit(insertAt(body, mention.start, end, `@${name} `));
    setMention(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (mention && suggestions.length > 0) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setChoice((current) => (current + step + suggestions.length) % suggestions.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        pickMention(suggestions[Math.min(choice, suggestions.length - 1)]);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setMention(null);
        return;
      }
    }
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    const send = event.ctrlKey || event.metaKey || (props.enterToSend && !event.shiftKey && !event.altKey);
    if (!send) return;
    event.preventDefault();
    form.current?.requestSubmit();
  };

  const trackMention = () => {
    const element = textarea.current;
    if (!element) return;
    const found = mentionAt(element.value, element.selectionStart);
    setMention((current) =>
      found?.start === current?.start && found?.query === current?.query ? current : found,
    );
    if (found?.query !== mention?.query) setChoice(0);
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
    <form ref={form} className="composer" onSubmit={submit} aria-label={props.label}>
      {withTitle && (
        <div className="field">
          <label htmlFor={ids.title}>Title</label>
          <HighlightedTextarea
            id={ids.title}
            className="title-field"
            value={title}
            onChange={(value) => changeText({ title: value.replace(/\n/g, ' ') })}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                textarea.current?.focus();
              }
            }}
            findings={titleCheck.findings}
            rows={1}
            minLength={3}
            maxLength={200}
            required
            aria-describedby={ids.findings}
          />
        </div>
      )}
      <div className="composer-bar">
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
        {tab === 'write' && (
          <div className="format-toolbar" role="toolbar" aria-label="Formatting">
            {TOOLBAR.map((tool) => (
              <button
                key={tool.label}
                type="button"
                className="small tool"
                aria-label={tool.label}
                title={tool.label}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => {
                  const [start, end] = caret();
                  applyEdit(tool.apply(body, start, end));
                }}
              >
                {tool.text}
              </button>
            ))}
            {props.toolbarExtras}
          </div>
        )}
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
          <div className="mention-field">
            <HighlightedTextarea
              id={ids.body}
              inputRef={textarea}
              aria-label={`${props.label} (Markdown)`}
              aria-describedby={ids.findings}
              aria-autocomplete="list"
              aria-controls={mention && suggestions.length > 0 ? ids.mentions : undefined}
              aria-expanded={!!mention && suggestions.length > 0}
              value={body}
              onChange={(value) => {
                changeText({ body: value });
                trackMention();
              }}
              onKeyDown={onKeyDown}
              onKeyUp={trackMention}
              onClick={trackMention}
              onBlur={() => setMention(null)}
              findings={bodyCheck.findings}
              rows={props.rows ?? 5}
              maxLength={20_000}
              autoFocus={props.autoFocus}
              placeholder={
                props.enterToSend
                  ? 'Write in Markdown… (Enter sends, Shift+Enter: new line)'
                  : 'Write in Markdown… (Ctrl+Enter sends)'
              }
            />
            {mention && suggestions.length > 0 && (
              <ul id={ids.mentions} className="mention-list" role="listbox" aria-label="Mention suggestions">
                {suggestions.map((name, index) => (
                  <li
                    key={name}
                    role="option"
                    aria-selected={index === choice}
                    className={index === choice ? 'active' : undefined}
                    onMouseDown={(event) => {
                      event.preventDefault();
                      pickMention(name);
                    }}
                  >
                    @{name}
                  </li>
                ))}
              </ul>
            )}
          </div>
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
