import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { boardItems, boardsApi, type Board } from '../../api/boards-api';
import { forumsApi, type Forum } from '../../api/forums-api';
import { ErrorMessage } from '../../components/status';

const EMPTY = { slug: '', name: '', description: '', forumSlug: '', slowModeSeconds: 0 };

export function BoardsAdmin() {
  const [boards, setBoards] = useState<Board[]>([]);
  const [forums, setForums] = useState<Forum[]>([]);
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const load = useCallback(
    () => boardsApi.list().then((answer) => setBoards(boardItems(answer)), setError),
    [],
  );
  useEffect(() => {
    void load();
    forumsApi.list().then((page) => setForums(page.items), setError);
  }, [load]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await boardsApi.create({ ...form, forumSlug: form.forumSlug || forums[0]?.slug || '' });
      setForm(EMPTY);
      setStatus('Board created.');
      void load();
    } catch (failure) {
      setError(failure);
    }
  };
  const update = async (board: Board, changes: Parameters<typeof boardsApi.update>[1]) => {
    try {
      await boardsApi.update(board.slug, changes);
      setStatus(`${board.name} updated.`);
      void load();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section aria-label="Boards">
      <ErrorMessage error={error} />
      <p role="status" className="muted">
        {status}
      </p>
      <ul className="plain-list">
        {boards.map((board) => (
          <li key={board.id} className="card inline-form wrap">
            <strong>{board.name}</strong>
            <label>
              Slow mode (seconds)
              <input
                type="number"
                min={0}
                max={3600}
                defaultValue={board.slowModeSeconds}
                onBlur={(e) => void update(board, { slowModeSeconds: Number(e.target.value) })}
              />
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={board.archived}
                onChange={(e) => void update(board, { archived: e.target.checked })}
              />
              Archived
            </label>
          </li>
        ))}
      </ul>
      <form className="form card" onSubmit={create}>
        <h2>New board</h2>
        <label>
          Slug
          <input value={form.slug} required onChange={(e) => setForm({ ...form, slug: e.target.value })} />
        </label>
        <label>
          Name
          <input value={form.name} required onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </label>
        <label>
          Description
          <input
            value={form.description}
            onChange={(e) => setForm({ ...form, description: e.target.value })}
          />
        </label>
        <label>
          Forum
          <select value={form.forumSlug} onChange={(e) => setForm({ ...form, forumSlug: e.target.value })}>
            {forums.map((f) => (
              <option key={f.id} value={f.slug}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Slow mode (seconds between messages, 0 for off)
          <input
            type="number"
            min={0}
            value={form.slowModeSeconds}
            onChange={(e) => setForm({ ...form, slowModeSeconds: Number(e.target.value) })}
          />
        </label>
        <button type="submit" className="primary">
          Create board
        </button>
      </form>
    </section>
  );
}
