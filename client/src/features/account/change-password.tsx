import { useState, type FormEvent } from 'react';
import { accountApi } from '../../api/account-api';
import { ErrorMessage } from '../../components/status';

/** Changing the password ends every other session (the server does it). */
export function ChangePassword() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setDone('');
    try {
      await accountApi.changePassword(current, next);
      setCurrent('');
      setNext('');
      setDone('Password changed. Your other sessions were signed out.');
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section className="card" aria-labelledby="password">
      <h2 id="password">Password</h2>
      <form className="form" onSubmit={submit}>
        <label>
          Current password
          <input
            type="password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            autoComplete="current-password"
            required
          />
        </label>
        <label>
          New password (at least 8 characters)
          <input
            type="password"
            value={next}
            onChange={(e) => setNext(e.target.value)}
            autoComplete="new-password"
            minLength={8}
            required
          />
        </label>
        <ErrorMessage error={error} />
        <p role="status">{done}</p>
        <button type="submit">Change password</button>
      </form>
    </section>
  );
}
