import { Dialog } from '../../components/dialog';
import { MarkdownView } from '../../components/markdown-view';

interface Props {
  open: boolean;
  text: string;
  version: number;
  error: string | null;
  onAcknowledge(): void;
  onClose(): void;
}

/** Blocking: shown before a first post and again whenever an admin publishes a new version. */
export function NoticeDialog({ open, text, version, error, onAcknowledge, onClose }: Props) {
  return (
    <Dialog title="Before you post: this is a public area" open={open} onClose={onClose} alert>
      <div className="notice-text">
        <MarkdownView document source={text} />
      </div>
      <p className="muted">Notice version {version}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={onAcknowledge} autoFocus>
          I understand, continue
        </button>
        <button type="button" onClick={onClose}>
          Not now
        </button>
      </div>
    </Dialog>
  );
}
