import { InMemoryLoginThrottle } from './login-throttle';

describe('InMemoryLoginThrottle', () => {
  let now = 1_000_000;
  const throttle = (): InMemoryLoginThrottle => new InMemoryLoginThrottle({ maxPerUser: 5, maxPerIp: 50, windowMs: 15 * 60_000 }, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('allows five failures per username, then asks to wait until the oldest leaves the window', () => {
    const t = throttle();
    for (let i = 0; i < 5; i++) {
      expect(t.retryAfter('Budi', '10.0.0.1')).toBeUndefined();
      t.recordFailure('budi', '10.0.0.1');
      now += 1000;
    }
    expect(t.retryAfter('BUDI', '10.0.0.2')).toBe(15 * 60 - 5);
    now += 15 * 60_000;
    expect(t.retryAfter('budi', '10.0.0.1')).toBeUndefined();
  });

  it('limits one IP guessing many usernames', () => {
    const t = throttle();
    for (let i = 0; i < 50; i++) t.recordFailure(`user${i}`, '10.0.0.9');
    expect(t.retryAfter('someone-new', '10.0.0.9')).toBeGreaterThan(0);
    expect(t.retryAfter('someone-new', '10.0.0.10')).toBeUndefined();
  });

  it('a success resets the username but not the IP', () => {
    const t = throttle();
    for (let i = 0; i < 5; i++) t.recordFailure('budi', '10.0.0.1');
    t.reset('budi');
    expect(t.retryAfter('budi', '10.0.0.1')).toBeUndefined();
  });
});
