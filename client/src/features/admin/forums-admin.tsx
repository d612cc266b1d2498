import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { adminApi, type ForumInput } from '../../api/admin-api';
import { forumsApi, type Forum, type PiiPolicy } from '../../api/forums-api';
import { ErrorMessage } from '../../components/status';

const EMPTY = {
  slug: '',
  name: '',
  productName: '',
  description: '',
  piiPolicy: 'warn' as PiiPolicy,
  phoneRegion: 'US',
  visibility: 'public' as const,
};

export function ForumsAdmin() {
  const [forums, setForums] = useState<Forum[]>([]);
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const load = useCallback(() => forumsApi.list().then((page) => setForums(page.items), setError), []);
  useEffect(() => void load(), [load]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await adminApi.createForum(form);
      setForm(EMPTY);
      setStatus('Forum created.');
      void load();
    } catch (failure) {
      setError(failure);
    }
  };
  const update = async (forum: Forum, changes: Partial<ForumInput>) => {
    setError(null);
    try {
      await adminApi.updateForum(forum.id, changes);
      setStatus(`${forum.name} updated.`);
      void load();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section aria-label="Forums">
      <ErrorMessage error={error} />
      <p role="status" className="muted">
        {status}
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Forum</th>
              <th scope="col">Personal-data policy</th>
              <th scope="col">Phone region</th>
              <th scope="col">Archive</th>
            </tr>
          </thead>
          <tbody>
            {forums.map((forum) => (
              <tr key={forum.id}>
                <th scope="row">{forum.name}</th>
                <td>
                  <select
                    aria-label={`Policy of ${forum.name}`}
                    value={forum.piiPolicy}
                    onChange={(e) => void update(forum, { piiPolicy: e.target.value as PiiPolicy })}
                  >
                    <option value="warn">warn (publish after acknowledgement)</option>
                    <option value="review">review (hold for a moderator)</option>
                    <option value="mask">mask (replace the spans)</option>
                  </select>
                </td>
                <td>
                  <input
                    aria-label={`Phone region of ${forum.name}`}
                    defaultValue={forum.phoneRegion}
                    size={3}
                    maxLength={2}
                    onBlur={(e) =>
                      e.target.value !== forum.phoneRegion &&
                      void update(forum, { phoneRegion: e.target.value.toUpperCase() })
                    }
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="small"
                    onClick={() => void update(forum, { archived: true })}
                  >
                    Archive
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form className="form card" onSubmit={create}>
        <h2>New forum</h2>
        {(['slug', 'name', 'productName', 'description'] as const).map((field) => (
          <label key={field}>
            {field === 'productName' ? 'Product name' : field[0].toUpperCase() + field.slice(1)}
            <input
              value={form[field]}
              required={field !== 'description'}
              onChange={(e) => setForm({ ...form, [field]: e.target.value })}
            />
          </label>
        ))}
        <label>
          Personal-data policy
          <select
            value={form.piiPolicy}
            onChange={(e) => setForm({ ...form, piiPolicy: e.target.value as PiiPolicy })}
          >
            <option value="warn">warn</option>
            <option value="review">review</option>
            <option value="mask">mask</option>
          </select>
        </label>
        <label>
          Phone region (ISO code)
          <input
            value={form.phoneRegion}
            maxLength={2}
            onChange={(e) => setForm({ ...form, phoneRegion: e.target.value.toUpperCase() })}
          />
        </label>
        <button type="submit" className="primary">
          Create forum
        </button>
      </form>
    </section>
  );
}
