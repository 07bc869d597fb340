import { retryAfterMs } from '../../core/retry-delay.ts';
import type { RecordedExchange, TestOutcome } from '../../core/run-report.ts';

/**
 * How long a paced run waits for the target's rate limit, and how long its client honours a
 * `Retry-After`: a minute is the common window (express-rate-limit's, most gateways'); longer
 * asks are capped, so a paced run is bounded.
 */
export const PACED_WAIT_MAX_MS = 60_000;

/**
 * Tests whose failing run ended on a 429: the target's pace, not a verdict on what they check.
 * A test that also failed otherwise keeps its first failure (that is what `failure` holds).
 */
export function rateLimitedTests(outcomes: readonly TestOutcome[]): TestOutcome[] {
  return outcomes.filter(
    (outcome) =>
      (outcome.verdict === 'flaky' || outcome.verdict === 'defect') &&
      lastResponse(outcome.failure?.exchanges ?? [])?.status === 429,
  );
}

/** The longest `Retry-After` those 429s asked for, capped; the cap when none said. */
export function pacedPauseMs(limited: readonly TestOutcome[], now = Date.now()): number {
  const asked = limited.flatMap((outcome) => {
    const response = lastResponse(outcome.failure?.exchanges ?? []);
    const header = response?.headers['retry-after'] ?? response?.headers['Retry-After'];
    const ms = header === undefined ? undefined : retryAfterMs(header, now);
    return ms === undefined ? [] : [ms];
  });
  return asked.length === 0 ? PACED_WAIT_MAX_MS : Math.min(PACED_WAIT_MAX_MS, Math.max(1_000, ...asked));
}

/**
 * The full run's outcomes with each paced test's verdict replaced by its paced run's when that
 * passed every time: delivered as verified, at a pace the target allows. Otherwise the full
 * run's verdict and evidence stand.
 */
export function withPacedOutcomes(
  outcomes: readonly TestOutcome[],
  paced: readonly TestOutcome[],
  repeat: number,
): { outcomes: TestOutcome[]; delivered: string[] } {
  const passed = new Map(
    paced
      .filter((outcome) => outcome.verdict === 'delivered' && outcome.passes === repeat)
      .map((outcome) => [outcome.title, outcome]),
  );
  return {
    outcomes: outcomes.map((outcome) => passed.get(outcome.title) ?? outcome),
    delivered: [...passed.keys()],
  };
}

function lastResponse(exchanges: readonly RecordedExchange[]): RecordedExchange['response'] {
  return exchanges.findLast((exchange) => exchange.response !== undefined)?.response;
}
