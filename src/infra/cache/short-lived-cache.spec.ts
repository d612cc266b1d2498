import { ShortLivedCache } from './short-lived-cache';

describe('ShortLivedCache', () => {
  const counter = () => {
    let reads = 0;
    return { load: async () => ({ reads: (reads += 1) }), reads: () => reads };
  };

  it('shares one read between concurrent and later callers until the TTL has passed', async () => {
    const cache = new ShortLivedCache<{ reads: number }>(50, 10, (value) => ({ ...value }));
    const source = counter();
    const [a, b] = await Promise.all([cache.get('k', source.load), cache.get('k', source.load)]);
    expect([a, b, await cache.get('k', source.load)]).toEqual([{ reads: 1 }, { reads: 1 }, { reads: 1 }]);
    a.reads = 99;
    expect(await cache.get('k', source.load)).toEqual({ reads: 1 });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await cache.get('k', source.load)).toEqual({ reads: 2 });
  });

  it('reads again after forget, keeps no failed read, and drops the oldest key beyond its size', async () => {
    const cache = new ShortLivedCache<{ reads: number }>(60_000, 2, (value) => value);
    const source = counter();
    await cache.get('a', source.load);
    cache.forget('a');
    expect(await cache.get('a', source.load)).toEqual({ reads: 2 });
    await expect(cache.get('b', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('b', source.load)).toEqual({ reads: 3 });
    await cache.get('c', source.load);
    expect(await cache.get('a', source.load)).toEqual({ reads: 5 });
    cache.forget();
    expect(await cache.get('b', source.load)).toEqual({ reads: 6 });
  });
});
