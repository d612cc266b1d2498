import type { ReactNode } from 'react';
import { AccountPage } from '../features/account/account-page';
import { ForgotPasswordPage } from '../features/account/forgot-password-page';
import { NotificationsPage } from '../features/account/notifications-page';
import { ResetPasswordPage } from '../features/account/reset-password-page';
import { VerifyEmailPage } from '../features/account/verify-email-page';
import { RegisterPage } from '../features/account/register-page';
import { SignInPage } from '../features/account/sign-in-page';
import { AdminPage } from '../features/admin/admin-page';
import { BoardListPage } from '../features/boards/board-list-page';
import { BoardPage } from '../features/boards/board-page';
import { ForumListPage } from '../features/forums/forum-list-page';
import { ForumPage } from '../features/forums/forum-page';
import { SearchPage } from '../features/forums/search-page';
import { TopicPage } from '../features/forums/topic-page';
import { AuditPage } from '../features/moderation/audit-page';
import { QueuePage } from '../features/moderation/queue-page';
import { NoticePage } from '../features/notices/notice-page';
import { ProfilePage } from '../features/people/profile-page';
import { Link, matchPath, useLocation } from './router';

type Page = (params: Record<string, string>) => ReactNode;

/** Client paths; the server answers index.html for each of them. */
const ROUTES: [string, Page][] = [
  ['/', () => <ForumListPage />],
  ['/f/:slug', ({ slug }) => <ForumPage key={slug} slug={slug} />],
  ['/t/:id', ({ id }) => <TopicPage key={id} id={id} />],
  ['/search', () => <SearchPage />],
  ['/u/:username', ({ username }) => <ProfilePage key={username} username={username} />],
  ['/boards', () => <BoardListPage />],
  ['/b/:slug', ({ slug }) => <BoardPage key={slug} slug={slug} />],
  ['/signin', () => <SignInPage />],
  ['/register', () => <RegisterPage />],
  ['/forgot-password', () => <ForgotPasswordPage />],
  ['/reset-password', () => <ResetPasswordPage />],
  ['/verify-email', () => <VerifyEmailPage />],
  ['/account', () => <AccountPage />],
  ['/notifications', () => <NotificationsPage />],
  ['/moderation', () => <QueuePage />],
  ['/moderation/audit', () => <AuditPage />],
  ['/admin', () => <AdminPage section="forums" />],
  ['/admin/:section', ({ section }) => <AdminPage section={section} />],
  ['/notice', () => <NoticePage kind="public-area" />],
  ['/privacy', () => <NoticePage kind="privacy" />],
];

export function Routes() {
  const { path } = useLocation();
  for (const [pattern, page] of ROUTES) {
    const params = matchPath(pattern, path);
    if (params) return <>{page(params)}</>;
  }
  return (
    <section className="card narrow">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link href="/">Go to the forums</Link>.
      </p>
    </section>
  );
}
