import { ModelError } from '../core/model-errors.ts';

export interface CircuitBreakerOptions {
  /** Consecutive failed calls (after their retries) that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit refuses calls before one trial call is let through. */
  cooldownMs: number;
  now?: () => number;
}

/**
 * One per provider: once it keeps failing, calls fail at once for a while instead of each
 * waiting for its own timeouts — the capabilities then deliver their deterministic results fast.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | undefined;
  private trialInFlight = false;
  private readonly now: () => number;

  constructor(
    readonly name: string,
    private readonly options: CircuitBreakerOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  get state(): 'closed' | 'open' | 'half-open' {
    if (this.openedAt === undefined) return 'closed';
    return this.now() - this.openedAt >= this.options.cooldownMs ? 'half-open' : 'open';
  }

  /** Throws TESTOPS_LLM_CIRCUIT_OPEN while open; lets one trial call through when half-open. */
  enter(): void {
    const state = this.state;
    if (state === 'closed') return;
    if (state === 'half-open' && !this.trialInFlight) {
      this.trialInFlight = true;
      return;
    }
    throw new ModelError(
      'TESTOPS_LLM_CIRCUIT_OPEN',
      `calls to ${this.name} are paused after repeated failures`,
      {
        provider: this.name,
        hint: `the next call is tried ${Math.ceil(this.options.cooldownMs / 1000)} s after the last failure.`,
      },
    );
  }

  succeeded(): void {
    this.failures = 0;
    this.openedAt = undefined;
    this.trialInFlight = false;
  }

  failed(): void {
    this.failures += 1;
    this.trialInFlight = false;
    if (this.openedAt !== undefined || this.failures >= this.options.failureThreshold)
      this.openedAt = this.now();
  }
}

const breakers = new Map<string, CircuitBreaker>();

/** The breaker of a provider (by base URL), shared by every client of this process. */
export function breakerFor(baseUrl: string, options: CircuitBreakerOptions): CircuitBreaker {
  let breaker = breakers.get(baseUrl);
  if (!breaker) {
    breaker = new CircuitBreaker(new URL(baseUrl).host, options);
    breakers.set(baseUrl, breaker);
  }
  return breaker;
}
