import { useState, type FormEvent } from 'react';
import { accountApi } from '../../api/account-api';
import { Link, useTitle } from '../../app/router';
import { ErrorMessage } from '../../components/status';

/** "Forgot password": the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  useTitle('Forgot password');
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setSent((await accountApi.requestPasswordReset(email)).message);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card narrow">
      <h1>Forgot your password?</h1>
      {sent ? (
        <p role="status">
          {sent} The link works once, for an hour. Check your spam folder if nothing arrives.
        </p>
      ) : (
        <form onSubmit={submit} className="form">
          <p>Enter the email address of your account and we will mail you a link to choose a new password.</p>
          <label>
            Email
            <input
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              autoComplete="email"
              required
            />
          </label>
          <ErrorMessage error={error} />
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Sending…' : 'Send the reset link'}
          </button>
        </form>
      )}
      <p>
        <Link href="/signin">Back to sign in</Link>
      </p>
    </section>
  );
}
