import { JobCancelledError, isShutdownAbort } from '../../../src/service/queue/abort-reasons.ts';
import { isRetryable } from '../../../src/service/queue/retry-policy.ts';
import type { JobHandler } from '../../../src/service/jobs/job-queue.ts';
import type { JobStore } from '../../../src/service/jobs/job-store.ts';

export interface StoreHandlerOptions {
  leaseMs?: number;
  /** 'release' hands the job back like the runner does; 'crash' leaves it running with its lease. */
  onShutdown?: 'release' | 'crash';
}

/**
 * The job runner's protocol with the store, without the engine: claim, run `work`, then finish,
 * release for a retry, or leave the job. Queue tests wrap their handlers in it, so the
 * in-process queue meets a store that behaves as in production (its poll sees finished jobs as
 * finished).
 */
export function storeHandler(
  store: JobStore,
  work: JobHandler,
  options: StoreHandlerOptions = {},
): JobHandler {
  return async (jobId, context) => {
    const job = await store.claim(jobId, context.workerId, options.leaseMs ?? 30_000);
    if (!job) return;
    try {
      await work(jobId, context);
    } catch (error) {
      if (isShutdownAbort(context.signal)) {
        if (options.onShutdown !== 'crash') await store.release(jobId, context.workerId, stopped);
        throw error;
      }
      if (isRetryable(error) && job.attempts < job.maxAttempts) {
        await store.release(jobId, context.workerId, { code: 'TEST_RETRY', message: String(error) });
      } else {
        await store.finish(jobId, context.workerId, {
          status: 'failed',
          errors: [{ code: 'TEST', message: String(error) }],
        });
      }
      throw error;
    }
    const cancelled = context.signal.reason instanceof JobCancelledError;
    await store.finish(
      jobId,
      context.workerId,
      cancelled ? { status: 'cancelled' } : { status: 'completed', summary: {} },
    );
  };
}

const stopped = { code: 'TESTOPS_WORKER_STOPPED', message: 'the worker stopped while the job ran' };
