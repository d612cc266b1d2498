/**
 * Inputs built to make a text scanner slow: long runs of what the rules look for (digits, `@`,
 * dots, brackets, spelled separators, number words), each repeated to any length. Used by the
 * linear-time spec (the same shape at 1k, 10k and 100k characters) and written out once as
 * test/fixtures/pii/adversarial.jsonl (see adversarial.spec.ts). Deterministic: random shapes use a
 * fixed-seed generator.
 */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}
const rep = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const rand = (n: number, f: (r: () => number) => string) => {
  const r = rng(n);
  let s = '';
  while (s.length < n) s += f(r);
  return s.slice(0, n);
};
export const GENERATORS: Record<string, (n: number) => string> = {
  'spaced-digits': (n) => rep('1 2 3 4 5 6 7 8 9 0 ', n),
  'random-spaced-digits': (n) => rand(n, (r) => `${Math.floor(r() * 10)} `),
  'random-digit-groups': (n) =>
    rand(n, (r) => `${Math.floor(r() * 10 ** (1 + Math.floor(r() * 4)))}${' -./'[Math.floor(r() * 4)]}`),
  // Many real-looking numbers in one run after a phone word: every window is read in every common region.
  'call-random-groups': (n) =>
    'call 020 ' + rand(n - 9, (r) => `${Math.floor(r() * 10 ** (3 + Math.floor(r() * 2)))} `),
  'call-spaced-digits': (n) => rep('call me on 0 2 0 7 9 4 6 1 2 3 4 5 6 7 8 9 ', n),
  'long-digit-run': (n) => rep('1234567890', n),
  pairs: (n) => rep('01 23 45 67 89 ', n),
  'at-signs': (n) => rep('@', n),
  'local-at': (n) => rep('a@', n),
  'glued-emails': (n) => rep('jo@example.com', n),
  'spaced-emails': (n) => rep('jo@example.com ', n),
  'spelled-at-dot': (n) => rep('jo at example dot com ', n),
  'spaced-letters': (n) => rep('j o @ e x a m p l e . c o m ', n),
  'dotted-letters': (n) => rep('a.', n),
  'dotted-digits': (n) => rep('1.', n),
  'dashed-digits': (n) => rep('12-', n),
  'deep-brackets': (n) => rep('(', n / 2) + rep(')', n / 2),
  'bracketed-digits': (n) => rep('(1', n),
  'nested-digit-brackets': (n) => rep('((1)) ', n),
  'mixed-scripts': (n) => rep('٣ 3 ३ ৩ ３ 𝟑 電話 тел ', n),
  'cjk-digits': (n) => rep('電話090１２３４５６７８番', n),
  entities: (n) => rep('jo&#64;example&#46;com ', n),
  invisible: (n) => rep('0\u200b2\u200b0\u200b ', n),
  'region-hints': (n) => rep('Lyon 06 12 34 56 78 Berlin ', n),
  'urls-and-numbers': (n) => rep('http://x.example/1 020 7946 0958 ', n),
  'code-spans': (n) => rep('`a` 0207 946 0958 ', n),
  'number-words': (n) => rep('one two three four ', n),
  'number-words-mixed': (n) => rep('five 5 five 5 ', n),
  'card-groups': (n) => rep('4111 ', n),
  'iban-like': (n) => rep('DE89 ', n),
  extensions: (n) => rep('020 7946 0958x12 ', n),
  newlines: (n) => rep('1\n2\n3 ', n),
  'plus-signs': (n) => rep('+1 ', n),
};
