import { delayAfter, type ThrottleLimits } from './login-throttle';

describe('delayAfter (growing delays per username and address)', () => {
  const limits: ThrottleLimits = { freeFailures: 5, delaySeconds: 30, maxDelaySeconds: 900, maxPerUser: 20, maxPerIp: 100, windowSeconds: 900 };

  it('costs nothing for the free failures, then doubles from the first delay up to the cap', () => {
    expect([0, 1, 4].map((n) => delayAfter(n, limits))).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8, 9].map((n) => delayAfter(n, limits))).toEqual([30, 60, 120, 240, 480]);
    expect(delayAfter(10, limits)).toBe(900);
    expect(delayAfter(10_000, limits)).toBe(900);
  });
});
