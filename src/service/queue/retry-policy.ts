import { RetryableJobError } from '../jobs/job-queue.ts';

/** Attempts in all when `EnqueueOptions.attempts` is not given. */
export const DEFAULT_ATTEMPTS = 3;

/** First retry delay; each further retry waits twice as long (BullMQ's 'exponential' backoff). */
export const DEFAULT_BACKOFF_MS = 1000;

/** How long `close()` lets running handlers finish before it aborts them. */
export const DEFAULT_GRACE_MS = 10_000;

/** Delay before attempt `failedAttempt + 1`: base, 2×base, 4×base… */
export function backoffDelay(baseMs: number, failedAttempt: number): number {
  return Math.round(baseMs * 2 ** (failedAttempt - 1));
}

/** By name as well: a second copy of the module (tsx and a test runner side by side) breaks instanceof. */
export function isRetryable(error: unknown): boolean {
  return error instanceof RetryableJobError || (error instanceof Error && error.name === 'RetryableJobError');
}
