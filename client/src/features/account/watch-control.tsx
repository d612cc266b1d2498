import { useEffect, useState } from 'react';
import { accountApi, type WatchLevel } from '../../api/account-api';
import { useSession } from '../../app/session-context';
import { ErrorMessage } from '../../components/status';

const LEVELS: { level: WatchLevel; label: string }[] = [
  { level: 'watching', label: 'Watching: every new post, in the app and by email' },
  { level: 'tracking', label: 'Tracking: every new post in the app, email only for replies to me' },
  { level: 'normal', label: 'Normal: replies to me, mentions and quotes' },
  { level: 'muted', label: 'Muted: nothing from here' },
];

/** Watch, track or mute a topic or a forum (signed-in readers only). */
export function WatchControl({ scope, id }: { scope: 'topics' | 'forums'; id: string }) {
  const { account } = useSession();
  const [level, setLevel] = useState<WatchLevel | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!account) return;
    accountApi.watchLevels(scope, id).then(
      (levels) => setLevel(levels.level),
      (failure: unknown) => setError(failure),
    );
  }, [account, scope, id]);

  // Rendered at once (disabled until the level is known): appearing later would shift the page under a reader
  // who was just scrolled to a post.
  if (!account) return null;
  const change = async (next: WatchLevel) => {
    setError(null);
    try {
      setLevel((await accountApi.setWatchLevel(scope, id, next)).level);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <div className="watch-control">
      <label>
        {scope === 'topics' ? 'Notifications for this topic' : 'Notifications for this forum'}{' '}
        <select
          value={level ?? 'normal'}
          disabled={level === null}
          onChange={(e) => void change(e.target.value as WatchLevel)}
        >
          {LEVELS.map((option) => (
            <option key={option.level} value={option.level}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <ErrorMessage error={error} />
    </div>
  );
}
