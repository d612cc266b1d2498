import { useState, type FormEvent } from 'react';
import { moderationApi } from '../../api/moderation-api';
import { ErrorMessage } from '../../components/status';

const DURATIONS = [
  { label: '1 hour', hours: 1 },
  { label: '1 day', hours: 24 },
  { label: '1 week', hours: 24 * 7 },
  { label: 'until lifted', hours: 0 },
];

/** Silence (cannot post) or suspend (cannot sign in) an author, with a reason and a duration. */
export function RestrictUser({ userId, name }: { userId: string; name: string }) {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<'silenced' | 'suspended' | 'active'>('silenced');
  const [hours, setHours] = useState(24);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const until = hours > 0 ? new Date(Date.now() + hours * 3_600_000).toISOString() : undefined;
      if (status === 'active') await moderationApi.lift(userId, reason);
      else if (status === 'silenced') await moderationApi.silence(userId, reason, until);
      else await moderationApi.suspend(userId, reason, until);
      setDone(status === 'active' ? `${name} may post again.` : `${name} is ${status}.`);
      setOpen(false);
    } catch (failure) {
      setError(failure);
    }
  };

  if (!open) {
    return (
      <p>
        <button type="button" className="small" onClick={() => setOpen(true)}>
          Silence or suspend {name}…
        </button>{' '}
        <span role="status">{done}</span>
      </p>
    );
  }
  return (
    <form className="inline-form wrap" onSubmit={submit} aria-label={`Restrict ${name}`}>
      <label>
        Action
        <select value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
          <option value="silenced">Silence (cannot post)</option>
          <option value="suspended">Suspend (cannot sign in)</option>
          <option value="active">Lift restrictions</option>
        </select>
      </label>
      <label>
        For
        <select value={hours} onChange={(e) => setHours(Number(e.target.value))}>
          {DURATIONS.map((d) => (
            <option key={d.hours} value={d.hours}>
              {d.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Reason
        <input value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={500} />
      </label>
      <button type="submit" className="primary">
        Apply
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
      <ErrorMessage error={error} />
    </form>
  );
}
