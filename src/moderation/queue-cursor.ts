/** Where a queue page ended, opaque to clients: the last entry's (priority, queuedAt, id), the queue's order. */
export interface QueuePosition {
  priority: number;
  queuedAt: string;
  id: string;
}

export function encodeQueueCursor(position: QueuePosition): string {
  const text = `${position.priority}|${position.queuedAt}|${position.id}`;
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** Null for anything that is not a cursor this server produced (the caller answers 400). */
export function decodeQueueCursor(cursor: string): QueuePosition | null {
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (parts.length !== 3) return null;
  const [priority, queuedAt, id] = parts;
  if (!/^\d$/.test(priority) || Number.isNaN(Date.parse(queuedAt))) return null;
  if (!/^(post|message):[0-9a-f]{24}$/.test(id)) return null;
  return { priority: Number(priority), queuedAt, id };
}
