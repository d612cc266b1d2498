import { useState, type FormEvent } from 'react';
import { accountApi } from '../../api/account-api';
import { Link, useLocation, useTitle } from '../../app/router';
import { ErrorMessage } from '../../components/status';

/** Where the mailed reset link leads: choose a new password; the server says why a weak one is refused. */
export function ResetPasswordPage() {
  useTitle('Choose a new password');
  const { query } = useLocation();
  const token = query.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await accountApi.resetPassword(token, password);
      setDone(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <section className="card narrow">
        <h1>Password changed</h1>
        <p role="status">
          Your new password is set and every session was signed out. <Link href="/signin">Sign in</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="card narrow">
      <h1>Choose a new password</h1>
      {!token ? (
        <p role="alert" className="error">
          This page needs the link from the reset mail. <Link href="/forgot-password">Ask for a new one</Link>
        </p>
      ) : (
        <form onSubmit={submit} className="form">
          <label>
            New password
            <input
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="new-password"
              minLength={8}
              aria-describedby="password-hint"
              required
            />
            <small id="password-hint">
              At least 8 characters; common passwords are refused. Several words work well.
            </small>
          </label>
          <ErrorMessage error={error} />
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Saving…' : 'Set the new password'}
          </button>
        </form>
      )}
      <p>
        <Link href="/forgot-password">Ask for a new link</Link>
      </p>
    </section>
  );
}
