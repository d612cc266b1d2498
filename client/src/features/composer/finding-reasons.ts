import type { RuleId } from '@pii';

/** Why the detector flagged a span, in words an author understands (keyed by the stable rule id). */
const REASONS: Record<RuleId, string> = {
  'email.plain': 'looks like an email address',
  'email.mailto': 'looks like an email address, in a mail link',
  'email.html-entity': 'looks like an email address, hidden with HTML character codes',
  'email.unicode': 'looks like an email address, written with look-alike or invisible characters',
  'email.spelled-at': 'looks like an email address, with “at” and “dot” written in words',
  'email.spaced-letters': 'looks like an email address, spelled out with spaces between the letters',
  'email.provider': 'looks like an email address at a well-known mail provider',
  'phone.libphonenumber': 'looks like a phone number',
  'phone.international': 'looks like a phone number, with an international prefix',
  'phone.spelled-digits': 'looks like a phone number, written in words',
  'phone.unicode-digits': 'looks like a phone number, written with unusual digits',
  'phone.obfuscated': 'looks like a phone number, disguised with spaces, letters or symbols',
  'card.luhn': 'looks like a payment card number',
  'iban.mod97': 'looks like a bank account number (IBAN)',
};

export function reasonFor(rule: string): string {
  if (rule in REASONS) return REASONS[rule as RuleId];
  if (rule.startsWith('card')) return 'looks like a payment card number';
  if (rule.startsWith('iban')) return 'looks like a bank account number (IBAN)';
  return rule.startsWith('email') ? 'looks like an email address' : 'looks like a phone number';
}

/** What the composer, the warning and the queue show (the server's spans carry plain strings). */
export interface ShownFinding {
  type: string;
  start: number;
  end: number;
  text: string;
  rule: string;
}

/** "1 phone number and 2 email addresses" */
export function summarise(findings: readonly { type: string }[]): string {
  const phones = findings.filter((f) => f.type === 'phone').length;
  const emails = findings.filter((f) => f.type === 'email').length;
  const cards = findings.filter((f) => f.type === 'card').length;
  const ibans = findings.filter((f) => f.type === 'iban').length;
  return [
    phones && `${phones} ${phones === 1 ? 'phone number' : 'phone numbers'}`,
    emails && `${emails} ${emails === 1 ? 'email address' : 'email addresses'}`,
    cards && `${cards} ${cards === 1 ? 'card number' : 'card numbers'}`,
    ibans && `${ibans} ${ibans === 1 ? 'IBAN' : 'IBANs'}`,
  ]
    .filter(Boolean)
    .join(' and ');
}

export type Policy = 'warn' | 'review' | 'mask';

/** What the forum will do once the author posts anyway. */
export function policyConsequence(policy: Policy | undefined): string {
  if (policy === 'review')
    return 'This forum holds such posts for a moderator: only you and the moderators will see it until it is approved.';
  if (policy === 'mask')
    return 'This forum masks personal data: the highlighted parts will be replaced by “[removed]” markers when published.';
  return 'This forum publishes it as written, for anyone to read.';
}
