import { useEffect, useRef, useState, type FormEvent } from 'react';
import { noticesApi, type NoticeKind, type NoticeText } from '../../api/notices-api';
import { MarkdownView } from '../../components/markdown-view';
import { ErrorMessage, formatDate } from '../../components/status';

/** Publishing a new version keeps the old ones; a new public-area notice must be acknowledged again. */
export function NoticeEditor({ kind }: { kind: NoticeKind }) {
  const [text, setText] = useState('');
  const [loaded, setLoaded] = useState(false);
  const dirty = useRef(false);
  const [versions, setVersions] = useState<NoticeText[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const load = () => {
    noticesApi.current(kind).then((n) => {
      // A late answer must not overwrite what the admin has started typing.
      if (!dirty.current) setText(n.text);
      setLoaded(true);
    }, setError);
    noticesApi.versions(kind).then((page) => setVersions(page.items), setError);
  };
  useEffect(load, [kind]);

  const publish = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const published = await noticesApi.publish(kind, text);
      setStatus(
        `Version ${published.version} published.${kind === 'public-area' ? ' Everyone will be asked to acknowledge it before posting.' : ''}`,
      );
      dirty.current = false;
      load();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section
      aria-label={kind === 'privacy' ? 'Privacy statement' : 'Public-area notice'}
      className="editor-grid"
    >
      <form className="form" onSubmit={publish}>
        <label>
          Text (Markdown, 20 to 20,000 characters)
          <textarea
            value={text}
            rows={14}
            disabled={!loaded}
            minLength={20}
            maxLength={20000}
            onChange={(e) => {
              dirty.current = true;
              setText(e.target.value);
            }}
          />
        </label>
        <ErrorMessage error={error} />
        <p role="status">{status}</p>
        <button type="submit" className="primary">
          Publish a new version
        </button>
      </form>
      <div>
        <h2>Preview</h2>
        <MarkdownView document className="card prose" source={text} />
        <h2>Earlier versions</h2>
        <ul className="plain-list">
          {versions.map((v) => (
            <li key={v.version}>
              Version {v.version}, {formatDate(v.publishedAt)}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
