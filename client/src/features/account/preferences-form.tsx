import { useState } from 'react';
import { accountApi, type NotificationKind, type Preferences } from '../../api/account-api';
import { useSession } from '../../app/session-context';
import { ErrorMessage } from '../../components/status';

const KINDS: { kind: NotificationKind; label: string }[] = [
  { kind: 'replies', label: 'Replies to my posts' },
  { kind: 'mentions', label: '@mentions of me' },
  { kind: 'moderation', label: 'Moderation of my content or account' },
  { kind: 'mailings', label: 'Digests and newsletters' },
];

export function PreferencesForm() {
  const { account, setAccount } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  if (!account) return null;
  const prefs = account.notificationPreferences;

  const toggle = async (kind: NotificationKind, channel: 'inApp' | 'email', on: boolean) => {
    setError(null);
    setStatus('');
    try {
      const updated: Preferences = await accountApi.preferences({
        [kind]: { [channel]: on },
      } as Partial<Preferences>);
      setAccount({ ...account, notificationPreferences: updated });
      setStatus('Preferences saved.');
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section className="card" aria-labelledby="prefs">
      <h2 id="prefs">Notifications and mailings</h2>
      <table className="prefs">
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">In the app</th>
            <th scope="col">By email</th>
          </tr>
        </thead>
        <tbody>
          {KINDS.map(({ kind, label }) => (
            <tr key={kind}>
              <th scope="row">{label}</th>
              {(['inApp', 'email'] as const).map((channel) => (
                <td key={channel}>
                  <input
                    type="checkbox"
                    aria-label={`${label}: ${channel === 'inApp' ? 'in the app' : 'by email'}`}
                    checked={prefs[kind][channel]}
                    onChange={(e) => void toggle(kind, channel, e.target.checked)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorMessage error={error} />
      <p role="status" className="muted">
        {status}
      </p>
    </section>
  );
}
