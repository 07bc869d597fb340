import type { JobError } from '../jobs/job.ts';
import type { JobStore } from '../jobs/job-store.ts';
import type { QueueLogger } from './queue-logger.ts';

export interface ClaimableSweepOptions {
  intervalMs: number;
  /** Ids read per pass; the rest come on later passes. */
  batch?: number;
  logger: QueueLogger;
  /** Hands one claimable job to the queue; the queue ignores the ids it already holds. */
  onClaimable: (jobId: string) => Promise<void> | void;
}

const EXHAUSTED: JobError = {
  code: 'TESTOPS_JOB_ATTEMPTS_EXHAUSTED',
  message:
    'The job stopped without finishing in its last attempt: its worker crashed, was killed, or stalled past its lease. ' +
    'With {attempts} of {max_attempts} attempts used it does not run again; retry the task once the cause is fixed.',
};

/**
 * The store is the truth about which jobs still have to run; a queue only carries ids. This
 * sweep reconciles the two: at start (recovery after a crash or restart) and then every few
 * seconds (a lease that expired because its worker died, a job lost from Redis).
 */
export class ClaimableSweep {
  readonly #store: JobStore;
  readonly #options: ClaimableSweepOptions;
  #timer: NodeJS.Timeout | undefined;
  #pass: Promise<void> | undefined;
  #stopped = false;

  constructor(store: JobStore, options: ClaimableSweepOptions) {
    this.#store = store;
    this.#options = options;
  }

  /** Runs the first pass (its failure is the caller's: the worker cannot start), then polls. */
  async start(): Promise<void> {
    await this.#run();
    if (this.#stopped) return;
    this.#timer = setInterval(() => void this.#tick(), this.#options.intervalMs);
    // Polling alone must not keep a process alive that has nothing else to do.
    this.#timer.unref();
  }

  /** Stops polling and waits for a pass in flight, so the store is not used after it closes. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    await this.#pass?.catch(() => undefined);
  }

  async #tick(): Promise<void> {
    if (this.#pass || this.#stopped) return;
    try {
      await this.#run();
    } catch (error) {
      this.#options.logger('warn', 'could not poll the job store for claimable jobs', { error });
    }
  }

  #run(): Promise<void> {
    this.#pass = this.#sweep().finally(() => (this.#pass = undefined));
    return this.#pass;
  }

  async #sweep(): Promise<void> {
    // Interrupted jobs with no attempts left would otherwise be claimed and run once more.
    await this.#store.failExhausted(EXHAUSTED);
    const ids = await this.#store.listClaimable(this.#options.batch ?? 100);
    for (const id of ids) {
      if (this.#stopped) return;
      await this.#options.onClaimable(id);
    }
  }
}
