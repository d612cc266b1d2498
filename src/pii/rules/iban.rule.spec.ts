import { detect } from '../index';
import { mod97Valid } from './iban.rule';

const ibans = (text: string) => detect(text).filter((f) => f.type === 'iban');

describe('IBANs', () => {
  it.each([
    ['German, grouped', 'Bitte an DE89 3704 0044 0532 0130 00 überweisen.', 'DE89 3704 0044 0532 0130 00'],
    ['British with letters', 'The IBAN is GB82 WEST 1234 5698 7654 32.', 'GB82 WEST 1234 5698 7654 32'],
    ['French, glued', 'RIB: FR1420041010050500013M02606 merci', 'FR1420041010050500013M02606'],
    ['Norwegian (shortest)', 'konto NO9386011117947', 'NO9386011117947'],
  ])('finds a %s IBAN', (_what, text, span) => {
    const found = ibans(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ text: span, normalized: span.replace(/ /g, ''), rule: 'iban.mod97' });
  });

  it('does not also report the digits of an IBAN as a phone number', () => {
    expect(detect('IBAN DE89 3704 0044 0532 0130 00, call me').map((f) => f.type)).toEqual(['iban']);
  });

  it.each([
    ['wrong check digits', 'DE88 3704 0044 0532 0130 00'],
    ['the wrong length for the country', 'DE89 3704 0044 0532 0130 0'],
    ['an unknown country code', 'ZZ89 3704 0044 0532 0130 00'],
    ['letters glued in front', 'XDE89370400440532013000'],
    ['more characters after', 'DE89370400440532013000X'],
  ])('does not report an IBAN with %s', (_what, text) => {
    expect(ibans(`Transfer to ${text} today`)).toEqual([]);
  });

  it('checks mod 97 as ISO 7064 defines it', () => {
    expect(mod97Valid('GB82WEST12345698765432')).toBe(true);
    expect(mod97Valid('GB83WEST12345698765432')).toBe(false);
  });
});
