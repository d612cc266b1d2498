import { excerptOf } from './excerpt';

describe(excerptOf.name, () => {
  it('keeps a short text as it is, with line breaks and Markdown marks flattened', () => {
    expect(excerptOf('**Thanks**\n\nthat _worked_')).toBe('Thanks that worked');
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
