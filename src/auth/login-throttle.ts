import { createHash } from 'node:crypto';
import type { RateLimiterPostgres } from 'rate-limiter-flexible';
import type { CounterReading, RateLimitStore } from '../common/rate-limit/rate-limit.store';
import { normalizeUsername } from './username';

/**
 * Failed-login throttling after OWASP's Authentication Cheat Sheet, kept in PostgreSQL so that it
 * holds across replicas (API.md §2):
 *
 * - per (username, address) pair, growing delays: the first `freeFailures` failures cost nothing,
 *   then each further attempt waits `delaySeconds`, doubling with every failure, up to `maxDelay`.
 *   Someone guessing from one address slows down; the owner elsewhere is not affected.
 * - per username (from all addresses) and per address (for all usernames), a window limit that,
 *   once exceeded, holds only the pairs that have been failing. A distributed guess at one account,
 *   or a password spray from one address, gets one try per pair; the admin typing the right
 *   password, or a teacher behind the same school NAT address who has not been failing, gets in.
 *
 * Checked (one query) before the password is verified, so a held pair learns nothing about its guesses. A
 * success clears the pair (never the username's or address's counts).
 */
export interface LoginThrottle {
  check(username: string, ip: string): Promise<ThrottleState>;
  recordFailure(username: string, ip: string): Promise<void>;
  recordSuccess(username: string, ip: string, state: ThrottleState): Promise<void>;
}

export interface ThrottleState {
  /** Seconds until this pair may try again; undefined when it may try now. */
  retryAfter?: number;
  /** Failures of this pair not yet cleared by a success. */
  pairFailures: number;
}

export const LOGIN_THROTTLE = Symbol('LOGIN_THROTTLE');

export interface ThrottleLimits {
  freeFailures: number;
  delaySeconds: number;
  maxDelaySeconds: number;
  maxPerUser: number;
  maxPerIp: number;
  windowSeconds: number;
}

/** A pair's failures are forgotten a day after the first of them (or at its next success). */
const PAIR_MEMORY_SECONDS = 24 * 3600;
const SAFE_KEY_PART = /^[a-z0-9_.-]{1,64}$/;

/** Usernames are arbitrary input at login: long or odd ones are hashed to keep keys short and unambiguous. */
function userKey(username: string): string {
  const name = normalizeUsername(username);
  return SAFE_KEY_PART.test(name) ? name : `#${createHash('sha256').update(name, 'utf8').digest('base64url').slice(0, 22)}`;
}

/** The wait after the n-th failure of a pair: none while free, then doubling from the first delay. */
export function delayAfter(failures: number, limits: ThrottleLimits): number {
  if (failures < limits.freeFailures) return 0;
  const doublings = Math.min(failures - limits.freeFailures, 30);
  return Math.min(limits.delaySeconds * 2 ** doublings, limits.maxDelaySeconds);
}

export class PgLoginThrottle implements LoginThrottle {
  private readonly pairFailures: RateLimiterPostgres;
  private readonly pairDelay: RateLimiterPostgres;
  private readonly userFailures: RateLimiterPostgres;
  private readonly ipFailures: RateLimiterPostgres;

  constructor(
    private readonly store: RateLimitStore,
    private readonly limits: ThrottleLimits,
  ) {
    this.pairFailures = store.counter({ prefix: 'login_pair', points: Number.MAX_SAFE_INTEGER, durationSeconds: PAIR_MEMORY_SECONDS });
    // A key is "blocked" here while a delay runs (block() sets it past its one point).
    this.pairDelay = store.counter({ prefix: 'login_delay', points: 1, durationSeconds: limits.maxDelaySeconds });
    this.userFailures = store.counter({ prefix: 'login_user', points: limits.maxPerUser, durationSeconds: limits.windowSeconds });
    this.ipFailures = store.counter({ prefix: 'login_ip', points: limits.maxPerIp, durationSeconds: limits.windowSeconds });
  }

  async check(username: string, ip: string): Promise<ThrottleState> {
    const user = userKey(username);
    const pair = `${user}|${ip}`;
    const keys = [this.pairFailures.getKey(pair), this.pairDelay.getKey(pair), this.userFailures.getKey(user), this.ipFailures.getKey(ip)];
    const read = await this.store.peek(keys);
    const [failures, delay, byUser, byIp] = keys.map((k) => read.get(k));
    const pairFailures = failures?.points ?? 0;
    const waitsMs: number[] = [];
    if (delay && delay.points > 1) waitsMs.push(delay.msBeforeNext);
    if (pairFailures > 0) {
      if (exceeded(byUser, this.limits.maxPerUser)) waitsMs.push(byUser.msBeforeNext);
      if (exceeded(byIp, this.limits.maxPerIp)) waitsMs.push(byIp.msBeforeNext);
    }
    if (waitsMs.length === 0) return { pairFailures };
    return { pairFailures, retryAfter: Math.max(1, Math.ceil(Math.max(...waitsMs) / 1000)) };
  }

  async recordFailure(username: string, ip: string): Promise<void> {
    const user = userKey(username);
    const pair = `${user}|${ip}`;
    const [failures] = await Promise.all([
      this.pairFailures.penalty(pair, 1),
      this.userFailures.penalty(user, 1),
      this.ipFailures.penalty(ip, 1),
    ]);
    const wait = delayAfter(failures.consumedPoints, this.limits);
    if (wait > 0) await this.pairDelay.block(pair, wait);
  }

  async recordSuccess(username: string, ip: string, state: ThrottleState): Promise<void> {
    if (state.pairFailures === 0) return; // the common case: no write
    const pair = `${userKey(username)}|${ip}`;
    await Promise.all([this.pairFailures.delete(pair), this.pairDelay.delete(pair)]);
  }
}

function exceeded(reading: CounterReading | undefined, max: number): reading is CounterReading {
  return reading !== undefined && reading.points >= max;
}
