import { decodeQueueCursor, encodeQueueCursor, type QueuePosition } from './queue-cursor';

describe('queue cursor', () => {
  it('gives back the position it was made from', () => {
    const position: QueuePosition = {
      priority: 0,
      queuedAt: '2026-01-02T03:04:05.006Z',
      id: 'post:0123456789abcdef01234567',
    };
    expect(decodeQueueCursor(encodeQueueCursor(position))).toEqual(position);
  });

  it('refuses a cursor that a client made up', () => {
    const made = (text: string) => Buffer.from(text).toString('base64url');
    expect(decodeQueueCursor('not-a-cursor')).toBeNull();
    expect(decodeQueueCursor(made('-3|2026-01-01T00:00:00Z|post:0123456789abcdef01234567'))).toBeNull();
    expect(decodeQueueCursor(made('1|yesterday|post:0123456789abcdef01234567'))).toBeNull();
    expect(decodeQueueCursor(made('1|2026-01-01T00:00:00Z|{"$gt":""}'))).toBeNull();
    expect(decodeQueueCursor(made('L|1|4711'))).toBeNull();
  });
});
