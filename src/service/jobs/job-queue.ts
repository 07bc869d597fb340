/**
 * The queue port. Adapters carry job ids only — the job itself is a row in the JobStore — so the
 * in-process adapter and BullMQ on Redis are interchangeable and pass one contract test.
 */
export interface JobHandlerContext {
  /** Aborted when the job is cancelled (from any process) or the worker shuts down. */
  signal: AbortSignal;
  /** 1 for the first attempt. */
  attempt: number;
  workerId: string;
  /** Trace context of the request that enqueued the job (W3C traceparent), to continue the trace. */
  traceparent: string | undefined;
}

/**
 * Runs one job to its end. Resolves when the job is finished (completed, failed or cancelled —
 * the handler records that itself); throws a `RetryableJobError` to ask for another attempt.
 */
export type JobHandler = (jobId: string, context: JobHandlerContext) => Promise<void>;

export class RetryableJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RetryableJobError';
  }
}

export interface EnqueueOptions {
  /** Dedupe: enqueuing the same key twice runs the job once. Defaults to the job id. */
  idempotencyKey?: string;
  traceparent?: string;
  /** Attempts in all (first + retries), with exponential backoff between them. */
  attempts?: number;
  /**
   * The job was created just now, so no queue can hold an earlier entry of it: an adapter may
   * skip looking for one (a round trip to Redis per submission).
   */
  fresh?: boolean;
}

export interface QueueStats {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

export interface JobQueue {
  readonly kind: 'in-process' | 'bullmq';
  enqueue(jobId: string, options?: EnqueueOptions): Promise<void>;
  /** Starts consuming in this process (the server's embedded pool, or `testops worker`). */
  startWorker(handler: JobHandler, options: { concurrency: number; workerId: string }): Promise<void>;
  /** Cancels a job wherever it runs: removes it if waiting, aborts its handler if running. */
  cancel(jobId: string): Promise<void>;
  stats(): Promise<QueueStats>;
  /** For /ready: resolves when the backing store answers. */
  ping(): Promise<void>;
  /** Stops workers (waiting for running handlers up to the grace period) and closes connections. */
  close(graceMs?: number): Promise<void>;
}
