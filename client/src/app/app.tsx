import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createQueryClient } from '../api/query-client';
import { VerificationBanner } from '../features/account/verification-banner';
import { NoticeProvider } from '../features/notices/notice-context';
import { ConnectionProvider } from '../realtime/connection-context';
import { AppHeader } from './app-header';
import { Link } from './router';
import { Routes } from './routes';
import { SessionProvider } from './session-context';

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
    <SessionProvider>
      <NoticeProvider>
        <ConnectionProvider>
          <a className="skip-link" href="#main">
            Skip to content
          </a>
          <AppHeader />
          <main id="main" tabIndex={-1}>
            <VerificationBanner />
            <Routes />
          </main>
          <footer className="app-footer">
            <Link href="/privacy">Privacy statement</Link> · <Link href="/notice">Public area notice</Link>
          </footer>
        </ConnectionProvider>
      </NoticeProvider>
    </SessionProvider>
    </QueryClientProvider>
  );
}
