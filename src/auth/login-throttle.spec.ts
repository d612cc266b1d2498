import { FREE_FAILURES, delayAfter } from './login-throttle.service';

describe('sign-in delay after failures', () => {
  it('lets the first few failures through without delay', () => {
    for (let failures = 0; failures <= FREE_FAILURES; failures += 1) expect(delayAfter(failures)).toBe(0);
  });

  it('then waits 5 s, doubling with each further failure, never more than 15 minutes', () => {
    const delays = [1, 2, 3, 4].map((extra) => delayAfter(FREE_FAILURES + extra));
    expect(delays).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(delayAfter(FREE_FAILURES + 40)).toBe(15 * 60_000);
  });
});
