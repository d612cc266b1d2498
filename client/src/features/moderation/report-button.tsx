import { useState, type FormEvent } from 'react';
import { moderationApi, type ReportReason, type TargetType } from '../../api/moderation-api';
import { Dialog } from '../../components/dialog';
import { ErrorMessage } from '../../components/status';

const REASONS: { value: ReportReason; label: string }[] = [
  { value: 'personal_info', label: 'It shows someone’s personal information' },
  { value: 'spam', label: 'Spam or advertising' },
  { value: 'abuse', label: 'Abusive or harassing' },
  { value: 'off_topic', label: 'Off topic' },
  { value: 'other', label: 'Something else' },
];

/** Any signed-in reader can report a post or message once; moderators see it in their queue. */
export function ReportButton({ targetType, targetId }: { targetType: TargetType; targetId: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ReportReason>('personal_info');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await moderationApi.report({ targetType, targetId, reason, note: note.trim() || undefined });
      setSent(true);
      setOpen(false);
    } catch (failure) {
      setError(failure);
    }
  };

  if (sent)
    return (
      <span className="muted small" role="status">
        Reported. Thank you.
      </span>
    );
  return (
    <>
      <button type="button" className="small" onClick={() => setOpen(true)}>
        Report
      </button>
      <Dialog title="Report to the moderators" open={open} onClose={() => setOpen(false)}>
        <form className="form" onSubmit={submit}>
          <fieldset>
            <legend>What is wrong?</legend>
            {REASONS.map((r) => (
              <label key={r.value} className="check">
                <input
                  type="radio"
                  name="reason"
                  checked={reason === r.value}
                  onChange={() => setReason(r.value)}
                />
                {r.label}
              </label>
            ))}
          </fieldset>
          <label>
            Anything the moderators should know (optional)
            <textarea value={note} maxLength={500} rows={3} onChange={(e) => setNote(e.target.value)} />
          </label>
          <ErrorMessage error={error} />
          <div className="actions">
            <button type="submit" className="primary">
              Send report
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
