/** The part of a finding the digest covers: what was found, never where (so moving text around keeps it valid). */
export interface DigestInput {
  type: string;
  normalized: string;
}

/**
 * `findingsDigest`: lower-case hex SHA-256 of the distinct `type:normalized` lines, sorted by code unit, joined
 * with "\n". Framework-free (Web Crypto exists in browsers and Node >= 20) so any client can compute the same value.
 * Offsets are left out on purpose: rewording around an acknowledged number keeps the acknowledgement, while
 * adding or changing a value changes the digest and asks again.
 */
export async function findingsDigest(findings: readonly DigestInput[]): Promise<string> {
  const lines = [...new Set(findings.map((finding) => `${finding.type}:${finding.normalized}`))].sort();
  const bytes = new TextEncoder().encode(lines.join('\n'));
  const hash = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(hash), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
