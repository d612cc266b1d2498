import { type CountryCode, Metadata, type NumberingPlan, isSupportedCountry } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.max.json';
import { type ParsedNumber, formatNational, parseDigits } from './numbering-plans';

/**
 * Where the phone rules ask for a verdict on a digit string. Verdicts are libphonenumber-js's,
 * with the `max` metadata (through the `core` entry, which also exposes the numbering plans):
 * `min` only checks lengths, which would accept most 10-digit order numbers as phones; `max`
 * checks the real number ranges of each region. See docs/pii-detector.md for the bundle cost.
 * The parse itself runs in numbering-plans.ts, a port of the library's parse/isValid/isPossible/
 * formatNational for digit strings with the metadata patterns compiled once (a library parse
 * costs 15-30 µs, the port about a tenth of that); its spec checks it against the library.
 */
export interface NumberingVerdict {
  e164: string;
  region: string | undefined;
  /** In an assigned range (`isValid`), not merely the right length (`isPossible`). */
  valid: boolean;
  /**
   * The region writes national numbers with a trunk 0 ("030 …" in Germany) and this one has none:
   * read there, the digits are more likely an identifier than a phone. Regions that write numbers
   * without it ("(11) 96123-4567" in Brazil) never set this.
   */
  trunkOmitted?: boolean;
}

/**
 * Regions tried for a national number with no hint and no luck in the default region, when the
 * context says it is a phone. Ordered by how often Parley's forums see them.
 */
export const FALLBACK_REGIONS: readonly string[] = [
  'GB',
  'DE',
  'FR',
  'IN',
  'NG',
  'BR',
  'ES',
  'IT',
  'NL',
  'AU',
  'CA',
  'MX',
  'JP',
  'ZA',
  'IE',
  'BE',
  'CH',
  'AT',
  'PL',
  'PT',
  'SE',
  'KE',
  'PH',
  'SG',
  'NZ',
];

interface PlanSummary {
  lengths: ReadonlySet<number>;
  trunkPrefix: string | undefined;
  /**
   * The region's whole-number pattern, when its trunk prefix is a plain prefix (no carrier codes
   * or rewrite rules), so a cheap test can rule a region out before a full parse.
   */
  pattern: RegExp | null;
}

/** Runtime methods of a numbering plan that the published typings leave out. */
type FullNumberingPlan = NumberingPlan & {
  nationalPrefix?: () => string | undefined;
  nationalPrefixForParsing?: () => string | undefined;
  nationalPrefixTransformRule?: () => string | undefined;
  nationalNumberPattern?: () => string | undefined;
};

const plans = new Map<string, PlanSummary | null>();

/** Possible national lengths and trunk prefix of a region, read once from the metadata. */
function planOf(region: string): PlanSummary | null {
  let plan = plans.get(region);
  if (plan === undefined) {
    plan = null;
    if (isSupportedCountry(region as CountryCode, metadata)) {
      const reader = new Metadata(metadata);
      reader.selectNumberingPlan(region as CountryCode);
      const numbering = reader.numberingPlan as FullNumberingPlan | undefined;
      if (numbering !== undefined) {
        const trunkPrefix = numbering.nationalPrefix?.();
        const forParsing = numbering.nationalPrefixForParsing?.();
        const simple =
          (forParsing === undefined || forParsing === trunkPrefix) &&
          !numbering.nationalPrefixTransformRule?.();
        const source = numbering.nationalNumberPattern?.();
        plan = {
          lengths: new Set(numbering.possibleLengths()),
          trunkPrefix,
          // Built from libphonenumber's own metadata; it only decides whether to ask libphonenumber.
          pattern: simple && source !== undefined ? new RegExp(`^(?:${source})$`) : null,
        };
      }
    }
    plans.set(region, plan);
  }
  return plan;
}

/**
 * Verdicts are pure functions of (region, digits), so they are remembered in a small bounded map.
 * A parse costs a few µs (numbering-plans.ts); the composer re-runs detection on every keystroke over
 * mostly unchanged text, and forums see the same numbers again (signatures, spam waves), so most
 * lookups after the first are hits. Oldest entries go first when the map is full.
 */
let cacheLimit = 4096;
const cache = new Map<string, NumberingVerdict | null>();

/** Sets the cache size (0 disables it); the benchmark uses this to report cold figures. */
export function configureNumberingCache(limit: number): void {
  cacheLimit = Math.max(0, Math.floor(limit));
  cache.clear();
}

function remembered(key: string, compute: () => NumberingVerdict | null): NumberingVerdict | null {
  if (cacheLimit === 0) return compute();
  const known = cache.get(key);
  if (known !== undefined) return known === null ? null : { ...known };
  const value = compute();
  if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
  return value === null ? null : { ...value };
}

/** `digits` follow a `+` (or an international call prefix that was stripped). */
export function checkInternational(digits: string): NumberingVerdict | null {
  if (digits.length < 7 || digits.length > 15) return null;
  return remembered(`+${digits}`, () => verdict(parseDigits(digits, null)));
}

/** `digits` as dialled inside `region`, trunk prefix included if the writer typed one. */
export function checkNational(digits: string, region: string): NumberingVerdict | null {
  const plan = planOf(region);
  if (plan === null) return null;
  // Cheap length test first: most regions fail on length alone, before any parse.
  const trunk =
    plan.trunkPrefix !== undefined && digits.startsWith(plan.trunkPrefix) ? plan.trunkPrefix.length : 0;
  if (!plan.lengths.has(digits.length) && !plan.lengths.has(digits.length - trunk)) return null;
  if (
    plan.pattern !== null &&
    !plan.pattern.test(digits) &&
    !(trunk > 0 && plan.pattern.test(digits.slice(trunk)))
  ) {
    return null;
  }
  return remembered(`${region}:${digits}`, () => {
    const parsed = parseDigits(digits, region);
    const result = verdict(parsed);
    if (result?.valid && parsed !== null && plan.trunkPrefix === '0' && !digits.startsWith('0')) {
      result.trunkOmitted = firstDigit(formatNational(parsed)) === '0';
    }
    return result;
  });
}

/** libphonenumber's verdict (see numbering-plans.ts, which mirrors parse + isValid + isPossible). */
function verdict(phone: ParsedNumber | null): NumberingVerdict | null {
  if (phone === null || (!phone.valid && !phone.possible)) return null;
  return { e164: phone.e164, region: phone.region, valid: phone.valid };
}

function firstDigit(formatted: string): string | undefined {
  for (const c of formatted) if (c >= '0' && c <= '9') return c;
  return undefined;
}
