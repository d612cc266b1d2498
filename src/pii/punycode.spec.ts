import { decodePunycodeLabel } from './punycode';

describe('punycode labels', () => {
  it.each([
    ['xn--p1ai', 'рф'],
    ['xn--fiqs8s', '中国'],
    ['xn--mnchen-3ya', 'münchen'],
    ['XN--BCHER-KVA', 'bücher'],
    ['example', 'example'],
  ])('decodes %s as %s', (label, unicode) => {
    expect(decodePunycodeLabel(label)).toBe(unicode);
  });

  it.each(['xn--', 'xn--zz', 'xn--a€'])('rejects %s', (label) => {
    expect(decodePunycodeLabel(label)).toBeNull();
  });
});
