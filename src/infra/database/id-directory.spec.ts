import { IdDirectory } from './id-directory';

describe('IdDirectory', () => {
  it('answers the id remembered for a key, and nothing for an unknown key', () => {
    const directory = new IdDirectory();
    directory.remember('topic-1:3', 'post-a');
    expect(directory.get('topic-1:3')).toBe('post-a');
    expect(directory.get('topic-1:4')).toBeUndefined();
  });

  it('points a key to its latest id and drops the oldest key beyond its limit', () => {
    const directory = new IdDirectory(2);
    directory.remember('a', '1');
    directory.remember('b', '2');
    directory.remember('a', 'other');
    directory.remember('c', '3');
    expect([directory.get('a'), directory.get('b'), directory.get('c')]).toEqual(['other', undefined, '3']);
  });

  it('finds known keys by id, looks the rest up by fields once, and does not trust a key that no longer fits', async () => {
    const docs = new Map([
      ['1', { id: '1', name: 'ann' }],
      ['2', { id: '2', name: 'bob' }],
    ]);
    const calls: string[] = [];
    const byId = async (id: string) => {
      calls.push(`id ${id}`);
      return docs.get(id) ?? null;
    };
    const byFields = async (names: string[]) => {
      calls.push(`fields ${names.join(',')}`);
      return [...docs.values()].filter((doc) => names.includes(doc.name));
    };
    const keyOf = (doc: { name: string }) => doc.name;
    const directory = new IdDirectory();
    expect(await directory.find(['ann', 'bob'], keyOf, byId, byFields)).toHaveLength(2);
    expect(calls).toEqual(['fields ann,bob']);
    calls.length = 0;
    docs.set('2', { id: '2', name: 'deleted-2' });
    docs.set('3', { id: '3', name: 'bob' });
    const found = await directory.find(['ann', 'bob'], keyOf, byId, byFields);
    expect(found.map((doc) => doc.id).sort()).toEqual(['1', '3']);
    expect(calls).toEqual(['id 1', 'id 2', 'fields bob']);
    calls.length = 0;
    await directory.find(['bob'], keyOf, byId, byFields);
    expect(calls).toEqual(['id 3']);
  });
});
