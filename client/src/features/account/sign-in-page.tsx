import { useState, type FormEvent } from 'react';
import { accountApi } from '../../api/account-api';
import { Link, navigate, useLocation, useTitle } from '../../app/router';
import { useSession } from '../../app/session-context';
import { ErrorMessage } from '../../components/status';

/** Only same-site paths are followed after signing in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  useTitle('Sign in');
  const { setAccount } = useSession();
  const { query } = useLocation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const signedIn = await accountApi.login(login, password);
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
      <h1>Sign in</h1>
      <form onSubmit={submit} className="form">
        <label>
          Username or email
          <input
            value={login}
            onChange={(e) => setLogin(e.target.value)}
            autoComplete="username"
            aria-describedby="login-hint"
            required
          />
          <small id="login-hint" className="muted">
            Your email address signs you in once you have confirmed it from the mail we sent.
          </small>
        </label>
        <label>
          Password
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            required
          />
        </label>
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p>
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
      <p>
        New here? <Link href="/register">Create an account</Link>
      </p>
    </section>
  );
}
