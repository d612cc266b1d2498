import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';

/** A failure worth retrying: the network or the server, never an answer about the request itself (4xx). */
export function isRetryable(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
}

/**
 * Server state lives in TanStack Query's cache. Live pages keep it fresh through socket events (they write
 * into the cache), so nothing refetches on focus; a failed read is retried twice when it can succeed later.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => count < 2 && isRetryable(error),
      },
      mutations: { retry: false },
    },
  });
}
