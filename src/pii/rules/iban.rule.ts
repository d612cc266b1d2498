import type { Finding } from '../finding';
import type { ScanContext } from '../scan-context';
import { isIdentifierBefore } from './phone-context';

/** IBAN length per country (ISO 13616 registry), country code and check digits included. */
const IBAN_LENGTHS: ReadonlyMap<string, number> = new Map(
  (
    'AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18 ' +
    'DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28 HR21 HU28 IE22 IL23 ' +
    'IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 ' +
    'MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 ' +
    'SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30'
  )
    .split(' ')
    .map((entry) => [entry.slice(0, 2), Number(entry.slice(2))] as const),
);

/**
 * IBANs: a country code, two check digits and the country's number of letters and digits, written
 * whole or in the printed groups of four ("GB82 WEST 1234 5698 7654 32"), with mod-97 check
 * digits (ISO 7064). The country's length fixes where the IBAN ends, so reading one never looks
 * further than 34 characters and their spaces.
 */
export function findIbans(ctx: ScanContext): {
  findings: Finding[];
  spans: Array<readonly [number, number]>;
} {
  const text = ctx.normal.text;
  const findings: Finding[] = [];
  const spans: Array<readonly [number, number]> = [];
  for (let i = 0; i + 15 <= text.length; i++) {
    if (!isUpper(text, i) || !isUpper(text, i + 1) || !isDigit(text, i + 2) || !isDigit(text, i + 3))
      continue;
    if (i > 0 && isAlnum(text, i - 1)) continue;
    const length = IBAN_LENGTHS.get(text.slice(i, i + 2));
    if (length === undefined) continue;
    const read = readIban(text, i, length);
    if (read === null || !mod97Valid(read.compact) || isIdentifierBefore(text, i)) continue;
    const { start, end } = ctx.normal.toOriginal(i, read.end);
    findings.push({
      type: 'iban',
      start,
      end,
      text: ctx.original.slice(start, end),
      normalized: read.compact,
      confidence: 0.97,
      rule: 'iban.mod97',
    });
    spans.push([i, read.end]);
    i = read.end - 1;
  }
  return { findings, spans };
}

/** Exactly `length` letters and digits, glued or with single spaces between groups of four. */
function readIban(text: string, start: number, length: number): { compact: string; end: number } | null {
  let compact = '';
  let i = start;
  let group = 0;
  while (compact.length < length) {
    if (isAlnum(text, i)) {
      compact += text[i].toUpperCase();
      group++;
      i++;
    } else if (text[i] === ' ' && group === 4 && isAlnum(text, i + 1)) {
      group = 0;
      i++;
    } else return null;
    // Printed groups are fours: a space elsewhere means the text moved on.
    if (group > 4 && text.slice(start, i).includes(' ')) return null;
  }
  if (isAlnum(text, i)) return null;
  return { compact, end: i };
}

/** ISO 7064 MOD 97-10: the country code and check digits moved to the end, letters as 10-35. */
export function mod97Valid(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const c of rearranged) {
    const value = c >= 'A' && c <= 'Z' ? c.charCodeAt(0) - 55 : c.charCodeAt(0) - 48;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

function isUpper(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0x41 && c <= 0x5a;
}

function isDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0x30 && c <= 0x39;
}

function isAlnum(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
