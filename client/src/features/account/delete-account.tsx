import { useState, type FormEvent } from 'react';
import { accountApi } from '../../api/account-api';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session-context';
import { Dialog } from '../../components/dialog';
import { ErrorMessage } from '../../components/status';

/** Deleting needs the password and an explicit confirmation in a dialog. */
export function DeleteAccount() {
  const { setAccount } = useSession();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [deletePosts, setDeletePosts] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await accountApi.deleteAccount(password, deletePosts);
      setAccount(null);
      navigate('/', { replace: true });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card danger-zone" aria-labelledby="delete-account">
      <h2 id="delete-account">Delete my account</h2>
      <p>
        Your profile, email and sessions are erased. You choose whether your posts stay (shown as by “deleted
        user”).
      </p>
      <button type="button" className="danger" onClick={() => setOpen(true)}>
        Delete my account…
      </button>
      <Dialog title="Delete your account?" open={open} onClose={() => setOpen(false)} alert>
        <form className="form" onSubmit={confirm}>
          <p>This cannot be undone.</p>
          <label className="check">
            <input type="checkbox" checked={deletePosts} onChange={(e) => setDeletePosts(e.target.checked)} />
            Also delete my posts and messages
          </label>
          <label>
            Your password, to confirm
            <input
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="current-password"
              required
            />
          </label>
          <ErrorMessage error={error} />
          <div className="actions">
            <button type="button" onClick={() => setOpen(false)} autoFocus>
              Keep my account
            </button>
            <button type="submit" className="danger" disabled={busy || !password}>
              Delete permanently
            </button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}
