import type { RoomState } from './use-room';

/** "3 viewing · ann is typing…", announced politely. */
export function RoomStatus({ state, selfName }: { state: RoomState; selfName?: string }) {
  const typists = state.typing.map((t) => t.username).filter((name) => name !== selfName);
  return (
    <p className="room-status muted" aria-live="polite">
      {state.viewers !== null && (
        <span className="viewers">
          {state.viewers} {state.viewers === 1 ? 'person' : 'people'} viewing
        </span>
      )}
      {typists.length > 0 && (
        <span className="typing">
          {typists.slice(0, 3).join(', ')} {typists.length === 1 ? 'is' : 'are'} typing…
        </span>
      )}
      {state.error && <span className="error-text">{state.error}</span>}
    </p>
  );
}
