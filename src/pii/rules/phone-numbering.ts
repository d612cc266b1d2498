import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * The only place that talks to libphonenumber-js. We use the `max` metadata: `min` only checks
 * lengths, which would accept most 10-digit order numbers as phones; `max` checks the real
 * number ranges of each region (see docs/pii-detector.md for the bundle cost).
 */
export interface NumberingVerdict {
  e164: string;
  region: string | undefined;
  /** In an assigned range (`isValid`), not merely the right length (`isPossible`). */
  valid: boolean;
}

/**
 * Regions tried for a national number with no hint and no luck in the default region, when the
 * context says it is a phone. Ordered by how often Parley's forums see them; each costs a parse.
 */
export const FALLBACK_REGIONS: readonly string[] = [
  'GB', 'DE', 'FR', 'IN', 'NG', 'BR', 'ES', 'IT', 'NL', 'AU', 'CA', 'MX', 'JP', 'ZA', 'IE', 'BE',
  'CH', 'AT', 'PL', 'PT', 'SE', 'KE', 'PH', 'SG', 'NZ',
];

/** `digits` follow a `+` (or an international call prefix that was stripped). */
export function checkInternational(digits: string): NumberingVerdict | null {
  if (digits.length < 7 || digits.length > 15) return null;
  return verdict(parsePhoneNumberFromString(`+${digits}`));
}

/** `digits` as dialled inside `region`, trunk prefix included if the writer typed one. */
export function checkNational(digits: string, region: string): NumberingVerdict | null {
  if (!isSupportedCountry(region)) return null;
  return verdict(parsePhoneNumberFromString(digits, region as CountryCode));
}

/**
 * True when `region` dials national numbers with a leading 0 and the writer left it out.
 * Used only for fallback regions: without a hint, "3027748291" read as a German number with its
 * 0 missing is far more likely an order number than a phone.
 */
export function omitsTrunkZero(digits: string, region: string): boolean {
  if (digits.startsWith('0') || !isSupportedCountry(region)) return false;
  const withZero = parsePhoneNumberFromString(`0${digits}`, region as CountryCode);
  const without = parsePhoneNumberFromString(digits, region as CountryCode);
  return withZero !== undefined && without !== undefined && withZero.nationalNumber === without.nationalNumber;
}

function verdict(phone: ReturnType<typeof parsePhoneNumberFromString>): NumberingVerdict | null {
  if (phone === undefined) return null;
  if (phone.isValid()) return { e164: phone.number, region: phone.country, valid: true };
  if (phone.isPossible()) return { e164: phone.number, region: phone.country, valid: false };
  return null;
}
