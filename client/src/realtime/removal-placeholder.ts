import type { RemovalStatus } from '@socket-protocol';

/** What a reload shows where a post or message went (the server's placeholder for each status), applied live. */
export function removalPlaceholder(noun: 'post' | 'message', removal: RemovalStatus | undefined) {
  const status = removal === 'deleted' ? 'deleted' : 'removed';
  const html =
    status === 'deleted'
      ? `<p><em>This ${noun} was deleted by its author.</em></p>`
      : `<p><em>This ${noun} was removed by a moderator.</em></p>`;
  return { status, html } as const;
}
