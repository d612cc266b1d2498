import type { DetectOptions, Finding } from './finding';
import { mergeOverlaps } from './merge';
import { normaliseCharacters } from './normalise';
import { undoEmailObfuscation } from './rules/email-obfuscation';
import { findEmails } from './rules/email.rule';
import { findPhones } from './rules/phone.rule';
import { findSpelledPhones } from './rules/spelled-digits.rule';
import { ScanContext } from './scan-context';

/**
 * Longest prefix of a post that is scanned. Parley posts are capped at 20 000 characters, so this
 * only bounds the cost of abuse; findings beyond the bound are not reported (a span crossing it is
 * cut or missed), and callers that accept longer text must chunk it themselves.
 */
export const MAX_SCAN_LENGTH = 100_000;

/** Finds email addresses and phone numbers in what a user typed. Never throws on any string. */
export function detect(text: string, options: DetectOptions = {}): Finding[] {
  const bounded = text.length > MAX_SCAN_LENGTH ? text.slice(0, MAX_SCAN_LENGTH) : text;
  const normal = normaliseCharacters(bounded);
  const ctx = new ScanContext(bounded, normal, (options.defaultRegion ?? 'US').toUpperCase());
  const findings: Finding[] = [...findEmails(bounded, normal)];
  const deobfuscated = undoEmailObfuscation(normal);
  if (deobfuscated !== null) findings.push(...findEmails(bounded, deobfuscated, 'rewritten'));
  if (hasDigitRun(normal.text)) findings.push(...findPhones(ctx));
  findings.push(...findSpelledPhones(ctx));
  return mergeOverlaps(findings);
}

/** Phones need seven digits; skip the candidate scan for posts with fewer. */
function hasDigitRun(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39 && ++digits >= 7) return true;
  }
  return false;
}
