import { useState, type FormEvent } from 'react';
import { accountApi } from '../../api/account-api';
import { navigate, useTitle } from '../../app/router';
import { useSession } from '../../app/session-context';
import { ErrorMessage, Loading, formatDate } from '../../components/status';
import { ChangePassword } from './change-password';
import { DeleteAccount } from './delete-account';
import { downloadJson } from './download-json';
import { PreferencesForm } from './preferences-form';

/** "My data": what is stored about me, correct it, export it, delete it; and my preferences. */
export function AccountPage() {
  useTitle('My account');
  const { account, setAccount } = useSession();
  const [profile, setProfile] = useState<{ displayName: string; email: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  const [exporting, setExporting] = useState(false);

  if (account === undefined) return <Loading />;
  if (account === null) {
    navigate('/signin?next=/account', { replace: true });
    return null;
  }
  const form = profile ?? { displayName: account.displayName, email: account.email ?? '' };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved('');
    try {
      setAccount(await accountApi.updateProfile({ displayName: form.displayName, email: form.email }));
      setProfile(null);
      setSaved('Saved.');
    } catch (failure) {
      setError(failure);
    }
  };

  const exportData = async () => {
    setExporting(true);
    setError(null);
    try {
      downloadJson(await accountApi.exportData(), `parley-export-${account.username}.json`);
    } catch (failure) {
      setError(failure);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <h1>My account</h1>
      <section className="card" aria-labelledby="my-data">
        <h2 id="my-data">My data</h2>
        <dl className="facts">
          <dt>Username</dt>
          <dd>{account.username}</dd>
          <dt>Roles</dt>
          <dd>{account.roles.join(', ')}</dd>
          <dt>Account status</dt>
          <dd>
            {account.status}
            {account.restrictionReason ? ` (${account.restrictionReason})` : ''}
          </dd>
          <dt>Member since</dt>
          <dd>{formatDate(account.createdAt)}</dd>
          <dt>Notice acknowledged</dt>
          <dd>
            {account.noticeAcknowledgements.length
              ? account.noticeAcknowledgements
                  .map((a) => `version ${a.version} on ${formatDate(a.acknowledgedAt)}`)
                  .join('; ')
              : 'not yet'}
          </dd>
        </dl>
        <form className="form" onSubmit={save}>
          <h3>Correct your details</h3>
          <label>
            Display name
            <input
              value={form.displayName}
              maxLength={50}
              required
              onChange={(e) => setProfile({ ...form, displayName: e.target.value })}
            />
          </label>
          <label>
            Email
            <input
              type="email"
              value={form.email}
              required
              onChange={(e) => setProfile({ ...form, email: e.target.value })}
            />
          </label>
          <ErrorMessage error={error} />
          {saved && <p role="status">{saved}</p>}
          <button type="submit" className="primary">
            Save
          </button>
        </form>
        <h3>Export</h3>
        <p>
          Everything Parley stores about you (profile, posts, messages, reports, notifications) as one JSON
          file.
        </p>
        <button type="button" onClick={() => void exportData()} disabled={exporting}>
          {exporting ? 'Preparing…' : 'Export my data (JSON)'}
        </button>
      </section>
      <PreferencesForm />
      <ChangePassword />
      <DeleteAccount />
    </>
  );
}
