import { decodeQueueCursor, encodeQueueCursor, type QueuePosition } from './queue-cursor';

describe('queue cursor', () => {
  it('gives back the position it was made from', () => {
    const positions: QueuePosition[] = [
      { mode: 'lane', priority: 1, n: 4711 },
      {
        mode: 'keyset',
        priority: 0,
        queuedAt: '2026-01-02T03:04:05.006Z',
        id: 'post:0123456789abcdef01234567',
      },
    ];
    for (const position of positions)
      expect(decodeQueueCursor(encodeQueueCursor(position))).toEqual(position);
  });

  it('refuses a cursor that a client made up', () => {
    const made = (text: string) => Buffer.from(text).toString('base64url');
    expect(decodeQueueCursor('not-a-cursor')).toBeNull();
    expect(decodeQueueCursor(made('L|1|-3'))).toBeNull();
    expect(decodeQueueCursor(made('K|1|yesterday|post:0123456789abcdef01234567'))).toBeNull();
    expect(decodeQueueCursor(made('K|1|2026-01-01T00:00:00Z|{"$gt":""}'))).toBeNull();
  });
});
