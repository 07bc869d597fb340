import { ModelError } from '../core/model-errors.ts';

export interface CircuitBreakerOptions {
  /** Consecutive failed calls (after their retries) that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit refuses calls before one trial call is let through. */
  cooldownMs: number;
  now?: () => number;
}

/**
 * Where a breaker keeps its state: in this thread's memory, or in the process's shared memory
 * (`shared-llm-state.ts`) so that a provider one job's thread found down is down for all of them.
 */
export interface BreakerCells {
  openedAt(): number | undefined;
  setOpenedAt(at: number | undefined): void;
  /** Counts one more failure; returns the count. */
  addFailure(): number;
  resetFailures(): void;
  /** Takes the one trial call of a half-open circuit; false when another caller has it. */
  claimTrial(): boolean;
  endTrial(): void;
}

export function localBreakerCells(): BreakerCells {
  let failures = 0;
  let openedAt: number | undefined;
  let trialInFlight = false;
  return {
    openedAt: () => openedAt,
    setOpenedAt: (at) => (openedAt = at),
    addFailure: () => (failures += 1),
    resetFailures: () => (failures = 0),
    claimTrial: () => !trialInFlight && (trialInFlight = true),
    endTrial: () => (trialInFlight = false),
  };
}

/**
 * One per provider: once it keeps failing, calls fail at once for a while instead of each
 * waiting for its own timeouts — the capabilities then deliver their deterministic results fast.
 */
export class CircuitBreaker {
  private readonly now: () => number;

  constructor(
    readonly name: string,
    private readonly options: CircuitBreakerOptions,
    private readonly cells: BreakerCells = localBreakerCells(),
  ) {
    this.now = options.now ?? Date.now;
  }

  get state(): 'closed' | 'open' | 'half-open' {
    const openedAt = this.cells.openedAt();
    if (openedAt === undefined) return 'closed';
    return this.now() - openedAt >= this.options.cooldownMs ? 'half-open' : 'open';
  }

  /** Throws TESTOPS_LLM_CIRCUIT_OPEN while open; lets one trial call through when half-open. */
  enter(): void {
    const state = this.state;
    if (state === 'closed') return;
    if (state === 'half-open' && this.cells.claimTrial()) return;
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
    this.cells.resetFailures();
    this.cells.setOpenedAt(undefined);
    this.cells.endTrial();
  }

  failed(): void {
    const failures = this.cells.addFailure();
    this.cells.endTrial();
    if (this.cells.openedAt() !== undefined || failures >= this.options.failureThreshold)
      this.cells.setOpenedAt(this.now());
  }
}
