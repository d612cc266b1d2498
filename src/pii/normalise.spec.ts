import { nextToNormalise, normaliseCharacters, unicodeDigitValue } from './normalise';
import { NEEDS_NORMALISING } from './patterns';

function roundTrip(text: string, needle: string): string {
  const normal = normaliseCharacters(text);
  const at = normal.text.indexOf(needle);
  const { start, end } = normal.toOriginal(at, at + needle.length);
  return text.slice(start, end);
}

describe('character normalisation', () => {
  it('leaves plain ASCII text alone without building a map', () => {
    const normal = normaliseCharacters('Call 020 7946 0958 today');
    expect(normal.isIdentity).toBe(true);
    expect(normal.text).toBe('Call 020 7946 0958 today');
  });

  it('drops zero-width and invisible characters but maps spans over them', () => {
    const text = 'kofi\u200b@exam\u00adple.com and 9\u200d1\u200d9';
    const normal = normaliseCharacters(text);
    expect(normal.text).toBe('kofi@example.com and 919');
    expect(roundTrip(text, 'kofi@example.com')).toBe('kofi\u200b@exam\u00adple.com');
    expect(roundTrip(text, '919')).toBe('9\u200d1\u200d9');
  });

  it('folds full-width, mathematical and other-script digits to ASCII', () => {
    expect(normaliseCharacters('０１４１ 𝟖𝟏𝟖 ٠٥٥ ९४४ ০১৭').text).toBe('0141 818 055 944 017');
  });

  it('folds the full-width at sign and full stop', () => {
    const text = 'haruto＠example．jp';
    expect(normaliseCharacters(text).text).toBe('haruto@example.jp');
    expect(roundTrip(text, 'haruto@example.jp')).toBe(text);
  });

  it('decodes the HTML entities for @ and . and maps them back to the entity as written', () => {
    const text = 'team&#x40;example&#46;org or info&#64;x.io or a&commat;b.de';
    expect(normaliseCharacters(text).text).toBe('team@example.org or info@x.io or a@b.de');
    expect(roundTrip(text, 'team@example.org')).toBe('team&#x40;example&#46;org');
  });

  it('keeps keycap digits whole, including their variation selector and keycap mark', () => {
    const text = 'Call 6\ufe0f\u20e34\ufe0f\u20e3!';
    expect(normaliseCharacters(text).text).toBe('Call 64!');
    expect(roundTrip(text, '64')).toBe('6\ufe0f\u20e34\ufe0f\u20e3');
  });

  it('turns odd spaces into plain spaces', () => {
    expect(normaliseCharacters('020\u00a07946\u202f0958').text).toBe('020 7946 0958');
  });

  it('reads the value of a digit from any decimal digit block', () => {
    expect(unicodeDigitValue(0x0665)).toBe(5);
    expect(unicodeDigitValue(0x096f)).toBe(9);
    expect(unicodeDigitValue(0x09e7)).toBe(1);
  });

  it('finds exactly what the NEEDS_NORMALISING pattern matches (the hand-written scan)', () => {
    // Characters around every edge of the scan: ASCII, entities, folded ranges, other scripts'
    // digits (BMP and astral), mathematical letters and digits, lone and paired surrogates.
    const pool = [
      'a',
      '1',
      ' ',
      '&',
      '&#64;',
      '&#x40;',
      '&commat;',
      '&#46;',
      '&period;',
      '&#x2E;',
      '&amp;',
      '&#6',
      '\u009f',
      '\u00a0',
      '\u00ad',
      '\u00e9',
      '\u180e',
      '\u2000',
      '\u200f',
      '\u2010',
      '\u2028',
      '\u202f',
      '\u205f',
      '\u2064',
      '\u2065',
      '\u20e3',
      '\u3000',
      '\ufe0e',
      '\ufe0f',
      '\ufe50',
      '\ufe6b',
      '\ufe6c',
      '\ufeff',
      '\uff01',
      '\uff10',
      '\uff5e',
      '\uff5f',
      '\u0660',
      '\u0669',
      '\u06f5',
      '\u0966',
      '\u09e7',
      '\u0e51',
      '\u1040',
      '\uabf0',
      '\u4e00',
      '\u0416',
      '\u{1d400}',
      '\u{1d7ce}',
      '\u{1d7ff}',
      '\u{1d800}',
      '\u{104a0}',
      '\u{11066}',
      '\u{1f600}',
      '\ud835',
      '\udfce',
      '6\ufe0f\u20e3',
    ];
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let round = 0; round < 3000; round++) {
      let text = '';
      for (let k = next(12); k >= 0; k--) text += pool[next(pool.length)];
      const expected: number[] = [];
      NEEDS_NORMALISING.lastIndex = 0;
      for (let m = NEEDS_NORMALISING.exec(text); m !== null; m = NEEDS_NORMALISING.exec(text)) {
        expected.push(m.index, m.index + m[0].length);
      }
      const found: number[] = [];
      const normal = normaliseCharacters(text);
      for (let at = nextToNormalise(text, 0); at !== -1;) {
        NEEDS_NORMALISING.lastIndex = at;
        const length = NEEDS_NORMALISING.exec(text)?.[0].length ?? 0;
        found.push(at, at + length);
        at = nextToNormalise(text, at + Math.max(1, length));
      }
      expect({ text, found }).toEqual({ text, found: expected });
      expect(normal.isIdentity).toBe(expected.length === 0);
    }
  });
});
