import { useEffect, useState } from 'react';
import { accountApi } from '../../api/account-api';
import { Link, useLocation, useTitle } from '../../app/router';
import { useSession } from '../../app/session-context';
import { ErrorMessage, Loading } from '../../components/status';

/** Where the mailed confirmation link leads: confirms on a click, not on load (link scanners open links). */
export function VerifyEmailPage() {
  useTitle('Confirm your email address');
  const { query } = useLocation();
  const { account, reload } = useSession();
  const token = query.get('token') ?? '';
  const [state, setState] = useState<'ready' | 'busy' | 'done'>('ready');
  const [email, setEmail] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => setError(null), [token]);

  const confirm = async () => {
    setState('busy');
    try {
      const confirmed = await accountApi.verifyEmail(token);
      setEmail(confirmed.email);
      setState('done');
      if (account) await reload();
    } catch (failure) {
      setError(failure);
      setState('ready');
    }
  };

  return (
    <section className="card narrow">
      <h1>Confirm your email address</h1>
      {state === 'done' ? (
        <p role="status">
          {email} is confirmed. <Link href="/">Go to the forums</Link>
        </p>
      ) : state === 'busy' ? (
        <Loading what="Confirming" />
      ) : (
        <>
          <p>Confirm that this address is yours, so that replies, mentions and password resets reach you.</p>
          <ErrorMessage error={error} />
          <button type="button" className="primary" onClick={() => void confirm()} disabled={!token}>
            Confirm my address
          </button>
        </>
      )}
    </section>
  );
}
