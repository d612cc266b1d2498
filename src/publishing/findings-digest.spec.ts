import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { findingsDigest } from './findings-digest';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('findingsDigest', () => {
  it('is the SHA-256 of the sorted type:normalized lines, so any client can compute it', async () => {
    const digest = await findingsDigest([
      { type: 'phone', normalized: '+442079460958' },
      { type: 'email', normalized: 'ann@example.com' },
    ]);
    expect(digest).toBe(sha256('email:ann@example.com\nphone:+442079460958'));
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not change when the same value is written twice or findings come in another order', async () => {
    const a = { type: 'email', normalized: 'ann@example.com' };
    const b = { type: 'phone', normalized: '+33612345678' };
    expect(await findingsDigest([a, b, a])).toBe(await findingsDigest([b, a]));
  });

  it('changes when the author adds another number', async () => {
    const a = { type: 'phone', normalized: '+33612345678' };
    const b = { type: 'phone', normalized: '+33612345679' };
    expect(await findingsDigest([a, b])).not.toBe(await findingsDigest([a]));
  });

  it('tells different sets of values apart', async () => {
    const value = fc.record({
      type: fc.constantFrom('email', 'phone'),
      normalized: fc.string({ minLength: 1 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(value, { maxLength: 4 }), fc.array(value, { maxLength: 4 }), async (x, y) => {
        const key = (list: typeof x) =>
          [...new Set(list.map((f) => `${f.type}:${f.normalized}`))].sort().join('\n');
        fc.pre(key(x) !== key(y));
        expect(await findingsDigest(x)).not.toBe(await findingsDigest(y));
      }),
    );
  });
});
