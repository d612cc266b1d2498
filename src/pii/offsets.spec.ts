import { MappedText, MappedTextBuilder } from './offsets';

describe('offset map', () => {
  it('maps an identity text onto itself', () => {
    const text = MappedText.identity('hello');
    expect(text.toOriginal(1, 3)).toEqual({ start: 1, end: 3 });
    expect(text.isVerbatim(0, 5)).toBe(true);
  });

  it('maps a replacement back to the whole range it replaced', () => {
    const source = MappedText.identity('a&#64;b');
    const builder = new MappedTextBuilder(source);
    builder.copy(0, 1);
    builder.emit('@', 1, 6);
    builder.copy(6, 7);
    const mapped = builder.build();
    expect(mapped.text).toBe('a@b');
    expect(mapped.toOriginal(0, 3)).toEqual({ start: 0, end: 7 });
    expect(mapped.toOriginal(1, 2)).toEqual({ start: 1, end: 6 });
    expect(mapped.isVerbatim(0, 3)).toBe(false);
  });

  it('composes two passes so offsets always point into the original text', () => {
    const first = new MappedTextBuilder(MappedText.identity('x\u200by at z'));
    first.copy(0, 1);
    first.copy(2, 8);
    const once = first.build();
    expect(once.text).toBe('xy at z');
    const second = new MappedTextBuilder(once);
    second.copy(0, 2);
    second.emit('@', 2, 6);
    second.copy(6, 7);
    const twice = second.build();
    expect(twice.text).toBe('xy@z');
    expect(twice.toOriginal(0, 4)).toEqual({ start: 0, end: 8 });
    expect(twice.toOriginal(2, 3)).toEqual({ start: 3, end: 7 });
  });

  it('lets a dropped combining mark join the character before it', () => {
    const builder = new MappedTextBuilder(MappedText.identity('6\ufe0f\u20e3'));
    builder.copy(0, 1);
    builder.extendLast(1, 2);
    builder.extendLast(2, 3);
    expect(builder.build().toOriginal(0, 1)).toEqual({ start: 0, end: 3 });
  });
});
