import { ConnectionBadge } from '../realtime/connection-badge';
import { NotificationBell } from '../features/account/notification-bell';
import { Link, navigate, useLocation } from './router';
import { canModerate, hasRole, useSession } from './session-context';

export function AppHeader() {
  const { account, signOut } = useSession();
  const { path } = useLocation();
  const current = (prefix: string) => (path === prefix || path.startsWith(`${prefix}/`) ? 'page' : undefined);
  return (
    <header className="app-header">
      <Link href="/" className="brand">
        Parley
      </Link>
      <nav aria-label="Main">
        <ul>
          <li>
            <Link href="/" aria-current={path === '/' ? 'page' : undefined}>
              Forums
            </Link>
          </li>
          <li>
            <Link href="/boards" aria-current={current('/boards')}>
              Boards
            </Link>
          </li>
          <li>
            <Link href="/search" aria-current={current('/search')}>
              Search
            </Link>
          </li>
          {canModerate(account) && (
            <li>
              <Link href="/moderation" aria-current={current('/moderation')}>
                Moderation
              </Link>
            </li>
          )}
          {hasRole(account, 'admin') && (
            <li>
              <Link href="/admin" aria-current={current('/admin')}>
                Admin
              </Link>
            </li>
          )}
        </ul>
      </nav>
      <div className="header-end">
        <ConnectionBadge />
        {account ? (
          <>
            <NotificationBell />
            <Link href="/account" aria-current={current('/account')}>
              {account.username}
            </Link>
            <button
              type="button"
              className="link-button"
              onClick={() => void signOut().then(() => navigate('/'))}
            >
              Sign out
            </button>
          </>
        ) : account === null ? (
          <>
            <Link href="/signin">Sign in</Link>
            <Link href="/register" className="button primary">
              Sign up
            </Link>
          </>
        ) : null}
      </div>
    </header>
  );
}
