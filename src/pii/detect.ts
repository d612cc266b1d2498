import type { DetectOptions, Finding } from './finding';
import { mergeOverlaps } from './merge';
import { normaliseCharacters } from './normalise';
import { findCards } from './rules/card.rule';
import { undoEmailObfuscation } from './rules/email-obfuscation';
import { findEmails } from './rules/email.rule';
import { findIbans } from './rules/iban.rule';
import { findPhones } from './rules/phone.rule';
import { findSpelledPhones } from './rules/spelled-digits.rule';
import { ScanContext } from './scan-context';

/**
 * Longest prefix of a post that is scanned. Parley posts are capped at 20 000 characters, so this
 * only bounds the cost of abuse; findings beyond the bound are not reported (a span crossing it is
 * cut or missed), and callers that accept longer text must chunk it themselves.
 */
export const MAX_SCAN_LENGTH = 100_000;

/**
 * Finds email addresses, phone numbers, payment card numbers and IBANs in what a user typed.
 * Never throws on any string. Linear in the length of the text (docs/pii-detector.md, "Bound").
 */
export function detect(text: string, options: DetectOptions = {}): Finding[] {
  const bounded = text.length > MAX_SCAN_LENGTH ? text.slice(0, MAX_SCAN_LENGTH) : text;
  const normal = normaliseCharacters(bounded);
  const ctx = new ScanContext(bounded, normal, (options.defaultRegion ?? 'US').toUpperCase());
  const findings: Finding[] = [...findEmails(bounded, normal)];
  const deobfuscated = undoEmailObfuscation(normal);
  if (deobfuscated !== null) findings.push(...findEmails(bounded, deobfuscated, 'rewritten'));
  if (hasDigitRun(normal.text)) {
    // Cards and IBANs first: their digits are not read again as phone numbers.
    const cards = findCards(ctx);
    const ibans = findIbans(ctx);
    findings.push(...cards.findings, ...ibans.findings);
    const claimed = [...cards.spans, ...ibans.spans].sort((a, b) => a[0] - b[0]);
    findings.push(...findPhones(ctx, claimed));
  }
  findings.push(...findSpelledPhones(ctx));
  return mergeOverlaps(findings);
}

/** Phones need seven digits, cards twelve, IBANs eleven; skip the digit rules for posts with fewer. */
function hasDigitRun(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39 && ++digits >= 7) return true;
  }
  return false;
}
