import { afterEach, describe, expect, it } from 'vitest';
import { RetryableJobError, type JobHandler, type JobQueue } from '../../../src/service/jobs/job-queue.ts';
import { JobCancelledError, WorkerShutdownError } from '../../../src/service/queue/abort-reasons.ts';
import { aborted, gate, sleep, waitFor } from '../support/wait-for.ts';

/** One adapter as the contract drives it, with what the rest of the service does around it. */
export interface QueueUnderTest {
  queue: JobQueue;
  /** Creates a job the queue can run (a row in the store where the adapter reads one). */
  createJob(options?: { idempotencyKey?: string; maxAttempts?: number }): Promise<string>;
  /** What the job runner does around the work (claim, finish) where the adapter relies on it. */
  wrap(work: JobHandler): JobHandler;
  /** What the HTTP layer does before it cancels through the queue (the store's request). */
  requestCancel(jobId: string): Promise<void>;
  /** A second queue on the same backend, as another process opens it (for BullMQ, without a worker). */
  openPeer(): Promise<JobQueue>;
  /** Closes everything still open and removes what the test left behind. */
  dispose(): Promise<void>;
}

export type OpenQueueUnderTest = (options: { backoffMs: number }) => Promise<QueueUnderTest>;

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const BACKOFF_MS = 150;

interface Call {
  jobId: string;
  attempt: number;
  traceparent: string | undefined;
  workerId: string;
  at: number;
}

/**
 * The JobQueue contract: every adapter (in-process, BullMQ) passes the same tests, so the
 * service can switch between them by configuration alone.
 */
export function describeJobQueueContract(name: string, open: OpenQueueUnderTest): void {
  describe(`JobQueue contract: ${name}`, () => {
    let subject: QueueUnderTest | undefined;
    const start = async () => (subject = await open({ backoffMs: BACKOFF_MS }));

    afterEach(async () => {
      await subject?.dispose();
      subject = undefined;
    });

    /** Records every call the queue makes (outermost, so calls the runner would ignore count too). */
    function recorder(q: QueueUnderTest, work: JobHandler = async () => undefined) {
      const calls: Call[] = [];
      const handler: JobHandler = async (jobId, context) => {
        const { attempt, traceparent, workerId } = context;
        calls.push({ jobId, attempt, traceparent, workerId, at: Date.now() });
        await q.wrap(work)(jobId, context);
      };
      return { calls, handler };
    }

    it('runs an enqueued job once, as attempt 1, with the trace context', async () => {
      const q = await start();
      const jobId = await q.createJob();
      const { calls, handler } = recorder(q);
      await q.queue.enqueue(jobId, { traceparent: TRACEPARENT });
      await q.queue.startWorker(handler, { concurrency: 2, workerId: 'worker-a' });
      await waitFor(() => calls.length === 1, 'the job to run');
      await sleep(600);
      expect(calls.map(({ at: _at, ...call }) => call)).toEqual([
        { jobId, attempt: 1, traceparent: TRACEPARENT, workerId: 'worker-a' },
      ]);
    });

    it('runs a job enqueued twice with the same idempotency key once', async () => {
      const q = await start();
      const jobId = await q.createJob({ idempotencyKey: 'create-vm-42' });
      const { calls, handler } = recorder(q);
      await q.queue.enqueue(jobId, { idempotencyKey: 'create-vm-42' });
      await q.queue.enqueue(jobId, { idempotencyKey: 'create-vm-42' });
      await q.queue.startWorker(handler, { concurrency: 2, workerId: 'worker-a' });
      await q.queue.enqueue(jobId, { idempotencyKey: 'create-vm-42' });
      await waitFor(() => calls.length >= 1, 'the job to run');
      await sleep(600);
      expect(calls.map((call) => call.jobId)).toEqual([jobId]);
    });

    it('never runs more handlers at once than the concurrency', async () => {
      const q = await start();
      const jobIds = await Promise.all(Array.from({ length: 6 }, () => q.createJob()));
      let active = 0;
      let most = 0;
      const { calls, handler } = recorder(q, async () => {
        active += 1;
        most = Math.max(most, active);
        await sleep(300);
        active -= 1;
      });
      for (const jobId of jobIds) await q.queue.enqueue(jobId);
      await q.queue.startWorker(handler, { concurrency: 2, workerId: 'worker-a' });
      await waitFor(() => calls.length === 6 && active === 0, 'six jobs to run', 15_000);
      expect(most).toBe(2);
      expect(new Set(calls.map((call) => call.jobId))).toEqual(new Set(jobIds));
    });

    it('retries a RetryableJobError with growing delays until an attempt succeeds', async () => {
      const q = await start();
      const jobId = await q.createJob();
      const { calls, handler } = recorder(q, async (_jobId, context) => {
        if (context.attempt < 3) throw new RetryableJobError(`target busy (attempt ${context.attempt})`);
      });
      await q.queue.enqueue(jobId, { attempts: 3 });
      await q.queue.startWorker(handler, { concurrency: 1, workerId: 'worker-a' });
      await waitFor(() => calls.length === 3, 'three attempts');
      await sleep(600);
      expect(calls.map((call) => call.attempt)).toEqual([1, 2, 3]);
      const [first, second, third] = calls.map((call) => call.at) as [number, number, number];
      expect(second - first).toBeGreaterThanOrEqual(BACKOFF_MS * 0.9);
      expect(third - second).toBeGreaterThanOrEqual(BACKOFF_MS * 2 * 0.9);
    });

    it('stops retrying when the attempts are spent', async () => {
      const q = await start();
      // The service enqueues with the job's own budget; the store then agrees that it is spent.
      const jobId = await q.createJob({ maxAttempts: 2 });
      const { calls, handler } = recorder(q, async () => {
        throw new RetryableJobError('still busy');
      });
      await q.queue.enqueue(jobId, { attempts: 2 });
      await q.queue.startWorker(handler, { concurrency: 1, workerId: 'worker-a' });
      await waitFor(() => calls.length === 2, 'two attempts');
      await sleep(BACKOFF_MS * 6);
      expect(calls.map((call) => call.attempt)).toEqual([1, 2]);
    });

    it('never runs a job cancelled while it waits', async () => {
      const q = await start();
      const [first, cancelled, last] = [await q.createJob(), await q.createJob(), await q.createJob()];
      const release = gate();
      const { calls, handler } = recorder(q, async (jobId) => {
        if (jobId === first) await release.opened;
      });
      for (const jobId of [first, cancelled, last]) await q.queue.enqueue(jobId);
      await q.queue.startWorker(handler, { concurrency: 1, workerId: 'worker-a' });
      await waitFor(() => calls.length === 1, 'the first job to start');
      const peer = await q.openPeer();
      await q.requestCancel(cancelled);
      await peer.cancel(cancelled);
      release.open();
      await waitFor(() => calls.some((call) => call.jobId === last), 'the job after the cancelled one');
      await sleep(300);
      expect(calls.map((call) => call.jobId)).toEqual([first, last]);
    });

    it('aborts the signal of a running job cancelled from another queue instance', async () => {
      const q = await start();
      const jobId = await q.createJob();
      const reasons: unknown[] = [];
      const { calls, handler } = recorder(q, async (_jobId, context) => {
        reasons.push(await aborted(context.signal));
      });
      await q.queue.enqueue(jobId);
      await q.queue.startWorker(handler, { concurrency: 1, workerId: 'worker-a' });
      await waitFor(() => calls.length === 1, 'the job to start');
      const peer = await q.openPeer();
      await q.requestCancel(jobId);
      await peer.cancel(jobId);
      await waitFor(() => reasons.length === 1, 'the handler to see the cancellation', 5000);
      expect(reasons[0]).toBeInstanceOf(JobCancelledError);
    });

    it('waits for running handlers when it closes', async () => {
      const q = await start();
      const jobId = await q.createJob();
      let finished = false;
      const { calls, handler } = recorder(q, async () => {
        await sleep(400);
        finished = true;
      });
      await q.queue.enqueue(jobId);
      await q.queue.startWorker(handler, { concurrency: 1, workerId: 'worker-a' });
      await waitFor(() => calls.length === 1, 'the job to start');
      await q.queue.close(10_000);
      expect(finished).toBe(true);
      await expect(q.queue.enqueue(await q.createJob())).rejects.toThrow(/closed/);
    });

    it('aborts running handlers once the grace period is over, then waits for them', async () => {
      const q = await start();
      const jobId = await q.createJob();
      const reasons: unknown[] = [];
      const { calls, handler } = recorder(q, async (_jobId, context) => {
        reasons.push(await aborted(context.signal));
        await sleep(100);
        throw context.signal.reason;
      });
      await q.queue.enqueue(jobId);
      await q.queue.startWorker(handler, { concurrency: 1, workerId: 'worker-a' });
      await waitFor(() => calls.length === 1, 'the job to start');
      const started = Date.now();
      await q.queue.close(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      expect(reasons).toHaveLength(1);
      expect(reasons[0]).toBeInstanceOf(WorkerShutdownError);
    });

    it('reports its counts and answers a ping', async () => {
      const q = await start();
      const jobId = await q.createJob();
      await q.queue.enqueue(jobId);
      await q.queue.ping();
      expect(await q.queue.stats()).toMatchObject({ waiting: 1, active: 0 });
      const { calls, handler } = recorder(q);
      await q.queue.startWorker(handler, { concurrency: 1, workerId: 'worker-a' });
      await waitFor(
        async () => calls.length === 1 && (await q.queue.stats()).completed === 1,
        'the job to complete',
      );
      expect(await q.queue.stats()).toMatchObject({ waiting: 0, active: 0 });
    });
  });
}
