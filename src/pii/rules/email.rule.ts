import type { EmailRuleId, Finding } from '../finding';
import type { MappedText } from '../offsets';
import {
  CONTRACTION,
  LOGIN_COMMAND,
  MAILBOX_PUNCTUATION,
  MAILTO_BEFORE,
  URL_SCHEME,
  WHITESPACE,
} from '../patterns';
import {
  type AddressMatch,
  BARE_PROVIDERS,
  addressAround,
  bareProviderAround,
  normaliseAddress,
} from './email-address';
import { isLetterAt } from '../words';
import { PROSE_BEFORE_AT } from './email-stopwords';

const CONFIDENCE: Record<EmailRuleId, number> = {
  'email.plain': 0.97,
  'email.mailto': 0.98,
  'email.html-entity': 0.95,
  'email.unicode': 0.93,
  'email.spaced-letters': 0.9,
  'email.spelled-at': 0.85,
  'email.provider': 0.7,
};

/**
 * Finds addresses in `searched` (the normalised text, or a rewrite of it with spelled-out `@`/`.`
 * turned back into symbols) and reports them in offsets of `original`.
 */
export function findEmails(
  original: string,
  searched: MappedText,
  pass: 'plain' | 'rewritten' = 'plain',
): Finding[] {
  const text = searched.text;
  const findings: Finding[] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    const spelledAt = isSpelledWordAt(original, searched, at);
    const address = addressAround(text, at);
    const provider = address === null ? bareProviderAround(text, at) : null;
    const match = address ?? provider;
    if (match === null || !isAddressInProse(text, match, at, spelledAt)) continue;
    if (provider !== null && !looksLikeMailbox(provider.local, spelledAt)) continue;
    const { start, end } = searched.toOriginal(match.start, match.end);
    const rule =
      provider !== null
        ? 'email.provider'
        : ruleFor(original, start, end, text.slice(match.start, match.end), pass);
    const domain =
      provider !== null
        ? (BARE_PROVIDERS.get(provider.domain.toLowerCase()) ?? provider.domain)
        : match.domain;
    findings.push({
      type: 'email',
      start,
      end,
      text: original.slice(start, end),
      normalized: normaliseAddress(match.local, domain),
      confidence: CONFIDENCE[rule],
      rule,
    });
  }
  return findings;
}

/**
 * Code and URLs reuse the `user@host` shape for things that are not mailboxes:
 * credentials in URLs, scp/git targets (`git@github.com:org/repo.git`), ssh logins.
 */
function isAddressInProse(text: string, match: AddressMatch, at: number, spelledAt: boolean): boolean {
  const before = text[match.start - 1];
  // A quote glued to a word before it is a contraction ("I'm@…", "it’s at …"); after a space or
  // punctuation it opens a quotation ("'win@lottery.biz'").
  if ((before === "'" || before === '\u2019') && isLetterAt(text, match.start - 2)) return false;
  if (before === '/' || CONTRACTION.test(match.local)) return false;
  const after = text[match.end];
  if (after === ':' && match.end + 1 < text.length && !WHITESPACE.test(text[match.end + 1])) return false;
  // Both look-backs are bounded (a scheme is a few characters before the login, a command a few
  // words before the address): unbounded, every `@` of a long unbroken token rescanned it.
  let tokenStart = match.start;
  const tokenLimit = Math.max(0, match.start - 300);
  while (tokenStart > tokenLimit && !isTokenBoundary(text[tokenStart - 1])) tokenStart--;
  if (URL_SCHEME.test(text.slice(tokenStart, match.start))) return false;
  const lookBack = Math.max(0, match.start - 200);
  const before200 = text.slice(lookBack, match.start);
  if (LOGIN_COMMAND.test(before200.slice(before200.lastIndexOf('\n') + 1))) return false;
  if (spelledAt) {
    // "look at example.com", "meet me at home dot com": the word before " at " is prose.
    if (PROSE_BEFORE_AT.has(text.slice(match.start, at).toLowerCase())) return false;
    if (after === '/') return false;
  }
  return true;
}

function isTokenBoundary(c: string): boolean {
  return (
    c === ' ' || c === '\n' || c === '\t' || c === '<' || c === '(' || c === '[' || c === '"' || c === '`'
  );
}

/** True when the `@` at `at` was typed as the plain word "at" (the riskiest obfuscation in prose). */
function isSpelledWordAt(original: string, searched: MappedText, at: number): boolean {
  if (searched.isIdentity) return false;
  const { start, end } = searched.toOriginal(at, at + 1);
  return original.slice(start, end).trim().toLowerCase() === 'at';
}

/** A bare provider needs an address-like mailbox: "sofia.m at gmail", not "check at yahoo". */
function looksLikeMailbox(local: string, spelledAt: boolean): boolean {
  return MAILBOX_PUNCTUATION.test(local) || (!spelledAt && local.length > 2);
}

function ruleFor(
  original: string,
  start: number,
  end: number,
  searched: string,
  pass: 'plain' | 'rewritten',
): EmailRuleId {
  const typed = original.slice(start, end);
  if (typed.includes('&')) return 'email.html-entity';
  if (MAILTO_BEFORE.test(original.slice(Math.max(0, start - 7), start))) return 'email.mailto';
  if (pass === 'plain') return typed === searched ? 'email.plain' : 'email.unicode';
  const tokens = typed.split(' ');
  const singles = tokens.filter((token) => token.length === 1).length;
  return tokens.length >= 5 && singles >= tokens.length - 1 ? 'email.spaced-letters' : 'email.spelled-at';
}
