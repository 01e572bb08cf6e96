/**
 * Failed sign-ins, counted per username and per client address over a sliding window. After
 * a few failures each further answer is slowed; after more, sign-in is refused until the
 * window has passed. Kept in memory: one server process serves a school, and a restart
 * clearing the counts costs an attacker a restart they cannot cause.
 */
export interface ThrottleOptions {
  /** Failures allowed at full speed. */
  freeFailures: number;
  /** Failures after which sign-in is refused. */
  maxFailures: number;
  windowMs: number;
  /** Added per failure beyond the free ones, up to maxDelayMs. */
  delayStepMs: number;
  maxDelayMs: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = {
  freeFailures: 3,
  maxFailures: 10,
  windowMs: 15 * 60 * 1000,
  delayStepMs: 500,
  maxDelayMs: 3000,
};

export class LoginThrottle {
  private failures = new Map<string, number[]>();

  constructor(readonly options: ThrottleOptions = DEFAULT_THROTTLE) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.options.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** When sign-in is refused for any of the keys: the moment it opens again; else null. */
  blockedUntil(keys: string[], now = Date.now()): Date | null {
    let until = 0;
    for (const key of keys) {
      const list = this.recent(key, now);
      if (list.length >= this.options.maxFailures) {
        const opensAt = list[list.length - this.options.maxFailures]! + this.options.windowMs;
        until = Math.max(until, opensAt);
      }
    }
    return until > now ? new Date(until) : null;
  }

  /** Records a failure and returns how long its answer should wait. */
  fail(keys: string[], now = Date.now()): number {
    let worst = 0;
    for (const key of keys) {
      const list = this.recent(key, now);
      list.push(now);
      this.failures.set(key, list);
      worst = Math.max(worst, list.length);
    }
    const { freeFailures, delayStepMs, maxDelayMs } = this.options;
    return Math.min(maxDelayMs, Math.max(0, worst - freeFailures) * delayStepMs);
  }

  /** Forgets the failures of the name (or trusted browser) that signed in; an address keeps its count. */
  succeed(key: string) {
    this.failures.delete(key);
  }
}
