/**
 * Where a queue page ended, opaque to clients. `lane`: a position in a lane of review_slots (the fast path:
 * one scope, open entries). `keyset`: (priority, queuedAt, id) for the index query (resolved entries,
 * several forums at once).
 */
export type QueuePosition =
  | { mode: 'lane'; priority: number; n: number }
  | { mode: 'keyset'; priority: number; queuedAt: string; id: string };

export function encodeQueueCursor(position: QueuePosition): string {
  const text =
    position.mode === 'lane'
      ? `L|${position.priority}|${position.n}`
      : `K|${position.priority}|${position.queuedAt}|${position.id}`;
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** Null for anything that is not a cursor this server produced (the caller answers 400). */
export function decodeQueueCursor(cursor: string): QueuePosition | null {
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (parts[0] === 'L' && parts.length === 3 && /^\d$/.test(parts[1]) && /^\d{1,12}$/.test(parts[2])) {
    return { mode: 'lane', priority: Number(parts[1]), n: Number(parts[2]) };
  }
  if (parts[0] !== 'K' || parts.length !== 4) return null;
  const [, priority, queuedAt, id] = parts;
  if (!/^\d$/.test(priority) || Number.isNaN(Date.parse(queuedAt))) return null;
  if (!/^(post|message):[0-9a-f]{24}$/.test(id)) return null;
  return { mode: 'keyset', priority: Number(priority), queuedAt, id };
}
