import { useCallback, useId, useRef, useState } from 'react';
import { ApiError, describeError } from '../../api/api-error';
import { uploadFile, type Upload } from '../../api/uploads-api';

interface PersonalDataDetails {
  findingsDigest: string;
  explanation: string;
  findings: Array<{ type: string; part?: string }>;
}

/** One file on its way: its progress, then what the server kept (and removed), or why it refused. */
export interface UploadItem {
  key: string;
  file: File;
  progress: number;
  state: 'uploading' | 'done' | 'failed' | 'needs-acknowledgement';
  upload?: Upload;
  error?: string;
  personalData?: PersonalDataDetails;
}

let sequence = 0;

/** Uploads files to the forum and inserts each one's Markdown into the text once it is stored. */
export function useUploads(forumSlug: string | undefined, insert: (markdown: string) => void) {
  const [items, setItems] = useState<UploadItem[]>([]);
  // The latest insert, read when an upload ends (the composer's text may have changed meanwhile).
  const inserting = useRef(insert);
  inserting.current = insert;
  const update = (key: string, change: Partial<UploadItem>) =>
    setItems((all) => all.map((item) => (item.key === key ? { ...item, ...change } : item)));

  const send = useCallback(
    async (key: string, file: File, acknowledge?: string) => {
      if (!forumSlug) return;
      update(key, { state: 'uploading', progress: 0, error: undefined });
      try {
        const upload = await uploadFile(
          forumSlug,
          file,
          (progress) => update(key, { progress }),
          acknowledge,
        );
        update(key, { state: 'done', progress: 1, upload });
        inserting.current(upload.markdown);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'personal_data_detected') {
          update(key, { state: 'needs-acknowledgement', personalData: error.details as PersonalDataDetails });
        } else {
          update(key, { state: 'failed', error: describeError(error) });
        }
      }
    },
    [forumSlug],
  );

  const add = useCallback(
    (files: File[]) => {
      for (const file of files) {
        const key = `upload-${(sequence += 1)}`;
        setItems((all) => [...all, { key, file, progress: 0, state: 'uploading' }]);
        void send(key, file);
      }
    },
    [send],
  );

  const acknowledge = (item: UploadItem) =>
    item.personalData && void send(item.key, item.file, item.personalData.findingsDigest);
  const dismiss = (item: UploadItem) => setItems((all) => all.filter((other) => other.key !== item.key));
  const clear = () => setItems([]);
  return { items, add, acknowledge, dismiss, clear };
}

type Uploads = ReturnType<typeof useUploads>;

/** The attach button and the list of files with progress bars and what was removed from each. */
export function UploadTray({ uploads }: { uploads: Uploads }) {
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  return (
    <div className="upload-tray">
      <input
        ref={input}
        id={id}
        type="file"
        multiple
        hidden
        accept="image/png,image/jpeg,image/webp,image/gif,application/pdf,text/plain,.txt,.log"
        onChange={(event) => {
          uploads.add([...(event.target.files ?? [])]);
          event.target.value = '';
        }}
      />
      <button type="button" onClick={() => input.current?.click()}>
        Attach files
      </button>
      <span className="muted"> or paste or drop images and files into the text</span>
      {uploads.items.length > 0 && (
        <ul className="upload-list" aria-label="Uploads">
          {uploads.items.map((item) => (
            <li key={item.key} className={`upload-item ${item.state}`}>
              <span className="upload-name">{item.upload?.name ?? item.file.name ?? 'pasted image'}</span>
              {item.state === 'uploading' && (
                <progress
                  max={1}
                  value={item.progress}
                  aria-label={`Uploading ${item.file.name || 'pasted image'}`}
                />
              )}
              {item.state === 'done' && (
                <>
                  <span className="muted"> uploaded</span>
                  {(item.upload?.removed ?? []).length > 0 && (
                    <ul className="upload-removed" aria-label="Removed from the file">
                      {item.upload?.removed.map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  )}
                </>
              )}
              {item.state === 'failed' && (
                <>
                  <span role="alert"> {item.error}</span>
                  <button type="button" className="link" onClick={() => uploads.dismiss(item)}>
                    Dismiss
                  </button>
                </>
              )}
              {item.state === 'needs-acknowledgement' && item.personalData && (
                <div role="alert">
                  <p>
                    This file contains personal data ({describeFindings(item.personalData.findings)}).{' '}
                    {item.personalData.explanation}
                  </p>
                  <button type="button" onClick={() => uploads.acknowledge(item)}>
                    Upload anyway
                  </button>{' '}
                  <button type="button" onClick={() => uploads.dismiss(item)}>
                    Leave it out
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function describeFindings(findings: PersonalDataDetails['findings']): string {
  const counts = new Map<string, number>();
  for (const finding of findings) {
    const label = `${finding.type}${finding.part === 'name' ? ' in its name' : ''}`;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([label, count]) => `${count} ${label}`).join(', ');
}
