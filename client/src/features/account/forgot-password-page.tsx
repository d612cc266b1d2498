import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { accountApi } from '../../api/account-api';
import { Link, useTitle } from '../../app/router';
import { ErrorMessage } from '../../components/status';

/** "Forgot password": the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  useTitle('Forgot password');
  const [email, setEmail] = useState('');
  const request = useMutation({ mutationFn: () => accountApi.requestPasswordReset(email) });
  const sent = request.data?.message ?? null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate();
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
          <ErrorMessage error={request.error} />
          <button type="submit" className="primary" disabled={request.isPending}>
            {request.isPending ? 'Sending…' : 'Send the reset link'}
          </button>
        </form>
      )}
      <p>
        <Link href="/signin">Back to sign in</Link>
      </p>
    </section>
  );
}
