import { useState } from 'react';
import { accountApi } from '../../api/account-api';
import { useSession } from '../../app/session-context';
import { describeError } from '../../api/api-error';

/** Shown while the account's address (or the new one it asked for) is not confirmed. */
export function VerificationBanner() {
  const { account } = useSession();
  const [status, setStatus] = useState('');
  if (!account || (account.emailVerified && !account.pendingEmail)) return null;
  const address = account.pendingEmail ?? account.email;
  const resend = async () => {
    try {
      await accountApi.resendVerification();
      setStatus(`Sent again to ${address}.`);
    } catch (failure) {
      setStatus(describeError(failure));
    }
  };
  return (
    <aside className="card notice-banner" aria-label="Confirm your email address">
      <p>
        {account.pendingEmail
          ? `Confirm ${account.pendingEmail} with the link we mailed to it; until then mail goes to ${account.email}.`
          : `Confirm your email address with the link we mailed to ${address}: until then we send you no notification mail.`}{' '}
        <button type="button" className="link-button" onClick={() => void resend()}>
          Mail the link again
        </button>
      </p>
      <p role="status" className="muted">
        {status}
      </p>
    </aside>
  );
}
