import fc from 'fast-check';
import { detect } from './index';
import type { Finding } from './finding';

/** Pieces that exercise every rule: digits, separators, @ and dots, number words, odd characters. */
const piece = fc.oneof(
  fc.constantFrom(
    '@',
    '.',
    ' ',
    '-',
    '+',
    '(',
    ')',
    '\n',
    ' at ',
    ' dot ',
    '[at]',
    '(dot)',
    '&#64;',
    '＠',
    '\u200b',
    '\ufe0f\u20e3',
    'five',
    'oh',
    'double',
    'soixante-huit',
    'example',
    'com',
    'gmail',
    'call',
    'order',
    'ext. 12',
    'x1',
    'mailto:',
    '٠٥٥',
    '０１４１',
    '𝟖',
    'l',
    'O',
    'git@',
    'https://',
    '`',
    '#',
  ),
  fc.integer({ min: 0, max: 99999999 }).map(String),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);
const mixedText = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  mixedText,
);

function checkInvariants(text: string, findings: Finding[]): void {
  let previousEnd = 0;
  for (const f of findings) {
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.start).toBeLessThan(f.end);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(f.start).toBeGreaterThanOrEqual(previousEnd); // sorted, no overlap
    expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(f.confidence).toBeGreaterThan(0);
    expect(f.confidence).toBeLessThanOrEqual(1);
    previousEnd = f.end;
  }
}

describe('detect on arbitrary input', () => {
  it('never throws and returns sorted, non-overlapping spans that slice to their text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        checkInvariants(text, detect(text));
      }),
      { numRuns: 1500 },
    );
  });

  it('finds the same things in a post when a closing line is appended after a blank line', () => {
    // No rule reaches across a blank line, and "Thanks!" names no region and is no number word,
    // so the findings inside the original text are exactly those found without the closing line.
    fc.assert(
      fc.property(mixedText, (text) => {
        const after = detect(`${text}\n\nThanks!`).filter((f) => f.start < text.length);
        expect(after).toEqual(detect(text));
      }),
      { numRuns: 800 },
    );
  });

  it('finds a planted address and number wherever they are put in random text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme-ascii', maxLength: 60 }),
        fc.string({ unit: 'grapheme-ascii', maxLength: 60 }),
        (head, tail) => {
          const text = `${head.replace(/[\w@+.]+$/, '')} mail jo.lee@example.org or call +44 20 7946 0958 \n${tail}`;
          const found = detect(text).map((f) => f.text);
          expect(found).toEqual(expect.arrayContaining(['jo.lee@example.org', '+44 20 7946 0958']));
        },
      ),
      { numRuns: 300 },
    );
  });
});
