import { detect } from '../index';
import { readSpelledNumber } from './number-words';

const phones = (text: string) => detect(text).filter((f) => f.type === 'phone');

describe('spelled-out phone numbers', () => {
  it.each([
    [
      'Seller says call two one three five five five zero one oh seven, he is old school.',
      'two one three five five five zero one oh seven',
    ],
    [
      'Ring oh seven four double oh, one two three, four five six. Thanks',
      'oh seven four double oh, one two three, four five six',
    ],
    ['Text 415-five-five-five-0130 tonight', '415-five-five-five-0130'],
    ['Text eight one eight - 555 - oh one nine three.', 'eight one eight - 555 - oh one nine three'],
    [
      'Reach me at SIX FOUR SIX FIVE FIVE FIVE ZERO ONE ONE FIVE regarding the tickets.',
      'SIX FOUR SIX FIVE FIVE FIVE ZERO ONE ONE FIVE',
    ],
    [
      'Handy: null eins sieben sechs, vier acht drei neun, zwei null eins sieben',
      'null eins sieben sechs, vier acht drei neun, zwei null eins sieben',
    ],
    [
      'Appelez le zéro sept, soixante-huit, vingt-quatre, cinquante et un, quatre-vingt-treize pour le gîte.',
      'zéro sept, soixante-huit, vingt-quatre, cinquante et un, quatre-vingt-treize',
    ],
    [
      'Llama al nueve uno, uno dos tres, cuarenta y cinco, sesenta y siete para reservar.',
      'nueve uno, uno dos tres, cuarenta y cinco, sesenta y siete',
    ],
  ])('finds the dictated number in "%s"', (text, span) => {
    const found = phones(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ text: span, rule: 'phone.spelled-digits' });
  });

  it('reports a long spelled local number even when no region can place it', () => {
    const [f] = phones('Contact is five five five, zero one two five (typed it weird).');
    expect(f).toMatchObject({ text: 'five five five, zero one two five', normalized: '5550125' });
  });

  it('ignores counting and number words in prose', () => {
    expect(phones("One, two, three, four, five, six pushups and I'm done.")).toEqual([]);
    expect(phones('We have three cats, two dogs, and one very confused parrot.')).toEqual([]);
    expect(phones('Oh, one more thing: bring two chairs.')).toEqual([]);
  });

  it('reads two-digit groups in French, Spanish and German', () => {
    const read = (text: string) => readSpelledNumber(text.split(' '), 0)?.digits;
    expect(read('quatre vingt treize')).toBe('93');
    expect(read('soixante dix sept')).toBe('77');
    expect(read('cinquante et un')).toBe('51');
    expect(read('cuarenta y cinco')).toBe('45');
    expect(read('achtundsechzig')).toBe('68');
    expect(read('double oh')).toBe('00');
  });

  it('reads spelled groups separated by full stops as one number', () => {
    expect(
      phones('Call me: seven one eight. five five five. zero one three three.').map((f) => f.text),
    ).toEqual(['seven one eight. five five five. zero one three three']);
  });
});
