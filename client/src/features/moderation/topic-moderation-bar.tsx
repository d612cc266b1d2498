import { useEffect, useState } from 'react';
import { forumsApi, type Forum, type Topic } from '../../api/forums-api';
import { moderationApi } from '../../api/moderation-api';
import { navigate } from '../../app/router';
import { ErrorMessage } from '../../components/status';

interface Props {
  topic: Topic;
  onChange(flags: Partial<Pick<Topic, 'pinned' | 'locked'>>): void;
}

/** Lock, pin and move: each an audited moderation action, and the author is told. */
export function TopicModerationBar({ topic, onChange }: Props) {
  const [error, setError] = useState<unknown>(null);
  const [forums, setForums] = useState<Forum[]>([]);
  const [target, setTarget] = useState('');
  useEffect(() => {
    forumsApi.list().then(
      (page) => setForums(page.items.filter((f) => f.id !== topic.forumId)),
      () => undefined,
    );
  }, [topic.forumId]);

  const run = async (action: 'lock' | 'unlock' | 'pin' | 'unpin') => {
    setError(null);
    try {
      await moderationApi.topic(topic.id, action);
      onChange(
        action === 'lock' || action === 'unlock'
          ? { locked: action === 'lock' }
          : { pinned: action === 'pin' },
      );
    } catch (failure) {
      setError(failure);
    }
  };
  const move = async () => {
    if (!target) return;
    try {
      await moderationApi.moveTopic(topic.id, target);
      const forum = forums.find((f) => f.id === target);
      navigate(forum ? `/f/${forum.slug}` : '/');
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <div className="toolbar wrap" role="group" aria-label="Topic moderation">
      <button type="button" className="small" onClick={() => void run(topic.locked ? 'unlock' : 'lock')}>
        {topic.locked ? 'Unlock topic' : 'Lock topic'}
      </button>
      <button type="button" className="small" onClick={() => void run(topic.pinned ? 'unpin' : 'pin')}>
        {topic.pinned ? 'Unpin' : 'Pin'}
      </button>
      {forums.length > 0 && (
        <>
          <label className="visually-hidden" htmlFor="move-to">
            Move to forum
          </label>
          <select id="move-to" value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">Move to…</option>
            {forums.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
          <button type="button" className="small" disabled={!target} onClick={() => void move()}>
            Move
          </button>
        </>
      )}
      <ErrorMessage error={error} />
    </div>
  );
}
