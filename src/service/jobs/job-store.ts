import type { JobError, JobEvent, JobProgress, JobRecord, JobStatus, NewJob, StoredJobEvent } from './job.ts';

/**
 * Where jobs live. Implemented on Drizzle for PGlite and PostgreSQL alike; every transition is
 * one conditional UPDATE so two workers can never both own a job.
 */
export interface JobStore {
  /** Creates a pending job; with an idempotency key already used in the project, returns that job. */
  create(job: NewJob): Promise<{ job: JobRecord; created: boolean }>;
  get(id: string): Promise<JobRecord | undefined>;
  list(filter: {
    projectId?: string;
    status?: JobStatus;
    limit?: number;
    offset?: number;
  }): Promise<JobRecord[]>;
  /**
   * pending → running for this worker (attempts + 1, lease set), or a running job whose lease
   * expired (its worker died). Undefined when the job is not claimable (final, cancelled, leased).
   */
  claim(id: string, workerId: string, leaseMs: number): Promise<JobRecord | undefined>;
  /**
   * Ids of jobs a worker could claim now, oldest first: pending ones, and running ones whose
   * lease expired. The in-process queue recovers from these after a restart.
   */
  listClaimable(limit: number, now?: Date): Promise<string[]>;
  /** Extends the lease while a job runs; false when the job is no longer ours (cancelled, reclaimed). */
  renewLease(id: string, workerId: string, leaseMs: number): Promise<boolean>;
  setProgress(id: string, progress: JobProgress): Promise<void>;
  /** running → completed | failed | cancelled, only by the worker that holds it. False if not held. */
  finish(
    id: string,
    workerId: string,
    outcome:
      | { status: 'completed'; summary: Record<string, unknown>; errors?: JobError[] }
      | { status: 'failed'; errors: JobError[]; summary?: Record<string, unknown> }
      | { status: 'cancelled' },
  ): Promise<boolean>;
  /** running → pending again (a retry after a transient error); releases the lease. */
  release(id: string, workerId: string, error: JobError): Promise<boolean>;
  /** pending → cancelled at once; running → cancelRequested (the worker stops and finishes it). */
  requestCancel(id: string): Promise<JobRecord | undefined>;
  /** failed | cancelled → pending with a fresh attempt budget; undefined when not retryable. */
  retry(id: string): Promise<JobRecord | undefined>;
  /** Running jobs whose lease has expired: interrupted by a crash or a restart. */
  listInterrupted(now?: Date): Promise<JobRecord[]>;
  /**
   * Fails interrupted jobs that have no attempts left, with the reason; returns the ids.
   * `{attempts}` and `{max_attempts}` in the reason's message become the job's own counts.
   */
  failExhausted(reason: JobError): Promise<string[]>;
  /** Appends an event; returns it with its per-job sequence number. */
  appendEvent(jobId: string, event: JobEvent): Promise<StoredJobEvent>;
  eventsAfter(jobId: string, seq: number, limit?: number): Promise<StoredJobEvent[]>;
  counts(): Promise<Record<JobStatus, number>>;
}
