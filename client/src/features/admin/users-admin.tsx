import { useEffect, useState, type FormEvent } from 'react';
import type { Role } from '../../api/account-api';
import { adminApi, type AdminUser } from '../../api/admin-api';
import { forumsApi, type Forum } from '../../api/forums-api';
import { ErrorMessage } from '../../components/status';

const ROLES: Role[] = ['member', 'moderator', 'admin'];

/** Roles (global) and per-forum moderators; each change is audited by the server. */
export function UsersAdmin() {
  const [q, setQ] = useState('');
  const [users, setUsers] = useState<AdminUser[]>([]);
  const [forums, setForums] = useState<Forum[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');

  const search = (event?: FormEvent) => {
    event?.preventDefault();
    adminApi.users(q || undefined).then((page) => setUsers(page.items), setError);
  };
  useEffect(() => {
    search();
    forumsApi.list().then((page) => setForums(page.items), setError);
  }, []);

  const apply = async (user: AdminUser, call: () => Promise<AdminUser>) => {
    setError(null);
    try {
      const updated = await call();
      setUsers((list) => list.map((u) => (u.id === user.id ? updated : u)));
      setStatus(`${user.username} updated.`);
    } catch (failure) {
      setError(failure);
    }
  };
  const toggle = <T,>(list: T[], value: T, on: boolean) =>
    on ? [...new Set([...list, value])] : list.filter((v) => v !== value);

  return (
    <section aria-label="Roles and moderators">
      <form role="search" className="inline-form" onSubmit={search}>
        <label>
          Find users
          <input
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="start of a username or email"
          />
        </label>
        <button type="submit">Search</button>
      </form>
      <ErrorMessage error={error} />
      <p role="status" className="muted">
        {status}
      </p>
      <ul className="plain-list">
        {users.map((user) => (
          <li key={user.id} className="card">
            <p>
              <strong>{user.username}</strong> <span className="muted">{user.email}</span> · {user.status}
            </p>
            <fieldset>
              <legend>Roles</legend>
              {ROLES.map((role) => (
                <label key={role} className="check">
                  <input
                    type="checkbox"
                    checked={user.roles.includes(role)}
                    disabled={role === 'member'}
                    onChange={(e) =>
                      void apply(user, () =>
                        adminApi.setRoles(user.id, toggle(user.roles, role, e.target.checked)),
                      )
                    }
                  />
                  {role}
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>Moderates forums</legend>
              {forums.map((forum) => (
                <label key={forum.id} className="check">
                  <input
                    type="checkbox"
                    checked={user.moderatedForumIds.includes(forum.id)}
                    onChange={(e) =>
                      void apply(user, () =>
                        adminApi.setModeratedForums(
                          user.id,
                          toggle(user.moderatedForumIds, forum.id, e.target.checked),
                        ),
                      )
                    }
                  />
                  {forum.name}
                </label>
              ))}
            </fieldset>
          </li>
        ))}
      </ul>
    </section>
  );
}
