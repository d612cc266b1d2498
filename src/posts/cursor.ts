/** Opaque list cursors: base64url JSON, validated on the way back in (a bad cursor is a 400, not a 500). */
export function encodeCursor(value: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function decodeCursor<K extends string>(
  cursor: string,
  shape: Record<K, 'string' | 'number'>,
): Record<K, string | number> | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
    const record = parsed as Record<string, unknown>;
    for (const [key, type] of Object.entries(shape)) {
      if (typeof record[key] !== type) return null;
    }
    return record as Record<K, string | number>;
  } catch {
    return null;
  }
}
