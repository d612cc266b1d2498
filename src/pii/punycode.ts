/**
 * Decodes one punycode label ("xn--p1ai" -> "рф", RFC 3492), or null when it is not valid
 * punycode. Only decoding is needed (to check `xn--` domains against the TLD list); a few lines
 * instead of a package so the detector stays dependency-free in the browser.
 */
export function decodePunycodeLabel(label: string): string | null {
  if (label.slice(0, 4).toLowerCase() !== 'xn--') return label;
  const input = label.slice(4).toLowerCase();
  const base = 36;
  const basic = input.lastIndexOf('-');
  const output: number[] = [];
  for (let i = 0; i < Math.max(0, basic); i++) {
    const c = input.charCodeAt(i);
    if (c >= 0x80) return null;
    output.push(c);
  }
  let n = 128;
  let bias = 72;
  let i = 0;
  for (let index = basic > 0 ? basic + 1 : 0; index < input.length;) {
    const oldi = i;
    for (let w = 1, k = base; ; k += base) {
      if (index >= input.length) return null;
      const digit = digitValue(input.charCodeAt(index++));
      if (digit < 0) return null;
      i += digit * w;
      const t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
      if (digit < t) break;
      w *= base - t;
      if (w > 0x7fffffff) return null;
    }
    bias = adapt(i - oldi, output.length + 1, oldi === 0);
    n += Math.floor(i / (output.length + 1));
    i %= output.length + 1;
    if (n > 0x10ffff) return null;
    output.splice(i++, 0, n);
  }
  return output.length === 0 ? null : String.fromCodePoint(...output);
}

function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 22; // '0'..'9' are 26..35
  if (c >= 0x61 && c <= 0x7a) return c - 0x61;
  return -1;
}

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / 700) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > 455) {
    d = Math.floor(d / 35);
    k += 36;
  }
  return k + Math.floor((36 * d) / (d + 38));
}
