import type { EnqueueOptions, JobHandler, JobQueue, QueueStats } from '../jobs/job-queue.ts';
import type { JobStore } from '../jobs/job-store.ts';
import { JobCancelledError, WorkerShutdownError, isShutdownAbort } from './abort-reasons.ts';
import { ClaimableSweep } from './claimable-sweep.ts';
import { settleWithinGrace } from './grace-period.ts';
import { stderrQueueLogger, type QueueLogger } from './queue-logger.ts';
import {
  DEFAULT_ATTEMPTS,
  DEFAULT_BACKOFF_MS,
  DEFAULT_GRACE_MS,
  backoffDelay,
  isRetryable,
} from './retry-policy.ts';

export interface InProcessQueueOptions {
  logger?: QueueLogger;
  /** How often the store is asked for claimable jobs this queue does not hold (expired leases). */
  pollIntervalMs?: number;
  /** Delay before the first retry; doubles with each further attempt. */
  backoffMs?: number;
}

interface Entry {
  jobId: string;
  key: string;
  traceparent: string | undefined;
  attempts: number;
  attempt: number;
}

interface Running {
  controller: AbortController;
  done: Promise<void>;
}

interface WorkerSettings {
  handler: JobHandler;
  concurrency: number;
  workerId: string;
}

/**
 * The embedded queue: a FIFO of job ids and a pool of handlers in this process. Nothing here
 * needs to survive a crash, because every job is a row: on start, and every few seconds, the
 * queue takes the claimable jobs from the store again.
 */
export class InProcessQueue implements JobQueue {
  readonly kind = 'in-process' as const;
  readonly #store: JobStore;
  readonly #logger: QueueLogger;
  readonly #pollIntervalMs: number;
  readonly #backoffMs: number;
  /** Every job this queue holds (waiting, delayed for a retry, running), by id. */
  readonly #entries = new Map<string, Entry>();
  /** Idempotency key → job id, for the jobs held. */
  readonly #keys = new Map<string, string>();
  readonly #waiting: Entry[] = [];
  readonly #delayed = new Map<string, NodeJS.Timeout>();
  readonly #running = new Map<string, Running>();
  readonly #finished = { completed: 0, failed: 0 };
  #worker: WorkerSettings | undefined;
  #sweep: ClaimableSweep | undefined;
  #closing: Promise<void> | undefined;

  constructor(store: JobStore, options: InProcessQueueOptions = {}) {
    this.#store = store;
    this.#logger = options.logger ?? stderrQueueLogger;
    this.#pollIntervalMs = options.pollIntervalMs ?? 5000;
    this.#backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  }

  async enqueue(jobId: string, options: EnqueueOptions = {}): Promise<void> {
    if (this.#closing) throw new Error(`Cannot enqueue job ${jobId}: the queue is closed.`);
    this.#hold({
      jobId,
      key: options.idempotencyKey ?? jobId,
      traceparent: options.traceparent,
      attempts: Math.max(1, options.attempts ?? DEFAULT_ATTEMPTS),
      attempt: 1,
    });
  }

  async startWorker(handler: JobHandler, options: { concurrency: number; workerId: string }): Promise<void> {
    if (this.#closing) throw new Error('Cannot start a worker: the queue is closed.');
    if (this.#worker) throw new Error('This queue already runs a worker.');
    if (!(options.concurrency >= 1))
      throw new Error(`Concurrency must be 1 or more, not ${options.concurrency}.`);
    const sweep = new ClaimableSweep(this.#store, {
      intervalMs: this.#pollIntervalMs,
      logger: this.#logger,
      onClaimable: (jobId) => this.#hold(recovered(jobId)),
    });
    this.#worker = { handler, ...options };
    this.#sweep = sweep;
    try {
      await sweep.start();
    } catch (error) {
      this.#worker = undefined;
      this.#sweep = undefined;
      throw error;
    }
    this.#pump();
  }

  async cancel(jobId: string): Promise<void> {
    const index = this.#waiting.findIndex((entry) => entry.jobId === jobId);
    if (index >= 0) this.#forget(this.#waiting.splice(index, 1)[0]!);
    const timer = this.#delayed.get(jobId);
    if (timer) {
      clearTimeout(timer);
      this.#delayed.delete(jobId);
      this.#forget(this.#entries.get(jobId)!);
    }
    this.#running.get(jobId)?.controller.abort(new JobCancelledError(jobId));
  }

  async stats(): Promise<QueueStats> {
    return {
      waiting: this.#waiting.length,
      active: this.#running.size,
      delayed: this.#delayed.size,
      ...this.#finished,
    };
  }

  async ping(): Promise<void> {
    await this.#store.listClaimable(1);
  }

  close(graceMs = DEFAULT_GRACE_MS): Promise<void> {
    this.#closing ??= this.#shutdown(graceMs);
    return this.#closing;
  }

  async #shutdown(graceMs: number): Promise<void> {
    await this.#sweep?.stop();
    // Waiting and delayed jobs stay pending in the store; the next start recovers them.
    for (const timer of this.#delayed.values()) clearTimeout(timer);
    this.#delayed.clear();
    this.#waiting.length = 0;
    const running = [...this.#running.values()];
    await settleWithinGrace(Promise.all(running.map((job) => job.done)), graceMs, () => {
      for (const job of running) job.controller.abort(new WorkerShutdownError());
    });
  }

  /** Takes a job unless it (or its idempotency key) is already held. */
  #hold(entry: Entry): void {
    const heldId = this.#entries.has(entry.jobId) ? entry.jobId : this.#keys.get(entry.key);
    const held = heldId === undefined ? undefined : this.#entries.get(heldId);
    if (held) {
      // The sweep may have found the job before the request that created it enqueued it.
      held.traceparent ??= entry.traceparent;
      return;
    }
    this.#entries.set(entry.jobId, entry);
    this.#keys.set(entry.key, entry.jobId);
    this.#waiting.push(entry);
    this.#pump();
  }

  #forget(entry: Entry): void {
    this.#entries.delete(entry.jobId);
    if (this.#keys.get(entry.key) === entry.jobId) this.#keys.delete(entry.key);
  }

  #pump(): void {
    const worker = this.#worker;
    if (!worker || this.#closing) return;
    while (this.#running.size < worker.concurrency && this.#waiting.length > 0) {
      this.#start(worker, this.#waiting.shift()!);
    }
  }

  #start(worker: WorkerSettings, entry: Entry): void {
    const controller = new AbortController();
    const context = {
      signal: controller.signal,
      attempt: entry.attempt,
      workerId: worker.workerId,
      traceparent: entry.traceparent,
    };
    // Started on the next tick so a handler that throws synchronously is handled like a rejection.
    const done = Promise.resolve()
      .then(() => worker.handler(entry.jobId, context))
      .then(
        () => this.#settle(entry, controller.signal, undefined),
        (error: unknown) => this.#settle(entry, controller.signal, error ?? new Error('rejected')),
      );
    this.#running.set(entry.jobId, { controller, done });
  }

  #settle(entry: Entry, signal: AbortSignal, error: unknown): void {
    this.#running.delete(entry.jobId);
    if (error === undefined) {
      this.#finished.completed += 1;
      this.#forget(entry);
    } else if (isRetryable(error) && !signal.aborted && !this.#closing && entry.attempt < entry.attempts) {
      this.#retryLater(entry);
    } else {
      this.#finished.failed += 1;
      this.#forget(entry);
      this.#report(entry, signal, error);
    }
    this.#pump();
  }

  #retryLater(entry: Entry): void {
    const timer = setTimeout(
      () => {
        this.#delayed.delete(entry.jobId);
        this.#waiting.push(entry);
        this.#pump();
      },
      backoffDelay(this.#backoffMs, entry.attempt),
    );
    // A retry pending in memory must not keep the process alive: the job is pending in the store.
    timer.unref();
    entry.attempt += 1;
    this.#delayed.set(entry.jobId, timer);
  }

  #report(entry: Entry, signal: AbortSignal, error: unknown): void {
    const jobId = entry.jobId;
    if (isShutdownAbort(signal)) {
      this.#logger('warn', 'job stopped by the shutdown; it runs again at the next start', { jobId, error });
    } else if (isRetryable(error) && entry.attempt >= entry.attempts) {
      this.#logger('error', `job still failing after ${entry.attempts} attempts; no retry left`, {
        jobId,
        error,
      });
    } else {
      this.#logger('error', 'job handler failed; the job is left to the store', { jobId, error });
    }
  }
}

/** A job found in the store: nothing is known of the request that created it. */
function recovered(jobId: string): Entry {
  return { jobId, key: jobId, traceparent: undefined, attempts: DEFAULT_ATTEMPTS, attempt: 1 };
}
