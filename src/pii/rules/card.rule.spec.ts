import { detect } from '../index';

const cards = (text: string) => detect(text).filter((f) => f.type === 'card');

describe('payment card numbers', () => {
  it.each([
    ['Visa grouped', 'My card is 4111 1111 1111 1111, exp 12/27.', '4111 1111 1111 1111'],
    ['Visa ungrouped', 'use 4242424242424242 for the deposit', '4242424242424242'],
    ['Mastercard with hyphens', 'Mastercard 5555-5555-5555-4444 please', '5555-5555-5555-4444'],
    ['Mastercard 2-series', 'card 2223 0031 2200 3222 works', '2223 0031 2200 3222'],
    ['American Express 4-6-5', 'Amex 3782 822463 10005 on file', '3782 822463 10005'],
    ['Diners 4-6-4', 'Diners 3056 930902 5904.', '3056 930902 5904'],
    ['JCB', 'JCB 3530 1113 3330 0000 thanks', '3530 1113 3330 0000'],
  ])('finds a %s number', (_what, text, span) => {
    const found = cards(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ text: span, normalized: span.replace(/\D/g, ''), rule: 'card.luhn' });
  });

  it('does not also report the card as a phone number', () => {
    expect(detect('Pay with 4111 1111 1111 1111 or call me').map((f) => f.type)).toEqual(['card']);
  });

  it.each([
    ['a number failing Luhn', 'Ref 4111 1111 1111 1112 from the bank'],
    ['an order number', 'Order 4111 1111 1111 1111 arrived'],
    ['a tracking number', 'Tracking 4242424242424242 is stuck'],
    ['a number outside issuer ranges', 'value 1234 5678 9012 3452 here'],
    ['an ISBN-13', 'Read 9780306406157 twice.'],
    ['an IMEI (15 digits, Luhn-valid, no issuer of that length)', 'IMEI 356938035643809 blocked'],
    ['a UUID', 'id 4111a111-1111-1111-1111-111111111111'],
    ['a longer digit run', '41111111111111111111 is twenty digits'],
    ['a number glued to a dotted code', 'build 1.4111111111111111 shipped'],
  ])('does not report %s', (_what, text) => {
    expect(cards(text)).toEqual([]);
  });
});
