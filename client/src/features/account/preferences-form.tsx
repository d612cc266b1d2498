import { useState } from 'react';
import { accountApi, type NotificationKind, type Preferences } from '../../api/account-api';
import { useSession } from '../../app/session-context';
import { ErrorMessage } from '../../components/status';

const KINDS: { kind: NotificationKind; label: string; sends: string }[] = [
  {
    kind: 'replies',
    label: 'Replies to my posts',
    sends:
      'A reply to your post or topic, and new posts in topics and forums you watch. By email: one mail per topic, about 10 minutes after the first new post, listing what came in.',
  },
  {
    kind: 'mentions',
    label: '@mentions of me',
    sends: 'Someone wrote @yourname or quoted you. By email: gathered per topic like replies.',
  },
  {
    kind: 'moderation',
    label: 'Moderation of my content or account',
    sends:
      'A moderator hid, removed, approved or edited something of yours, or restricted your account. By email: at once.',
  },
  {
    kind: 'mailings',
    label: 'Digests and newsletters',
    sends:
      'By email: a weekly summary of the most active topics in the forums you can read. Off unless you turn it on.',
  },
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
          {KINDS.map(({ kind, label, sends }) => (
            <tr key={kind}>
              <th scope="row">
                {label}
                <small className="muted prefs-sends">{sends}</small>
              </th>
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
      <p className="muted">
        Mail about your account (address confirmation, password reset, security notices) is always sent. Every
        other mail has a one-click unsubscribe link for its kind.
        {!account.emailVerified &&
          ' Confirm your email address first: until then no notification mail is sent.'}
      </p>
      <ErrorMessage error={error} />
      <p role="status" className="muted">
        {status}
      </p>
    </section>
  );
}
