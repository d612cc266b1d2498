import { wordAlternation } from '../words';

/**
 * Spelled-out numbers as people dictate phone numbers: digit words ("oh seven four"), "double oh",
 * and the two-digit groups French and Spanish speakers use ("soixante-huit", "cuarenta y cinco").
 * English, German, French, Spanish, Italian and Portuguese. Values above 99 are never needed.
 */
type Language = 'en' | 'de' | 'fr' | 'es' | 'it' | 'pt';

interface NumberWord {
  value: number;
  /** Only set when the word belongs to one language, so it can hint the region. */
  language?: Language;
}

const DIGITS: Record<Language, string> = {
  en: 'zero|one|two|three|four|five|six|seven|eight|nine',
  de: 'null|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun',
  fr: 'zéro|un|deux|trois|quatre|cinq|six|sept|huit|neuf',
  es: 'cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve',
  it: 'zero|uno|due|tre|quattro|cinque|sei|sette|otto|nove',
  pt: 'zero|um|dois|três|quatro|cinco|seis|sete|oito|nove',
};
const DIGIT_VARIANTS: Array<readonly [string, number, Language]> = [
  ['oh', 0, 'en'],
  ['o', 0, 'en'],
  ['nought', 0, 'en'],
  ['zwo', 2, 'de'],
  ['fuenf', 5, 'de'],
  ['une', 1, 'fr'],
  ['zero', 0, 'fr'],
  ['meia', 6, 'pt'],
];
/** Ten to nineteen, then the tens from twenty; index = value - 10, or (value / 10) - 2 for tens. */
const TEENS: Partial<Record<Language, string>> = {
  en: 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen',
  de: 'zehn|elf|zwölf|dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn',
  fr: 'dix|onze|douze|treize|quatorze|quinze|seize',
  es: 'diez|once|doce|trece|catorce|quince|dieciséis|diecisiete|dieciocho|diecinueve',
  pt: 'dez|onze|doze|treze|catorze|quinze|dezesseis|dezessete|dezoito|dezenove',
};
const TENS: Partial<Record<Language, string>> = {
  en: 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety',
  de: 'zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig',
  fr: 'vingt|trente|quarante|cinquante|soixante',
  es: 'veinte|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa',
  it: 'venti|trenta|quaranta|cinquanta|sessanta|settanta|ottanta|novanta',
  pt: 'vinte|trinta|quarenta|cinquenta|sessenta|setenta|oitenta|noventa',
};
const SPANISH_TWENTIES =
  'veintiuno|veintidós|veintitrés|veinticuatro|veinticinco|veintiséis|veintisiete|veintiocho|veintinueve';
/** Joiners inside a two-digit number: "cinquante et un", "cuarenta y cinco", "trinta e dois". */
const CONNECTORS = new Set(['et', 'y', 'e']);
const REPEATERS = new Map([
  ['double', 2],
  ['triple', 3],
]);

const DIGIT_WORDS = new Map<string, NumberWord>();
const TWO_DIGIT_WORDS = new Map<string, NumberWord>();
const TENS_WORDS = new Map<string, NumberWord>();

function register(table: Map<string, NumberWord>, word: string, value: number, language: Language): void {
  const known = table.get(word);
  table.set(word, known === undefined ? { value, language } : { value: known.value });
}

for (const [language, words] of Object.entries(DIGITS) as Array<[Language, string]>) {
  words.split('|').forEach((word, value) => register(DIGIT_WORDS, word, value, language));
}
for (const [word, value, language] of DIGIT_VARIANTS) register(DIGIT_WORDS, word, value, language);
for (const [language, words] of Object.entries(TEENS) as Array<[Language, string]>) {
  words.split('|').forEach((word, i) => register(TWO_DIGIT_WORDS, word, 10 + i, language));
}
SPANISH_TWENTIES.split('|').forEach((word, i) => register(TWO_DIGIT_WORDS, word, 21 + i, 'es'));
for (const [language, words] of Object.entries(TENS) as Array<[Language, string]>) {
  words.split('|').forEach((word, i) => register(TENS_WORDS, word, 20 + 10 * i, language));
}
const GERMAN_UNITS = 'ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun'.split('|');

const GERMAN_TENS = TENS.de?.split('|') ?? [];

/**
 * Every number word in one alternation (German compounds spelled out), to find the few places in
 * a post worth a closer look in one native regex pass.
 */
export const NUMBER_WORD_PATTERN = wordAlternation(
  [
    ...DIGIT_WORDS.keys(),
    ...TWO_DIGIT_WORDS.keys(),
    ...TENS_WORDS.keys(),
    ...REPEATERS.keys(),
    ...GERMAN_UNITS.flatMap((unit) => GERMAN_TENS.map((tens) => `${unit}und${tens}`)),
  ],
  'gi',
);

export interface SpelledNumber {
  digits: string;
  /** How many word tokens it used. */
  words: number;
  languages: Language[];
}

/** Reads the spelled number that starts at `words[i]` (lower-cased tokens), or null. */
export function readSpelledNumber(words: readonly string[], i: number): SpelledNumber | null {
  const word = words[i];
  const repeat = REPEATERS.get(word);
  if (repeat !== undefined) {
    const digit = DIGIT_WORDS.get(words[i + 1] ?? '');
    return digit === undefined ? null : spelled(String(digit.value).repeat(repeat), 2, [digit]);
  }
  if (word === 'quatre' && (words[i + 1] === 'vingt' || words[i + 1] === 'vingts')) {
    return withUnits(80, words, i + 2, 2, [{ value: 80, language: 'fr' }], true);
  }
  const tens = TENS_WORDS.get(word);
  if (tens !== undefined) return withUnits(tens.value, words, i + 1, 1, [tens], word === 'soixante');
  const twoDigit = TWO_DIGIT_WORDS.get(word) ?? germanCompound(word);
  if (twoDigit !== undefined) {
    if (word === 'dix') {
      const unit = DIGIT_WORDS.get(words[i + 1] ?? '');
      if (unit !== undefined && unit.value >= 7) return spelled(String(10 + unit.value), 2, [twoDigit]);
    }
    return spelled(String(twoDigit.value), 1, [twoDigit]);
  }
  const digit = DIGIT_WORDS.get(word);
  return digit === undefined ? null : spelled(String(digit.value), 1, [digit]);
}

/** "soixante-huit", "quatre-vingt-treize", "cinquante et un", "cuarenta y cinco", "twenty-one". */
function withUnits(
  base: number,
  words: readonly string[],
  next: number,
  used: number,
  parts: NumberWord[],
  teensAllowed: boolean,
): SpelledNumber {
  const skip = CONNECTORS.has(words[next] ?? '') ? 1 : 0;
  const following = words[next + skip] ?? '';
  if (teensAllowed) {
    const teen = readSpelledNumber(words, next + skip);
    if (teen !== null && teen.digits.length === 2 && Number(teen.digits) < 20) {
      return spelled(String(base + Number(teen.digits)), used + skip + teen.words, parts);
    }
  }
  const unit = DIGIT_WORDS.get(following);
  if (unit !== undefined && unit.value > 0 && following !== 'o' && following !== 'oh') {
    return spelled(String(base + unit.value), used + skip + 1, [...parts, unit]);
  }
  return spelled(String(base), used, parts);
}

/** German writes 21-99 as one word: "achtundsechzig" = 8 + 60. */
function germanCompound(word: string): NumberWord | undefined {
  const split = word.indexOf('und');
  if (split <= 0) return undefined;
  const unit = GERMAN_UNITS.indexOf(word.slice(0, split));
  const tens = TENS_WORDS.get(word.slice(split + 3));
  if (unit === -1 || tens === undefined || tens.language !== 'de') return undefined;
  return { value: tens.value + unit + 1, language: 'de' };
}

function spelled(digits: string, words: number, parts: NumberWord[]): SpelledNumber {
  const languages: Language[] = [];
  for (const part of parts) if (part.language !== undefined) languages.push(part.language);
  return { digits, words, languages };
}

/** Regions to try for numbers dictated in a language (Portuguese first means Brazil here). */
export const LANGUAGE_REGIONS: Record<Language, readonly string[]> = {
  en: [],
  de: ['DE', 'AT', 'CH'],
  fr: ['FR', 'BE', 'CH'],
  es: ['ES', 'MX', 'AR', 'CO'],
  it: ['IT'],
  pt: ['BR', 'PT'],
};
