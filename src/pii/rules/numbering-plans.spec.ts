import {
  type CountryCode,
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/core';
import examples from 'libphonenumber-js/examples.mobile.json';
import metadata from 'libphonenumber-js/metadata.max.json';
import { formatNational, parseDigits } from './numbering-plans';

/** What the detector used to ask libphonenumber for, and numbering-plans.ts now answers itself. */
function library(digits: string, region: string | null) {
  const phone =
    region === null
      ? parsePhoneNumberFromString(`+${digits}`, metadata)
      : parsePhoneNumberFromString(digits, region as CountryCode, metadata);
  if (phone === undefined) return null;
  return {
    e164: phone.number,
    region: phone.country,
    valid: phone.isValid(),
    possible: phone.isPossible(),
    national: phone.formatNational(),
  };
}

function ported(digits: string, region: string | null) {
  const parsed = parseDigits(digits, region);
  if (parsed === null) return null;
  const { e164, region: country, valid, possible } = parsed;
  return { e164, region: country, valid, possible, national: formatNational(parsed) };
}

describe('numbering plans (libphonenumber parse + isValid + isPossible + formatNational, ported)', () => {
  it('agrees with libphonenumber on generated numbers in every region', () => {
    let seed = 12345;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const randomDigits = (n: number): string => Array.from({ length: n }, () => next(10)).join('');
    const regions = getCountries(metadata);
    const exampleOf = examples as Partial<Record<string, string>>;
    const mismatches: string[] = [];
    let valid = 0;
    for (let round = 0; round < 3; round++) {
      for (const region of regions) {
        const example = exampleOf[region] ?? randomDigits(9);
        const callingCode = getCountryCallingCode(region, metadata);
        // A real number with its last digits changed, with and without trunk prefix, calling code
        // or international call prefix, and plain random digit strings.
        const keep = Math.max(1, example.length - 1 - next(4));
        const number = example.slice(0, keep) + randomDigits(example.length - keep + next(3) - 1);
        const candidates = [
          number,
          `0${number}`,
          `8${number}`,
          `1${number}`,
          callingCode + number,
          `00${callingCode}${number}`,
          `011${callingCode}${number}`,
          randomDigits(7 + next(9)),
          `0${randomDigits(6 + next(8))}`,
        ];
        const other = regions[next(regions.length)];
        for (const digits of candidates) {
          for (const [input, asked] of [
            [digits, region],
            [digits, other],
            [digits, 'US'],
            [digits, null],
            [callingCode + digits, null],
          ] as const) {
            const expected = library(input, asked);
            if (expected?.valid) valid++;
            if (JSON.stringify(ported(input, asked)) !== JSON.stringify(expected)) {
              mismatches.push(`${asked ?? '+'} ${input}`);
            }
          }
        }
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(valid).toBeGreaterThan(1000); // the generator does reach valid numbers
  });

  it('agrees on numbers written the ways the corpus writes them', () => {
    const cases: Array<readonly [string, string | null]> = [
      ['2025550143', 'US'],
      ['4930901820', null],
      ['02079460958', 'GB'],
      ['07624369230', 'GB'],
      ['11961234567', 'BR'],
      ['0612345678', 'FR'],
      ['612345678', 'FR'],
      ['9444012345', 'IN'],
      ['08031234567', 'NG'],
      ['0301234567', 'DE'],
      ['4930901820', 'DE'],
      ['0049301234567', 'DE'],
      ['01144207946095', 'US'],
      ['12', 'US'],
    ];
    for (const [digits, region] of cases) {
      expect({ digits, region, verdict: ported(digits, region) }).toEqual({
        digits,
        region,
        verdict: library(digits, region),
      });
    }
    expect(ported('02079460958', 'GB')).toMatchObject({ e164: '+442079460958', region: 'GB', valid: true });
  });
});
