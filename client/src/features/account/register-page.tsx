import { useState, type FormEvent } from 'react';
import { accountApi } from '../../api/account-api';
import { Link, navigate, useLocation, useTitle } from '../../app/router';
import { useSession } from '../../app/session-context';
import { ErrorMessage } from '../../components/status';
import { NewPasswordInput } from './new-password-input';
import { safeNext } from './sign-in-page';

export function RegisterPage() {
  useTitle('Create an account');
  const { setAccount } = useSession();
  const { query } = useLocation();
  const [form, setForm] = useState({ username: '', email: '', password: '', displayName: '' });
  const [digest, setDigest] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const signedIn = await accountApi.register({
        ...form,
        displayName: form.displayName.trim() || undefined,
        digest,
      });
      setAccount(signedIn.user);
      navigate(safeNext(query.get('next')), { replace: true });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card narrow">
      <h1>Create an account</h1>
      <form onSubmit={submit} className="form">
        <label>
          Username
          <input
            {...field('username')}
            autoComplete="username"
            pattern="[A-Za-z0-9_\-]{3,30}"
            aria-describedby="username-hint"
            required
          />
          <small id="username-hint">3 to 30 letters, digits, _ or -</small>
        </label>
        <label>
          Display name (optional)
          <input {...field('displayName')} autoComplete="nickname" maxLength={50} />
        </label>
        <label>
          Email
          <input
            {...field('email')}
            type="email"
            autoComplete="email"
            required
            aria-describedby="email-hint"
          />
          <small id="email-hint">Never shown to other people. Used for notifications you choose.</small>
        </label>
        <NewPasswordInput label="Password" {...field('password')} />
        <label className="checkbox">
          <input type="checkbox" checked={digest} onChange={(e) => setDigest(e.target.checked)} />
          Mail me a weekly summary of the most active topics (you can stop it in any of those mails)
        </label>
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create account'}
        </button>
      </form>
      <p>
        Already have an account? <Link href="/signin">Sign in</Link>. Read the{' '}
        <a href="/privacy">privacy statement</a>.
      </p>
    </section>
  );
}
