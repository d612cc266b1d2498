import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { accountApi, type Account, type Role } from '../api/account-api';
import { ApiError } from '../api/api-error';
import { hasSessionCookie } from '../api/http-client';

interface Session {
  /** undefined while the first check runs, null when signed out. */
  account: Account | null | undefined;
  setAccount(account: Account | null): void;
  reload(): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [account, setAccount] = useState<Account | null | undefined>(undefined);

  const reload = useCallback(async () => {
    if (!hasSessionCookie()) {
      setAccount(null);
      return;
    }
    try {
      setAccount(await accountApi.me());
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) setAccount(null);
      else setAccount((current) => current ?? null);
    }
  }, []);

  const signOut = useCallback(async () => {
    await accountApi.logout().catch(() => undefined);
    setAccount(null);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const value = useMemo(() => ({ account, setAccount, reload, signOut }), [account, reload, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

export function hasRole(account: Account | null | undefined, role: Role): boolean {
  if (!account) return false;
  if (account.roles.includes('admin')) return true;
  return role === 'member' || account.roles.includes(role);
}

/** Global moderators, admins, and per-forum moderators (the server re-checks every action). */
export function canModerate(account: Account | null | undefined, forumId?: string): boolean {
  if (!account) return false;
  if (hasRole(account, 'moderator')) return true;
  return forumId ? account.moderatedForumIds.includes(forumId) : account.moderatedForumIds.length > 0;
}
