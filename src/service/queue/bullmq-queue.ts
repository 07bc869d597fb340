import { Queue, UnrecoverableError, WaitingError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { describeError } from '../../core/errors.ts';
import type { EnqueueOptions, JobHandler, JobQueue, QueueStats } from '../jobs/job-queue.ts';
import type { JobStore } from '../jobs/job-store.ts';
import { JobCancelledError, WorkerShutdownError, isShutdownAbort } from './abort-reasons.ts';
import { bullmqJobId } from './bullmq-job-id.ts';
import { CancelChannel } from './cancel-channel.ts';
import { ClaimableSweep } from './claimable-sweep.ts';
import { settleWithinGrace } from './grace-period.ts';
import { stderrQueueLogger, type QueueLogger } from './queue-logger.ts';
import { QUEUE_NAME } from './queue-name.ts';
import { connectRedis, pingRedis, quitRedis } from './redis-connection.ts';
import { DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS, DEFAULT_GRACE_MS, isRetryable } from './retry-policy.ts';

export interface BullmqQueueOptions {
  redisUrl: string;
  /** Redis key prefix (tests use a unique one). */
  prefix?: string;
  queueName?: string;
  /**
   * With a store, a started worker also takes claimable jobs from it every `sweepIntervalMs`,
   * so a job Redis lost (flushed, failed after too many stalls, completed while its row was
   * leased by a dead worker) still runs.
   */
  store?: JobStore;
  sweepIntervalMs?: number;
  logger?: QueueLogger;
  backoffMs?: number;
  /**
   * How long a worker's lock on a job lasts without renewal (renewed every half of it). A
   * SIGKILLed worker's job is seen as stalled once the lock expires, at the next stalled check.
   */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

interface JobData {
  jobId: string;
  traceparent: string | undefined;
}

/** Finished jobs kept for the dashboard; the store keeps the real history. */
const KEEP_COMPLETED = { count: 1000, age: 24 * 3600 };
const KEEP_FAILED = { count: 5000, age: 7 * 24 * 3600 };
/** States in which BullMQ still has to start the job. */
const WAITING_STATES = new Set(['waiting', 'delayed', 'prioritized', 'paused', 'waiting-children']);

/**
 * Jobs on Redis for `testops worker` processes that scale out. BullMQ carries the job id and
 * the trace context; the store holds the job. Cancellation reaches every worker process through
 * a Redis channel.
 */
export class BullmqQueue implements JobQueue {
  readonly kind = 'bullmq' as const;
  /** The BullMQ queue itself, for the dashboard. */
  readonly queue: Queue<JobData>;
  readonly #options: BullmqQueueOptions;
  readonly #logger: QueueLogger;
  readonly #connection: Redis;
  readonly #cancels: CancelChannel;
  readonly #running = new Map<string, AbortController>();
  #worker: Worker<JobData> | undefined;
  #sweep: ClaimableSweep | undefined;
  #closing: Promise<void> | undefined;

  constructor(options: BullmqQueueOptions) {
    this.#options = options;
    this.#logger = options.logger ?? stderrQueueLogger;
    const prefix = options.prefix ?? 'testops';
    const name = options.queueName ?? QUEUE_NAME;
    // One connection for the queue, the worker's commands, PING and PUBLISH; BullMQ duplicates
    // it for the worker's blocking reads and closes that copy itself.
    this.#connection = connectRedis(options.redisUrl, 'testops-queue', this.#logger);
    this.#cancels = new CancelChannel({
      name: `${prefix}:${name}:cancel`,
      publisher: this.#connection,
      redisUrl: options.redisUrl,
      logger: this.#logger,
    });
    this.queue = new Queue<JobData>(name, {
      connection: this.#connection,
      prefix,
      defaultJobOptions: { removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED },
    });
    this.queue.on('error', (error) => this.#logger('warn', `BullMQ queue: ${error.message}`));
  }

  async enqueue(jobId: string, options: EnqueueOptions = {}): Promise<void> {
    if (this.#closing) throw new Error(`Cannot enqueue job ${jobId}: the queue is closed.`);
    const id = bullmqJobId(jobId);
    if (!options.fresh && (await this.#isQueued(id))) return;
    const key = options.idempotencyKey;
    await this.queue.add(
      'run',
      { jobId, traceparent: options.traceparent },
      {
        // Adding an id that exists is a no-op in BullMQ: duplicates are ignored atomically.
        jobId: id,
        // A key other than the job id dedupes while the first job is queued or running.
        ...(key !== undefined && key !== jobId ? { deduplication: { id: key } } : {}),
        attempts: Math.max(1, options.attempts ?? DEFAULT_ATTEMPTS),
        backoff: { type: 'exponential', delay: this.#options.backoffMs ?? DEFAULT_BACKOFF_MS },
      },
    );
  }

  async startWorker(handler: JobHandler, options: { concurrency: number; workerId: string }): Promise<void> {
    if (this.#closing) throw new Error('Cannot start a worker: the queue is closed.');
    if (this.#worker) throw new Error('This queue already runs a worker.');
    if (!(options.concurrency >= 1))
      throw new Error(`Concurrency must be 1 or more, not ${options.concurrency}.`);
    await this.#cancels.listen((jobId) => this.#running.get(jobId)?.abort(new JobCancelledError(jobId)));
    this.#worker = new Worker<JobData>(
      this.queue.name,
      (job, token) => this.#process(handler, options.workerId, job, token),
      {
        connection: this.#connection,
        prefix: this.queue.opts.prefix,
        concurrency: options.concurrency,
        name: options.workerId,
        lockDuration: this.#options.lockDurationMs ?? 10_000,
        stalledInterval: this.#options.stalledIntervalMs ?? 3_000,
        // A deploy may kill a worker twice in a row; a job that kills every worker fails on the third.
        maxStalledCount: 2,
      },
    );
    this.#worker.on('error', (error) => this.#logger('warn', `BullMQ worker: ${error.message}`));
    await this.#worker.waitUntilReady();
    await this.#startSweep();
  }

  async cancel(jobId: string): Promise<void> {
    const job = await this.queue.getJob(bullmqJobId(jobId));
    const state = job ? await job.getState() : 'unknown';
    if (job && WAITING_STATES.has(state)) {
      // Fails when a worker took the job meanwhile; the message below reaches it then.
      await job.remove().catch(() => undefined);
    }
    await this.#cancels.publish(jobId);
  }

  async stats(): Promise<QueueStats> {
    const counts = await this.queue.getJobCounts(
      'waiting',
      'prioritized',
      'paused',
      'active',
      'delayed',
      'failed',
      'completed',
    );
    const count = (state: string) => counts[state] ?? 0;
    return {
      waiting: count('waiting') + count('prioritized') + count('paused'),
      active: count('active'),
      delayed: count('delayed'),
      failed: count('failed'),
      completed: count('completed'),
    };
  }

  async ping(): Promise<void> {
    await pingRedis(this.#connection);
  }

  close(graceMs = DEFAULT_GRACE_MS): Promise<void> {
    this.#closing ??= this.#shutdown(graceMs);
    return this.#closing;
  }

  async #shutdown(graceMs: number): Promise<void> {
    await this.#sweep?.stop();
    if (this.#worker) {
      // BullMQ stops fetching and waits for the running handlers, renewing their locks meanwhile.
      await settleWithinGrace(this.#worker.close(), graceMs, () => {
        for (const controller of this.#running.values()) controller.abort(new WorkerShutdownError());
      });
    }
    await this.#cancels.close();
    await this.queue.close();
    await quitRedis(this.#connection);
  }

  /** A job still waiting, delayed or running counts; a finished record would hide a re-run. */
  async #isQueued(id: string): Promise<boolean> {
    const job = await this.queue.getJob(id);
    if (!job) return false;
    const state = await job.getState();
    if (state === 'active' || WAITING_STATES.has(state)) return true;
    // A retried job (store: failed → pending) enqueued again must run, not meet its old record.
    if (state === 'completed' || state === 'failed') await job.remove().catch(() => undefined);
    return false;
  }

  async #startSweep(): Promise<void> {
    const store = this.#options.store;
    if (!store) return;
    this.#sweep = new ClaimableSweep(store, {
      intervalMs: this.#options.sweepIntervalMs ?? 10_000,
      logger: this.#logger,
      // Idempotent: a job BullMQ still holds (waiting, delayed, running) is left as it is.
      onClaimable: (jobId) => (this.#closing ? undefined : this.enqueue(jobId)),
    });
    await this.#sweep.start();
  }

  async #process(
    handler: JobHandler,
    workerId: string,
    job: Job<JobData>,
    token: string | undefined,
  ): Promise<void> {
    const { jobId, traceparent } = job.data;
    const controller = new AbortController();
    this.#running.set(jobId, controller);
    let outcome: { error: unknown } | undefined;
    try {
      await handler(jobId, {
        signal: controller.signal,
        // attemptsMade counts failed attempts only, so a stalled (crashed) run does not spend one.
        attempt: job.attemptsMade + 1,
        workerId,
        traceparent,
      });
    } catch (error) {
      outcome = { error };
    } finally {
      this.#running.delete(jobId);
    }
    if (isShutdownAbort(controller.signal)) {
      // Whatever the handler did (the runner hands the job back to the store and returns), the
      // job goes back to waiting without spending an attempt: the next worker claims it, or
      // finds it finished and does nothing.
      await job.moveToWait(token);
      throw new WaitingError();
    }
    if (outcome) throw this.#failure(job, controller.signal, outcome.error);
  }

  /** What BullMQ should do with a handler's error: retry with backoff, or fail the job. */
  #failure(job: Job<JobData>, signal: AbortSignal, error: unknown): Error {
    const jobId = job.data.jobId;
    if (isRetryable(error) && !signal.aborted) {
      const attempts = job.opts.attempts ?? 1;
      if (job.attemptsMade + 1 >= attempts) {
        this.#logger('error', `job still failing after ${attempts} attempts; no retry left`, {
          jobId,
          error,
        });
      }
      return error as Error;
    }
    this.#logger('error', 'job handler failed; the job is left to the store', { jobId, error });
    return new UnrecoverableError(describeError(error));
  }
}
