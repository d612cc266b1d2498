import { Types } from 'mongoose';
import { CollectionWriteLocks, targetDocument } from './ferretdb-write-locks';

/** Takes a lock, records when it ran, and holds it until the returned finish() is called. */
async function hold(
  locks: CollectionWriteLocks,
  log: string[],
  name: string,
  doc: string | null,
  coll = 'c',
) {
  const release = await locks.acquire(coll, doc);
  log.push(name);
  return release;
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('CollectionWriteLocks', () => {
  it('runs writes to one document one at a time, in order, and other documents alongside', async () => {
    const locks = new CollectionWriteLocks();
    const log: string[] = [];
    const first = hold(locks, log, 'a1', 'a');
    const second = hold(locks, log, 'a2', 'a');
    const other = hold(locks, log, 'b1', 'b');
    await tick();
    expect(log).toEqual(['a1', 'b1']);
    (await first)();
    await second;
    expect(log).toEqual(['a1', 'b1', 'a2']);
    (await second)();
    (await other)();
  });

  it('makes a write by another filter wait for every pending document write, and the later ones wait for it', async () => {
    const locks = new CollectionWriteLocks();
    const log: string[] = [];
    const a = hold(locks, log, 'a', 'a');
    const b = hold(locks, log, 'b', 'b');
    const wide = hold(locks, log, 'wide', null);
    const after = hold(locks, log, 'after', 'c');
    const elsewhere = hold(locks, log, 'other collection', 'a', 'd');
    await tick();
    expect(log).toEqual(['a', 'b', 'other collection']);
    (await a)();
    await tick();
    expect(log).not.toContain('wide');
    (await b)();
    (await wide)();
    await after;
    expect(log).toEqual(['a', 'b', 'other collection', 'wide', 'after']);
    (await after)();
    (await elsewhere)();
  });

  it('addresses one document only for _id equality', () => {
    const id = new Types.ObjectId();
    expect(targetDocument({ _id: id.toString(), locked: false })).toBe(id.toString());
    expect(targetDocument({ _id: id })).toBe(id.toString());
    expect(targetDocument({ _id: { $in: [id] } })).toBeNull();
    expect(targetDocument({ userId: 'u', topicId: 't' })).toBeNull();
  });
});
