import type { PipelineEvent } from '../../core/events.ts';
import type { UrlGuardOptions } from '../../pipeline/target-guard.ts';
import type { Stores } from '../store/stores.ts';
import type { EventBus } from './event-bus.ts';
import type { ExecutorRegistry, TestDraft } from './executor.ts';
import type { JobKind, JobRecord, JobStatus } from './job.ts';

/** What the runner reports to logs, metrics and traces; every hook is optional. */
export interface JobObserver {
  started?(job: JobRecord): void;
  finished?(
    job: JobRecord,
    outcome: { status: JobStatus; durationMs: number; tests: TestDraft[]; errorCode?: string },
  ): void;
  /** Every engine event of the job, in order (stage spans come from these). */
  event?(job: JobRecord, event: PipelineEvent): void;
  /** Wraps a job's execution, e.g. in a span that continues the submitting request's trace. */
  around?<T>(job: JobRecord, traceparent: string | undefined, work: () => Promise<T>): Promise<T>;
  /** An event or a progress update of the job could not be stored (the job goes on). */
  writeFailed?(job: JobRecord, what: 'event' | 'progress'): void;
}

export interface RunnerLogger {
  info(object: Record<string, unknown>, message: string): void;
  warn(object: Record<string, unknown>, message: string): void;
  error(object: Record<string, unknown>, message: string): void;
}

export interface JobRunnerOptions {
  stores: Stores;
  bus: EventBus;
  executors: ExecutorRegistry;
  /** Job working folders live under `<dataDir>/jobs/`; they are removed once artifacts are stored. */
  dataDir: string;
  guard: UrlGuardOptions;
  trustedOrigins?: readonly string[];
  /** How long a claim holds without renewal: a crashed worker's job is reclaimable after this. */
  leaseMs?: number;
  /** How long one attempt of a kind may run; the attempt fails with TESTOPS_JOB_TIMEOUT after it. */
  timeoutsMs?: Partial<Record<JobKind, number>>;
  observer?: JobObserver;
  logger?: RunnerLogger;
  /** The logger's scrub list: a job's secret values are held on it while the job runs. */
  knownSecrets?: { hold(values: readonly string[]): () => void };
}
