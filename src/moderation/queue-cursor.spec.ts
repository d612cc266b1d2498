import { decodeQueueCursor, encodeQueueCursor } from './queue-cursor';

describe('queue cursor', () => {
  it('gives back the position it was made from', () => {
    const position = { priority: 1, queuedAt: '2026-01-02T03:04:05.006Z', id: '0123456789abcdef01234567' };
    expect(decodeQueueCursor(encodeQueueCursor(position))).toEqual(position);
  });

  it('refuses a cursor that a client made up', () => {
    expect(decodeQueueCursor('not-a-cursor')).toBeNull();
    expect(decodeQueueCursor(Buffer.from('1|yesterday|abc').toString('base64url'))).toBeNull();
    expect(
      decodeQueueCursor(Buffer.from('1|2026-01-01T00:00:00Z|{"$gt":""}').toString('base64url')),
    ).toBeNull();
  });
});
