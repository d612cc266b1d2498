import { useConnection, type ConnectionState } from './connection-context';

const LABELS: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  connected: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

/** Always visible, and announced when it changes: readers need to know whether new posts can arrive. */
export function ConnectionBadge() {
  const { state, reason } = useConnection();
  return (
    <span
      className={`connection connection-${state}`}
      role="status"
      aria-live="polite"
      title={reason ?? undefined}
      data-state={state}
    >
      <span className="dot" aria-hidden="true" />
      {LABELS[state]}
      {state === 'offline' && reason ? `: ${reason}` : ''}
    </span>
  );
}
