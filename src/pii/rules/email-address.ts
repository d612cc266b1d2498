import tlds from 'tlds';
import { LOCAL_PART_CHAR, RETINA_LABEL, TLD_SHAPE } from '../patterns';
import { decodePunycodeLabel } from '../punycode';

/** An address found around one `@`, in offsets of the text that was searched. */
export interface AddressMatch {
  start: number;
  end: number;
  local: string;
  domain: string;
}

const TOP_LEVEL_DOMAINS: ReadonlySet<string> = new Set(tlds);

/**
 * Webmail providers people name without a TLD when dodging filters ("sofia.m at gmail").
 * The value is the domain we normalise to.
 */
export const BARE_PROVIDERS: ReadonlyMap<string, string> = new Map([
  ['gmail', 'gmail.com'],
  ['googlemail', 'googlemail.com'],
  ['hotmail', 'hotmail.com'],
  ['outlook', 'outlook.com'],
  ['yahoo', 'yahoo.com'],
  ['icloud', 'icloud.com'],
  ['protonmail', 'protonmail.com'],
  ['proton', 'proton.me'],
  ['gmx', 'gmx.net'],
  ['aol', 'aol.com'],
  ['fastmail', 'fastmail.com'],
  ['yandex', 'yandex.ru'],
]);

/**
 * Reads the address whose `@` is at `at`: a practical grammar (letters of any script, digits,
 * `._%+-` in the local part; labels of letters, digits and hyphens in the domain) with a real TLD
 * from the `tlds` list, so `logo@2x.png`, `lodash@4.17.21` and `a@b.c` are not addresses.
 * A domain that runs into the next word ("x@example.com.Thanks") is cut back to its last real TLD.
 */
export function addressAround(text: string, at: number): AddressMatch | null {
  const local = readLocalPart(text, at);
  if (local === null) return null;
  const domainEnd = scanDomain(text, at + 1);
  const domain = acceptedDomain(text.slice(at + 1, domainEnd));
  if (domain === null) return null;
  return { start: local.start, end: at + 1 + domain.length, local: local.value, domain };
}

/** `local@provider` with no TLD, only for the webmail names above. */
export function bareProviderAround(text: string, at: number): AddressMatch | null {
  const local = readLocalPart(text, at);
  if (local === null) return null;
  const end = scanDomain(text, at + 1);
  const label = text.slice(at + 1, end);
  if (!BARE_PROVIDERS.has(label.toLowerCase())) return null;
  return { start: local.start, end, local: local.value, domain: label };
}

function readLocalPart(text: string, at: number): { start: number; value: string } | null {
  let start = at;
  while (
    start > 0 &&
    start > at - 64 &&
    (isLocalChar(text, start - 1) || isInnerApostrophe(text, start - 1)) &&
    !scriptBreak(text, start - 1, start)
  )
    start--;
  // A local part never starts with a dot or a hyphen; "...john@x.com" means "john".
  while (start < at && (text[start] === '.' || text[start] === '-')) start++;
  const value = text.slice(start, at);
  if (value.length === 0 || value.endsWith('.') || value.includes('..')) return null;
  return { start, value };
}

function scanDomain(text: string, from: number): number {
  let end = from;
  while (end < text.length && end < from + 253 && isDomainChar(text, end) && !scriptBreak(text, end - 1, end))
    end++;
  return end;
}

function acceptedDomain(raw: string): string | null {
  let length = raw.length;
  while (length > 0 && (raw[length - 1] === '.' || raw[length - 1] === '-')) length--;
  const labels = raw.slice(0, length).split('.');
  if (labels.length < 2 || labels.some((label) => !isLabel(label))) return null;
  if (RETINA_LABEL.test(labels[0])) return null;
  // Cut trailing labels until the last one is a real TLD ("example.com.Thanks" -> "example.com").
  for (let count = labels.length; count >= 2; count--) {
    if (isTopLevelDomain(labels[count - 1])) return labels.slice(0, count).join('.');
  }
  return null;
}

function isLabel(label: string): boolean {
  if (label.length === 0 || label.length > 63 || label.startsWith('-') || label.endsWith('-')) return false;
  // An `xn--` label must be valid punycode ("xn--p1ai" is "рф").
  return decodePunycodeLabel(label) !== null;
}

/** A real TLD from the list; punycode TLDs are checked in their Unicode form, as the list has them. */
export function isTopLevelDomain(label: string): boolean {
  const decoded = decodePunycodeLabel(label);
  if (decoded === null) return false;
  return TLD_SHAPE.test(decoded) && TOP_LEVEL_DOMAINS.has(decoded.toLowerCase());
}

/** An apostrophe between two letters belongs to the name ("o'connor@…"); a leading one is a quote. */
function isInnerApostrophe(text: string, i: number): boolean {
  return text[i] === "'" && i > 0 && isLocalLetter(text, i - 1) && isLocalLetter(text, i + 1);
}

function isLocalLetter(text: string, i: number): boolean {
  const c = text[i];
  return (
    c !== undefined && c !== '.' && c !== '_' && c !== '%' && c !== '+' && c !== '-' && isLocalChar(text, i)
  );
}

function isLocalChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return isAsciiAlnum(c) || c === 0x2e || c === 0x5f || c === 0x25 || c === 0x2b || c === 0x2d;
  return LOCAL_PART_CHAR.test(text[i]);
}

function isDomainChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return isAsciiAlnum(c) || c === 0x2e || c === 0x2d;
  return LOCAL_PART_CHAR.test(text[i]);
}

/**
 * Chinese, Japanese and Korean text has no spaces: "連絡先はtanaka@example.jpまたは…" holds the
 * address between the ideographs. A change between such a character and an ASCII letter or
 * digit ends a local part or domain (a dot between them does not: "例え.jp").
 */
function scriptBreak(text: string, left: number, right: number): boolean {
  const a = text.charCodeAt(left);
  const b = text.charCodeAt(right);
  return (isCjk(a) && isAsciiAlnum(b)) || (isAsciiAlnum(a) && isCjk(b));
}

function isCjk(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af);
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Lower-cased address with the domain in ASCII (punycode), for comparing and acknowledging. */
export function normaliseAddress(local: string, domain: string): string {
  return `${local.toLowerCase()}@${asciiDomain(domain.toLowerCase())}`;
}

function asciiDomain(domain: string): string {
  if (isAscii(domain)) return domain;
  try {
    // WHATWG URL does IDNA (UTS #46) in browsers and Node alike, so no punycode package is needed.
    return new URL(`http://${domain}`).hostname;
  } catch {
    return domain;
  }
}

function isAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0x7f) return false;
  return true;
}
