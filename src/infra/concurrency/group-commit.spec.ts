import { GroupCommit } from './group-commit';

/** A flush that records its batches and waits for the test to release it. */
function recorder() {
  const batches: Array<{ key: string; items: number[] }> = [];
  const releases: Array<() => void> = [];
  const flush = (key: string, items: number[]) =>
    new Promise<number[]>((resolve) => {
      batches.push({ key, items });
      releases.push(() => resolve(items.map((item) => item * 10)));
    });
  const releaseNext = async () => {
    while (releases.length === 0) await new Promise((resolve) => setImmediate(resolve));
    releases.shift()!();
  };
  return { batches, flush, releaseNext };
}

describe('GroupCommit', () => {
  it('flushes a lone item at once, then everything that arrived meanwhile in one batch, in order', async () => {
    const { batches, flush, releaseNext } = recorder();
    const group = new GroupCommit(flush);
    const first = group.submit('room', 1);
    const later = [2, 3, 4].map((n) => group.submit('room', n));
    expect(batches).toEqual([{ key: 'room', items: [1] }]);
    await releaseNext();
    expect(await first).toBe(10);
    await releaseNext();
    expect(await Promise.all(later)).toEqual([20, 30, 40]);
    expect(batches).toEqual([
      { key: 'room', items: [1] },
      { key: 'room', items: [2, 3, 4] },
    ]);
  });

  it('keeps keys apart and caps a batch at maxBatch', async () => {
    const { batches, flush, releaseNext } = recorder();
    const group = new GroupCommit(flush, 2);
    const all = [1, 7, 2, 3, 4].map((n) => group.submit(n === 7 ? 'b' : 'a', n));
    for (let i = 0; i < 4; i += 1) await releaseNext();
    expect(await Promise.all(all)).toEqual([10, 70, 20, 30, 40]);
    expect(batches).toEqual([
      { key: 'a', items: [1] },
      { key: 'b', items: [7] },
      { key: 'a', items: [2, 3] },
      { key: 'a', items: [4] },
    ]);
  });

  it('fails every item of a failed flush and still flushes what comes next', async () => {
    let calls = 0;
    const group = new GroupCommit<number, number>(async (_key, items) => {
      calls += 1;
      if (calls === 2) throw new Error('disk full');
      return items;
    });
    const first = group.submit('k', 1);
    const failing = [group.submit('k', 2), group.submit('k', 3)];
    await expect(first).resolves.toBe(1);
    for (const item of failing) await expect(item).rejects.toThrow('disk full');
    await expect(group.submit('k', 4)).resolves.toBe(4);
  });
});
