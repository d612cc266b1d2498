import { TokenBucket } from './rate-limiter';

describe(TokenBucket.name, () => {
  it('lets a burst through, then refuses until tokens refill', () => {
    const bucket = new TokenBucket(10, 3, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(bucket.take(50)).toBe(false);
    expect(bucket.take(100)).toBe(true);
  });

  it('never stores more than the burst, however long the socket was quiet', () => {
    const bucket = new TokenBucket(10, 2, 0);
    const results = [bucket.take(60_000), bucket.take(60_000), bucket.take(60_000)];
    expect(results).toEqual([true, true, false]);
  });

  it('is not fooled by a clock going backwards: no token from the step back or from stepping forward again', () => {
    const bucket = new TokenBucket(1, 1, 0);
    expect(bucket.take(1000)).toBe(true);
    expect(bucket.take(-1000)).toBe(false); // the clock stepped back 2 s
    expect(bucket.take(1000)).toBe(false); // back where it was: the round trip earned nothing
    expect(bucket.take(2000)).toBe(true); // one second after the latest instant seen: one token, as usual
  });
});
