import { Metadata } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.max.json';
import { FIRST_FORMAT_GROUP } from '../patterns';

/**
 * libphonenumber-js's `parsePhoneNumberFromString` + `isValid()` + `isPossible()` (and
 * `formatNational()`, for the trunk-prefix test of phone-numbering.ts), restricted to
 * the only input the detector ever passes (a string of ASCII digits, national or after a `+`),
 * with every metadata pattern compiled once.
 *
 * Why: the library compiles each metadata pattern with `new RegExp` on every test
 * (`matchesEntirely`), walks every number type, and for shared calling codes (+1, +44, +7, …)
 * repeats that for each region of the code. That made a parse cost 15-30 µs, and a 2 KB post of
 * the dev corpus needs about 14 of them, most of them on real phone numbers that no pre-filter can
 * skip. This module follows the library's algorithm step by step (the functions below are named
 * after the library helpers they mirror), reading the same `max` metadata, so its verdicts are the
 * library's verdicts; `numbering-plans.spec.ts` checks that on thousands of generated numbers
 * against `parsePhoneNumberFromString` itself.
 *
 * The patterns come from libphonenumber's own metadata, which the library already runs on the same
 * digit strings (anchored, on at most 17 digits); they are not user-controlled.
 */

export interface ParsedNumber {
  /** E.164, "+" then calling code then national significant number. */
  e164: string;
  /** The region the library assigns (undefined for a shared calling code it cannot place). */
  region: string | undefined;
  valid: boolean;
  possible: boolean;
  /** Calling code and national significant number, as PhoneNumber holds them. */
  callingCode: string;
  nationalNumber: string;
}

const MIN_LENGTH_FOR_NSN = 2;
const MAX_LENGTH_FOR_NSN = 17;
const MAX_LENGTH_COUNTRY_CODE = 3;

/** Order in which getNumberType tries the types; FIXED_LINE first. */
const TYPE_ORDER = [
  'FIXED_LINE',
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
] as const;

interface TypeRule {
  pattern: RegExp;
  /** The type's possible lengths, else the plan's (Type.possibleLengths); undefined: no check. */
  lengths: readonly number[] | undefined;
}

export interface Plan {
  callingCode: string;
  nationalPrefix: string | undefined;
  /** `^(?:nationalPrefixForParsing)`, for extractNationalNumberFromPossiblyIncompleteNumber. */
  prefixForParsing: RegExp | null;
  transformRule: string | undefined;
  /** `^(?:nationalNumberPattern)$`. */
  nationalNumber: RegExp;
  /** Sorted possible lengths of the whole plan, or null when the metadata has none. */
  possibleLengths: readonly number[] | null;
  /** `^(?:leadingDigits)` for getCountryByNationalNumber, when the region has one. */
  leadingDigits: RegExp | null;
  /** `^(?:IDDPrefix)`. */
  iddPrefix: RegExp | null;
  /** Number types in getNumberType order (absent or empty-pattern types left out); null: no types. */
  types: readonly TypeRule[] | null;
  /** National formats, compiled on first use (formatNational). */
  formats: () => readonly FormatRule[];
}

interface FormatRule {
  /** `^(?:last leading digits pattern)`, or null. */
  leadingDigits: RegExp | null;
  /** `^(?:pattern)$` to choose the format, and the bare pattern for the replacement. */
  whole: RegExp;
  replace: RegExp;
  /** Template with the national prefix formatting rule applied, as formatNationalNumberUsingFormat does. */
  template: string;
}

interface LibraryFormat {
  pattern: () => string;
  format: () => string;
  leadingDigitsPatterns: () => string[];
  nationalPrefixFormattingRule: () => string | undefined;
}

/** The runtime API of libphonenumber's Metadata and NumberingPlan (the typings cover little of it). */
interface MetadataReader {
  selectNumberingPlan: (regionOrCallingCode: string) => void;
  hasCallingCode: (callingCode: string) => boolean | undefined;
  numberingPlan?: FullNumberingPlan;
}

interface FullNumberingPlan {
  callingCode: () => string;
  possibleLengths: () => number[] | undefined;
  formats: () => LibraryFormat[];
  nationalPrefix: () => string | undefined;
  nationalPrefixForParsing: () => string | undefined;
  nationalPrefixTransformRule: () => string | undefined;
  nationalNumberPattern: () => string;
  leadingDigits: () => string | undefined;
  IDDPrefix: () => string | undefined;
  hasTypes: () => boolean;
  type: (name: string) => { pattern: () => string; possibleLengths: () => number[] | undefined } | undefined;
}

const newReader = (): MetadataReader => new Metadata(metadata) as unknown as MetadataReader;

const anchored = (source: string): RegExp => new RegExp(`^(?:${source})$`);
const prefixed = (source: string): RegExp => new RegExp(`^(?:${source})`);

function buildPlan(numbering: FullNumberingPlan): Plan {
  const forParsing = numbering.nationalPrefixForParsing();
  const leading = numbering.leadingDigits();
  const idd = numbering.IDDPrefix();
  const types: TypeRule[] = [];
  if (numbering.hasTypes()) {
    for (const name of TYPE_ORDER) {
      const type = numbering.type(name);
      if (type === undefined || !type.pattern()) continue;
      types.push({ pattern: anchored(type.pattern()), lengths: type.possibleLengths() });
    }
  }
  const lengths = numbering.possibleLengths();
  let formats: FormatRule[] | null = null;
  return {
    formats: () => (formats ??= numbering.formats().map(compileFormat)),
    callingCode: numbering.callingCode(),
    nationalPrefix: numbering.nationalPrefix(),
    prefixForParsing: forParsing ? prefixed(forParsing) : null,
    transformRule: numbering.nationalPrefixTransformRule(),
    nationalNumber: anchored(numbering.nationalNumberPattern()),
    possibleLengths: lengths ? [...lengths] : null,
    leadingDigits: leading ? prefixed(leading) : null,
    iddPrefix: idd ? prefixed(idd) : null,
    types: numbering.hasTypes() ? types : null,
  };
}

function compileFormat(format: LibraryFormat): FormatRule {
  const leading = format.leadingDigitsPatterns();
  const rule = format.nationalPrefixFormattingRule();
  return {
    leadingDigits: leading.length > 0 ? prefixed(leading[leading.length - 1]) : null,
    whole: anchored(format.pattern()),
    replace: new RegExp(format.pattern()),
    // withNationalPrefix is always true for formatNational() without options.
    template: rule ? format.format().replace(FIRST_FORMAT_GROUP, rule) : format.format(),
  };
}

const byRegion = new Map<string, Plan | null>();
const byCallingCode = new Map<string, Plan | null>();

/** The numbering plan of a region (ISO code), or null when the metadata has none. */
export function planForRegion(region: string): Plan | null {
  let plan = byRegion.get(region);
  if (plan === undefined) {
    plan = null;
    if (/* own property only */ Object.prototype.hasOwnProperty.call(metadata.countries, region)) {
      const reader = newReader();
      reader.selectNumberingPlan(region);
      if (reader.numberingPlan !== undefined) plan = buildPlan(reader.numberingPlan);
    }
    byRegion.set(region, plan);
  }
  return plan;
}

/** Metadata.hasCallingCode + selectNumberingPlan(callingCode): the main region's plan. */
function planForCallingCode(code: string): Plan | null {
  let plan = byCallingCode.get(code);
  if (plan === undefined) {
    plan = null;
    const reader = newReader();
    if (reader.hasCallingCode(code)) {
      reader.selectNumberingPlan(code);
      if (reader.numberingPlan !== undefined) plan = buildPlan(reader.numberingPlan);
    }
    byCallingCode.set(code, plan);
  }
  return plan;
}

/** Metadata.getCountryCodesForCallingCode: undefined for non-geographic codes (+800, +870, …). */
function regionsForCallingCode(code: string): readonly string[] | undefined {
  const regions = (metadata.country_calling_codes as Record<string, string[] | undefined>)[code];
  if (regions === undefined || (regions.length === 1 && regions[0].length === 3)) return undefined;
  return regions;
}

/** checkNumberLength (no type). */
function lengthVerdict(
  nationalNumber: string,
  plan: Plan,
): 'IS_POSSIBLE' | 'TOO_SHORT' | 'TOO_LONG' | 'INVALID_LENGTH' {
  const lengths = plan.possibleLengths;
  if (lengths === null) return 'IS_POSSIBLE';
  const length = nationalNumber.length;
  if (lengths[0] === length) return 'IS_POSSIBLE';
  if (lengths[0] > length) return 'TOO_SHORT';
  if (lengths[lengths.length - 1] < length) return 'TOO_LONG';
  return lengths.indexOf(length, 1) >= 0 ? 'IS_POSSIBLE' : 'INVALID_LENGTH';
}

/** getNumberType(...) !== undefined. */
function hasNumberType(nationalNumber: string, plan: Plan): boolean {
  if (!plan.nationalNumber.test(nationalNumber)) return false;
  for (const type of plan.types ?? []) {
    if (type.lengths && type.lengths.indexOf(nationalNumber.length) < 0) continue;
    if (type.pattern.test(nationalNumber)) return true;
  }
  return false;
}

/** isValidNumber with the plan of the number's region (or of its calling code). */
function isValidIn(nationalNumber: string, plan: Plan): boolean {
  if (plan.types !== null && plan.types.length > 0) return hasNumberType(nationalNumber, plan);
  if (plan.types !== null) return false; // types present but none usable: getNumberType finds none
  return plan.nationalNumber.test(nationalNumber);
}

/** getCountryByCallingCode / getCountryByNationalNumber. */
function regionByNationalNumber(code: string, nationalNumber: string): string | undefined {
  const regions = regionsForCallingCode(code);
  if (regions === undefined) return undefined;
  if (regions.length === 1) return regions[0];
  for (const region of regions) {
    const plan = planForRegion(region);
    if (plan === null) continue;
    if (plan.leadingDigits !== null) {
      if (nationalNumber !== '' && plan.leadingDigits.test(nationalNumber)) return region;
    } else if (plan.types !== null && hasNumberType(nationalNumber, plan)) {
      return region;
    }
  }
  return undefined;
}

/** extractNationalNumberFromPossiblyIncompleteNumber: strips the trunk prefix / carrier code. */
function stripNationalPrefix(number: string, plan: Plan): string {
  if (number === '' || plan.prefixForParsing === null) return number;
  const match = plan.prefixForParsing.exec(number);
  if (match === null) return number;
  const groups = match.length - 1;
  const hasGroups = groups > 0 && Boolean(match[groups]);
  if (plan.transformRule && hasGroups) return number.replace(plan.prefixForParsing, plan.transformRule);
  return number.slice(match[0].length);
}

/** extractNationalNumber (country not given). */
function extractNationalNumber(number: string, plan: Plan): string {
  const national = stripNationalPrefix(number, plan);
  if (national === number) return national;
  // shouldHaveExtractedNationalPrefix
  if (plan.nationalNumber.test(number) && !plan.nationalNumber.test(national)) return number;
  if (plan.possibleLengths !== null) {
    const region = regionByNationalNumber(plan.callingCode, national);
    const lengthPlan = region === undefined ? plan : (planForRegion(region) ?? plan);
    const verdict = lengthVerdict(national, lengthPlan);
    if (verdict === 'TOO_SHORT' || verdict === 'INVALID_LENGTH') return number;
  }
  return national;
}

/** stripIddPrefix: the number without the region's international call prefix, or undefined. */
function stripIddPrefix(number: string, plan: Plan): string | undefined {
  if (plan.iddPrefix === null) return undefined;
  const match = plan.iddPrefix.exec(number);
  if (match === null) return undefined;
  const rest = number.slice(match[0].length);
  return rest.startsWith('0') ? undefined : rest;
}

/** extractCountryCallingCodeFromInternationalNumberWithoutPlusSign ("4930…" typed in DE). */
function callingCodeWithoutPlus(number: string, plan: Plan): { code: string; rest: string } | null {
  const code = plan.callingCode;
  if (!number.startsWith(code)) return null;
  const shorter = number.slice(code.length);
  const shorterNational = extractNationalNumber(shorter, plan);
  const national = extractNationalNumber(number, plan);
  if (
    (!plan.nationalNumber.test(national) && plan.nationalNumber.test(shorterNational)) ||
    lengthVerdict(national, plan) === 'TOO_LONG'
  ) {
    return { code, rest: shorter };
  }
  return null;
}

/** extractCountryCallingCode for `+digits`. */
function callingCodeAfterPlus(digits: string): { code: string; rest: string } | null {
  if (digits.startsWith('0')) return null;
  for (let i = 1; i <= MAX_LENGTH_COUNTRY_CODE && i <= digits.length; i++) {
    const code = digits.slice(0, i);
    if (planForCallingCode(code) !== null) return { code, rest: digits.slice(i) };
  }
  return null;
}

/**
 * `parsePhoneNumberFromString(plus ? '+' + digits : digits, plus ? undefined : region)` followed
 * by `isValid()` and `isPossible()`; null where the library returns undefined.
 * `digits` must be ASCII digits only.
 */
export function parseDigits(digits: string, region: string | null): ParsedNumber | null {
  let code: string;
  let number: string;
  let country: string | undefined;
  if (region === null) {
    const split = callingCodeAfterPlus(digits);
    if (split === null) return null;
    ({ code, rest: number } = split);
  } else {
    const home = planForRegion(region);
    if (home === null) return null; // parsePhoneNumber_ drops an unsupported default country
    const withoutIdd = stripIddPrefix(digits, home);
    if (withoutIdd !== undefined && withoutIdd !== '' && withoutIdd !== digits) {
      const split = callingCodeAfterPlus(withoutIdd);
      if (split === null) return null;
      ({ code, rest: number } = split);
    } else {
      const split = callingCodeWithoutPlus(digits, home);
      if (split !== null) ({ code, rest: number } = split);
      else {
        code = home.callingCode;
        number = digits;
        country = region;
      }
    }
  }
  if (number === '') return null;
  const plan = country !== undefined ? planForRegion(country) : planForCallingCode(code);
  if (plan === null) return null;
  const nationalNumber = extractNationalNumber(number, plan);
  const exact = regionByNationalNumber(code, nationalNumber);
  if (exact !== undefined) country = exact;
  if (nationalNumber.length < MIN_LENGTH_FOR_NSN || nationalNumber.length > MAX_LENGTH_FOR_NSN) return null;
  const own = country !== undefined ? planForRegion(country) : plan;
  if (own === null) return null;
  const valid = isValidIn(nationalNumber, own);
  const possible = own.possibleLengths === null ? true : lengthVerdict(nationalNumber, own) === 'IS_POSSIBLE';
  return {
    e164: `+${code}${nationalNumber}`,
    region: country,
    valid,
    possible,
    callingCode: code,
    nationalNumber,
  };
}

/** PhoneNumber.formatNational() of a parsed number (format.js formatNationalNumber). */
export function formatNational(parsed: ParsedNumber): string {
  const plan =
    parsed.region !== undefined && parsed.region !== '001'
      ? planForRegion(parsed.region)
      : planForCallingCode(parsed.callingCode);
  const number = parsed.nationalNumber;
  if (plan === null || number === '') return '';
  for (const format of plan.formats()) {
    if (format.leadingDigits !== null && !format.leadingDigits.test(number)) continue;
    if (format.whole.test(number)) return number.replace(format.replace, format.template);
  }
  return number;
}
