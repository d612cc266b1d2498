import { excerptOf } from './excerpt';

describe(excerptOf.name, () => {
  it('keeps a short text as it is, with line breaks and Markdown marks flattened', () => {
    expect(excerptOf('**Thanks**\n\nthat _worked_')).toBe('Thanks that worked');
  });

  it('keeps underscores and hashes inside words and references: a mention, a post number, a product', () => {
    expect(excerptOf('> @dev_25bl wrote (#1):\n> see issue #42')).toBe('@dev_25bl wrote (#1): see issue #42');
    expect(excerptOf('## Steps\nUse [the guide](https://example.test/g) and `npm ci`, then 2*3')).toBe(
      'Steps Use the guide and npm ci, then 2*3',
    );
  });

  it('cuts a long text at a word boundary and marks the cut', () => {
    const text = 'word '.repeat(60);
    const excerpt = excerptOf(text, 22);
    expect(excerpt).toBe('word word word word…');
    expect(excerpt.length).toBeLessThanOrEqual(23);
  });

  it('cuts inside a very long word rather than returning nothing', () => {
    expect(excerptOf('x'.repeat(50), 10)).toBe('xxxxxxxxxx…');
  });
});
