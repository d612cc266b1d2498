/** What the detector reports. Kept dependency-free so the web client can share the types. */
export type FindingType = 'email' | 'phone' | 'card' | 'iban';

/** Stable rule ids: moderators see them in explanations, so never rename one. */
export type EmailRuleId =
  | 'email.plain'
  | 'email.mailto'
  | 'email.html-entity'
  | 'email.unicode'
  | 'email.spelled-at'
  | 'email.spaced-letters'
  | 'email.provider';

export type PhoneRuleId =
  | 'phone.libphonenumber'
  | 'phone.international'
  | 'phone.spelled-digits'
  | 'phone.unicode-digits'
  | 'phone.obfuscated';

/** Payment card numbers: Luhn check digit and an issuer's number range. */
export type CardRuleId = 'card.luhn';

/** IBANs: the country's length and the mod-97 check digits. */
export type IbanRuleId = 'iban.mod97';

export type RuleId = EmailRuleId | PhoneRuleId | CardRuleId | IbanRuleId;

export const RULE_IDS: readonly RuleId[] = [
  'email.plain',
  'email.mailto',
  'email.html-entity',
  'email.unicode',
  'email.spelled-at',
  'email.spaced-letters',
  'email.provider',
  'phone.libphonenumber',
  'phone.international',
  'phone.spelled-digits',
  'phone.unicode-digits',
  'phone.obfuscated',
  'card.luhn',
  'iban.mod97',
];

export interface Finding {
  type: FindingType;
  /** UTF-16 offset into the text exactly as the user typed it. */
  start: number;
  /** Exclusive UTF-16 offset. */
  end: number;
  /** `input.slice(start, end)`. */
  text: string;
  /**
   * Emails: lower-cased, domain in ASCII (punycode).
   * Phones: E.164, with `;ext=NN` appended when an extension was written; digits only when the
   * number is plausible but libphonenumber cannot place it in a region (a spelled 7-digit local number).
   * Cards: the digits. IBANs: upper-case letters and digits, no spaces.
   */
  normalized: string;
  /** 0..1, how sure the rule is. */
  confidence: number;
  rule: RuleId;
}

export interface DetectOptions {
  /** ISO 3166-1 alpha-2 region that national numbers are read in first. Default 'US'. */
  defaultRegion?: string;
}
