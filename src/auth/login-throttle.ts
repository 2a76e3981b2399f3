/**
 * Counts failed logins per username and per IP in a sliding window. Per process by default (see
 * ARCHITECTURE.md); a shared implementation (Redis) can replace it behind this interface.
 */
export interface LoginThrottle {
  /** Seconds until another attempt is allowed, or undefined when it is allowed now. */
  retryAfter(username: string, ip: string): number | undefined;
  recordFailure(username: string, ip: string): void;
  /** A successful login clears the username's failures (not the IP's: one IP may be guessing many names). */
  reset(username: string): void;
}

export const LOGIN_THROTTLE = Symbol('LOGIN_THROTTLE');

export interface ThrottleLimits {
  maxPerUser: number;
  maxPerIp: number;
  windowMs: number;
}

const MAX_TRACKED_KEYS = 100_000;

export class InMemoryLoginThrottle implements LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: ThrottleLimits,
    private readonly now: () => number = Date.now,
  ) {}

  retryAfter(username: string, ip: string): number | undefined {
    const waits = [
      this.wait(`u:${username.toLowerCase()}`, this.limits.maxPerUser),
      this.wait(`ip:${ip}`, this.limits.maxPerIp),
    ].filter((w): w is number => w !== undefined);
    return waits.length ? Math.max(...waits) : undefined;
  }

  recordFailure(username: string, ip: string): void {
    if (this.failures.size > MAX_TRACKED_KEYS) this.prune();
    for (const key of [`u:${username.toLowerCase()}`, `ip:${ip}`]) {
      const list = this.recent(key);
      list.push(this.now());
      this.failures.set(key, list);
    }
  }

  reset(username: string): void {
    this.failures.delete(`u:${username.toLowerCase()}`);
  }

  private wait(key: string, max: number): number | undefined {
    const list = this.recent(key);
    if (list.length < max) return undefined;
    // Allowed again when enough of the oldest failures have left the window.
    const freeAt = list[list.length - max] + this.limits.windowMs;
    return Math.max(1, Math.ceil((freeAt - this.now()) / 1000));
  }

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length === 0) this.failures.delete(key);
    else this.failures.set(key, list);
    return list;
  }

  private prune(): void {
    for (const key of [...this.failures.keys()]) this.recent(key);
  }
}
