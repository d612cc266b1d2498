/**
 * The shape of a digit run ("+44 (0)121 496 0688": groups 44/0/121/496/0688) and the structural
 * tests that say it is something other than a phone number: dates, IP addresses, version numbers,
 * thousands-grouped quantities, year ranges, ZIP+4 codes, payment cards, EAN/ISBN barcodes.
 */
export interface RunShape {
  plus: boolean;
  digits: string;
  groups: string[];
  /** separators[i] sits between groups[i] and groups[i + 1], brackets and spaces included. */
  separators: string[];
}

export function shapeOf(run: string): RunShape {
  const groups: string[] = [];
  const separators: string[] = [];
  let current = '';
  let gap = '';
  for (const c of run) {
    if (c >= '0' && c <= '9') {
      if (current === '' && groups.length > 0) separators.push(gap);
      current += c;
      gap = '';
    } else if (c !== '+') {
      if (current !== '') groups.push(current);
      current = '';
      if (groups.length > 0) gap += c;
    }
  }
  if (current !== '') groups.push(current);
  return { plus: run.trimStart().startsWith('+'), digits: groups.join(''), groups, separators };
}

/** Why a run is not a phone number, or null when its shape allows one. */
export function nonPhoneShape(shape: RunShape): string | null {
  const { groups, separators, digits } = shape;
  const only = onlySeparator(separators);
  if (isDate(groups, only)) return 'date';
  if (only === '.' && groups.length === 4 && groups.every((g) => g.length <= 3 && Number(g) <= 255))
    return 'ip';
  if (only === '.' && !shape.plus && !isPhoneLikeDotted(groups)) return 'version';
  if (!shape.plus && isThousands(groups, only)) return 'quantity';
  if (groups.length === 2 && only !== null && only !== ' ' && isRange(groups)) return 'range';
  if (groups.length === 2 && only === '-' && groups[0].length === 5 && groups[1].length === 4) return 'zip';
  if (!shape.plus && digits.length >= 13 && digits.length <= 19 && luhnValid(digits)) return 'card';
  if (groups.length >= 4 && groups.slice(0, 4).every((g) => g.length === 4) && digits.length >= 15)
    return 'card';
  if (
    !shape.plus &&
    (digits.length === 13 || digits.length === 12) &&
    !digits.startsWith('0') &&
    eanValid(digits)
  ) {
    return 'barcode';
  }
  if (groups.length > 8 && !groups.every((g) => g.length === 1)) return 'too-many-groups';
  // Pairs of digits are a phone style as four or five pairs (Nordic 34 41 23 45, French
  // 01 20 45 41 81); three pairs or six and more are a list of numbers (lottery draws, scores).
  const pairs = groups.every((g) => g.length === 2);
  if (!shape.plus && pairs && (groups.length === 3 || groups.length > 5)) return 'number-list';
  return null;
}

/** The one separator used between all groups (any run of whitespace counts as ' '), or null. */
function onlySeparator(separators: readonly string[]): string | null {
  let only: string | null = null;
  for (const separator of separators) {
    const kind = separator.trim() === '' ? ' ' : separator;
    if (only === null) only = kind;
    else if (kind !== only) return null;
  }
  return only;
}

function isDate(groups: string[], only: string | null): boolean {
  if (groups.length !== 3 || (only !== '.' && only !== '-' && only !== '/')) return false;
  const [a, b, c] = groups.map(Number);
  const [la, lb, lc] = groups.map((g) => g.length);
  if (la === 4 && lb <= 2 && lc <= 2) return b >= 1 && b <= 12 && c >= 1 && c <= 31;
  if (la <= 2 && lb <= 2 && (lc === 4 || lc === 2))
    return a >= 1 && b >= 1 && a <= 31 && b <= 31 && (a <= 12 || b <= 12);
  return false;
}

/** Dotted phone styles: 06.44.99.01.73, 503.555.0174, 1.206.555.0156, 4.0.3.5.5.5.0.1.3.5. */
function isPhoneLikeDotted(groups: string[]): boolean {
  const lengths = groups.map((g) => g.length).join('-');
  if (groups.every((g) => g.length === 1)) return groups.length >= 7;
  if (groups.every((g) => g.length === 2)) return groups.length >= 4;
  return lengths === '3-3-4' || lengths === '1-3-3-4' || (groups[0].startsWith('0') && groups.length >= 3);
}

/** "3 645 000", "9,848,827": a short lead group and then only groups of three. */
function isThousands(groups: string[], only: string | null): boolean {
  if (only === null || groups.length < 3 || groups[0].length > 2 || groups[0].startsWith('0')) return false;
  return (
    (only === ' ' || only === ',' || only === '.' || only === "'") &&
    groups.slice(1).every((g) => g.length === 3)
  );
}

function isRange(groups: string[]): boolean {
  const [a, b] = groups;
  const years = a.length === 4 && b.length === 4 && isYearLike(a) && isYearLike(b);
  return years || (a.length === b.length && a.length <= 3 && Number(a) < Number(b));
}

function isYearLike(group: string): boolean {
  return group.startsWith('19') || group.startsWith('20');
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** EAN-13 / UPC-A check digit (ISBN-13 is an EAN-13 starting 978/979). */
export function eanValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length - 1; i++) {
    const d = digits.charCodeAt(digits.length - 2 - i) - 48;
    sum += i % 2 === 0 ? d * 3 : d;
  }
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(digits.length - 1) - 48;
}
