import { normaliseCharacters, unicodeDigitValue } from './normalise';

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
});
