import type { Post } from './post';
import { POST_PAGE_TTL_MS, PostPageCache } from './post-page-cache';

const post = (seq: number, html = `<p>${seq}</p>`) => ({ id: `p${seq}`, seq, html }) as unknown as Post;

describe(PostPageCache.name, () => {
  afterEach(() => jest.useRealTimers());

  it('lets concurrent readers of one page share a single query', async () => {
    const cache = new PostPageCache();
    const load = jest.fn(async () => [post(1), post(2)]);
    const [a, b] = await Promise.all([cache.read('t1', 'p', load), cache.read('t1', 'p', load)]);
    expect(load).toHaveBeenCalledTimes(1);
    expect(a.map((p) => p.seq)).toEqual([1, 2]);
    expect(b).toEqual(a);
  });

  it('reads again once the page is older than its time to live', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const cache = new PostPageCache();
    const load = jest.fn(async () => [post(1)]);
    await cache.read('t1', 'p', load);
    jest.setSystemTime(1_000_000 + POST_PAGE_TTL_MS - 1);
    await cache.read('t1', 'p', load);
    expect(load).toHaveBeenCalledTimes(1);
    jest.setSystemTime(1_000_000 + POST_PAGE_TTL_MS + 1);
    await cache.read('t1', 'p', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('forgets the pages of a written topic at once, and leaves other topics cached', async () => {
    const cache = new PostPageCache();
    const loadA = jest.fn(async () => [post(1)]);
    const loadB = jest.fn(async () => [post(7)]);
    await cache.read('a', 'p', loadA);
    await cache.read('b', 'p', loadB);
    cache.forget('a');
    await cache.read('a', 'p', loadA);
    await cache.read('b', 'p', loadB);
    expect(loadA).toHaveBeenCalledTimes(2);
    expect(loadB).toHaveBeenCalledTimes(1);
    cache.forget();
    await cache.read('b', 'p', loadB);
    expect(loadB).toHaveBeenCalledTimes(2);
  });

  it('counts the time to live from the end of the query, however long the query took', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const cache = new PostPageCache();
    let finish: (rows: Post[]) => void = () => undefined;
    const slow = jest
      .fn(async () => [post(1)])
      .mockImplementationOnce(() => new Promise<Post[]>((resolve) => (finish = resolve)));
    const reading = cache.read('t1', 'p', slow);
    jest.setSystemTime(1_000_000 + 3 * POST_PAGE_TTL_MS);
    finish([post(1)]);
    await reading;
    jest.setSystemTime(1_000_000 + 3 * POST_PAGE_TTL_MS + POST_PAGE_TTL_MS / 2);
    await cache.read('t1', 'p', slow);
    expect(slow).toHaveBeenCalledTimes(1);
  });

  it('does not keep a failed read', async () => {
    const cache = new PostPageCache();
    const failing = jest.fn(async (): Promise<Post[]> => {
      throw new Error('database unavailable');
    });
    await expect(cache.read('t1', 'p', failing)).rejects.toThrow('database unavailable');
    const load = jest.fn(async () => [post(1)]);
    await expect(cache.read('t1', 'p', load)).resolves.toHaveLength(1);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('hands out copies, so a caller changing its posts does not change the next reader’s', async () => {
    const cache = new PostPageCache();
    const load = async () => [post(1, '<p>kept</p>')];
    const first = await cache.read('t1', 'p', load);
    first[0].html = '<p>changed by a caller</p>';
    const second = await cache.read('t1', 'p', load);
    expect(second[0].html).toBe('<p>kept</p>');
  });
});
