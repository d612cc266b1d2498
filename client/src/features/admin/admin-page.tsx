import { Link, useTitle } from '../../app/router';
import { hasRole, useSession } from '../../app/session-context';
import { BoardsAdmin } from './boards-admin';
import { ForumsAdmin } from './forums-admin';
import { NoticeEditor } from './notice-editor';
import { UsersAdmin } from './users-admin';

const SECTIONS = [
  { key: 'forums', label: 'Forums' },
  { key: 'boards', label: 'Boards' },
  { key: 'users', label: 'Roles and moderators' },
  { key: 'notice', label: 'Public-area notice' },
  { key: 'privacy', label: 'Privacy statement' },
] as const;

export function AdminPage({ section }: { section: string }) {
  useTitle('Admin');
  const { account } = useSession();
  if (!hasRole(account, 'admin')) return <p role="alert">This page is for administrators.</p>;
  return (
    <>
      <h1>Admin</h1>
      <nav aria-label="Admin sections" className="subnav">
        {SECTIONS.map((s) => (
          <Link key={s.key} href={`/admin/${s.key}`} aria-current={section === s.key ? 'page' : undefined}>
            {s.label}
          </Link>
        ))}
      </nav>
      {section === 'forums' && <ForumsAdmin />}
      {section === 'boards' && <BoardsAdmin />}
      {section === 'users' && <UsersAdmin />}
      {section === 'notice' && <NoticeEditor kind="public-area" />}
      {section === 'privacy' && <NoticeEditor kind="privacy" />}
    </>
  );
}
