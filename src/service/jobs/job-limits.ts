import { TestopsError } from '../../core/errors.ts';
import type { JobKind } from './job.ts';

/**
 * How long one attempt of each kind may run. Checks and plans finish in seconds; generating and
 * running suites (exploring a site, repeated runs) takes minutes.
 */
export const DEFAULT_JOB_TIMEOUTS_MS: Readonly<Record<JobKind, number>> = {
  'api-tests': 30 * 60_000,
  'test-cases': 30 * 60_000,
  validate: 2 * 60_000,
  optimize: 10 * 60_000,
  'test-plan': 10 * 60_000,
  prioritize: 10 * 60_000,
  export: 10 * 60_000,
};

/** Heap of one job's thread: a runaway job dies alone instead of taking the server with it. */
export const DEFAULT_JOB_MEMORY_MB = 4096;

/** How long a job's thread has to stop after a cancel or a timeout before it is terminated. */
export const DEFAULT_JOB_STOP_GRACE_MS = 10_000;

/** The variable that sets one kind's timeout, e.g. TESTOPS_JOB_TIMEOUT_MS_TEST_CASES. */
export function timeoutVariable(kind: JobKind): string {
  return `TESTOPS_JOB_TIMEOUT_MS_${kind.toUpperCase().replaceAll('-', '_')}`;
}

export function jobTimeoutError(job: { id: string; kind: JobKind }, limitMs: number): TestopsError {
  const { kind } = job;
  return new TestopsError('TESTOPS_JOB_TIMEOUT', `the ${kind} job ran longer than ${describeMs(limitMs)}`, {
    where: `job ${job.id}`,
    expected: `an attempt to finish within ${describeMs(limitMs)}`,
    hint: `send a smaller input, or raise the limit with ${timeoutVariable(kind)} (this kind) or TESTOPS_JOB_TIMEOUT_MS (every kind), in milliseconds.`,
  });
}

function describeMs(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms >= 1000 && ms % 1000 === 0) return `${ms / 1000} s`;
  return `${ms} ms`;
}
