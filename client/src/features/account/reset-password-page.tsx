import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { accountApi } from '../../api/account-api';
import { Link, useLocation, useTitle } from '../../app/router';
import { ErrorMessage } from '../../components/status';
import { NewPasswordInput } from './new-password-input';

/** Where the mailed reset link leads: choose a new password; the server says why a weak one is refused. */
export function ResetPasswordPage() {
  useTitle('Choose a new password');
  const { query } = useLocation();
  const token = query.get('token') ?? '';
  const [password, setPassword] = useState('');
  const reset = useMutation({ mutationFn: () => accountApi.resetPassword(token, password) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reset.mutate();
  };

  if (reset.isSuccess) {
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
          <NewPasswordInput
            label="New password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <ErrorMessage error={reset.error} />
          <button type="submit" className="primary" disabled={reset.isPending}>
            {reset.isPending ? 'Saving…' : 'Set the new password'}
          </button>
        </form>
      )}
      <p>
        <Link href="/forgot-password">Ask for a new link</Link>
      </p>
    </section>
  );
}
