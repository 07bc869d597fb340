import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobHandler, JobQueue } from '../../../src/service/jobs/job-queue.ts';
import { InProcessQueue } from '../../../src/service/queue/in-process-queue.ts';
import type { QueueLogger } from '../../../src/service/queue/queue-logger.ts';
import type { Stores } from '../../../src/service/store/stores.ts';
import type { TempDataDir } from '../support/databases.ts';
import { createStoreTemplate, openEmbeddedStores, type StoreTemplate } from '../support/store-template.ts';
import { storeHandler } from '../support/store-handler.ts';
import { aborted, sleep, waitFor } from '../support/wait-for.ts';
import { describeJobQueueContract } from './job-queue-contract.ts';

let template: StoreTemplate;
beforeAll(async () => {
  template = await createStoreTemplate();
});
afterAll(async () => {
  await template?.remove();
});

const quiet: QueueLogger = () => undefined;

/** A fresh embedded database per test, copied from the migrated template. */
async function openStoresInCopy(): Promise<{ stores: Stores; dir: TempDataDir }> {
  const dir = await template.copy();
  return { stores: await openEmbeddedStores(dir.path), dir };
}

function createJob(stores: Stores, options: { idempotencyKey?: string; maxAttempts?: number } = {}) {
  return stores.jobs
    .create({ projectId: 'default', kind: 'api-tests', input: {}, ...options })
    .then(({ job }) => job.id);
}

describeJobQueueContract('in-process', async ({ backoffMs }) => {
  const { stores, dir } = await openStoresInCopy();
  // A short poll so the contract also proves the poll never runs a job twice.
  const queue = new InProcessQueue(stores.jobs, { backoffMs, pollIntervalMs: 100, logger: quiet });
  return {
    queue,
    createJob: (options) => createJob(stores, options),
    wrap: (work) => storeHandler(stores.jobs, work),
    requestCancel: async (jobId) => void (await stores.jobs.requestCancel(jobId)),
    // One process: the peer of an in-process queue is the queue itself.
    openPeer: async () => queue,
    async dispose() {
      await queue.close(0);
      await stores.close();
      await dir.remove();
    },
  };
});

describe('InProcessQueue', () => {
  const opened: { close(): Promise<unknown> }[] = [];
  const dirs: TempDataDir[] = [];

  async function track<T extends { close(): Promise<unknown> }>(resource: T): Promise<T> {
    opened.push(resource);
    return resource;
  }

  afterAll(async () => {
    for (const resource of opened.reverse()) await resource.close();
    for (const dir of dirs) await dir.remove();
  });

  it('runs again, once, a job whose worker crashed, after its lease expires', async () => {
    const dir = await template.copy();
    dirs.push(dir);
    // Long enough that reopening the stores on a loaded machine ends well inside it: the
    // crashed job must still hold its lease when the new worker starts.
    const leaseMs = 5_000;
    const before = await openEmbeddedStores(dir.path);
    const crashed = await createJob(before);
    const pending = await createJob(before);
    const first = new InProcessQueue(before.jobs, { logger: quiet });
    let started = 0;
    const hang: JobHandler = async (_jobId, context) => {
      started += 1;
      throw await aborted(context.signal);
    };
    await first.startWorker(storeHandler(before.jobs, hang, { leaseMs, onShutdown: 'crash' }), {
      concurrency: 1,
      workerId: 'before-crash',
    });
    await waitFor(() => started === 1, 'the first job to start');
    // A crash: the handler stops without finishing or releasing; the store keeps its lease.
    await first.close(0);
    await before.close();
    const crashedAt = Date.now();

    const after = await track(await openEmbeddedStores(dir.path));
    expect((await after.jobs.get(crashed))?.status).toBe('running');
    const second: JobQueue = await track(
      new InProcessQueue(after.jobs, { pollIntervalMs: 100, logger: quiet }),
    );
    const runs: { jobId: string; at: number }[] = [];
    await second.startWorker(
      storeHandler(after.jobs, async (jobId) => void runs.push({ jobId, at: Date.now() }), { leaseMs }),
      { concurrency: 2, workerId: 'after-restart' },
    );
    await waitFor(() => runs.length === 2, 'both jobs to run after the restart', 20_000);
    await sleep(500);
    // The pending job runs at once (recovery); the crashed one only when its lease is over (poll).
    expect(runs.map((run) => run.jobId)).toEqual([pending, crashed]);
    expect(runs[1]!.at - crashedAt).toBeGreaterThanOrEqual(leaseMs - 200);
    const record = await after.jobs.get(crashed);
    expect(record).toMatchObject({ status: 'completed', attempts: 2 });
    expect((await after.jobs.get(pending))?.status).toBe('completed');
  });

  it('recovers on start a job interrupted before a restart, once its lease expired', async () => {
    const dir = await template.copy();
    dirs.push(dir);
    const before = await openEmbeddedStores(dir.path);
    const jobId = await createJob(before);
    await before.jobs.claim(jobId, 'dead-worker', 300);
    await before.close();
    await sleep(400);
    const after = await track(await openEmbeddedStores(dir.path));
    const queue = await track(new InProcessQueue(after.jobs, { logger: quiet }));
    const runs: string[] = [];
    await queue.startWorker(
      storeHandler(after.jobs, async (id) => void runs.push(id)),
      {
        concurrency: 1,
        workerId: 'restarted',
      },
    );
    await waitFor(() => runs.length === 1, 'the interrupted job to run');
    expect(runs).toEqual([jobId]);
    await waitFor(async () => (await after.jobs.get(jobId))?.status === 'completed', 'the job to complete');
  });

  it('dedupes by idempotency key across job ids while the first is held', async () => {
    const { stores, dir } = await openStoresInCopy();
    dirs.push(dir);
    await track(stores);
    const queue = await track(new InProcessQueue(stores.jobs, { logger: quiet }));
    const runs: string[] = [];
    await queue.enqueue('job-one', { idempotencyKey: 'same' });
    await queue.enqueue('job-two', { idempotencyKey: 'same' });
    await queue.startWorker(async (id) => void runs.push(id), { concurrency: 2, workerId: 'w' });
    await waitFor(() => runs.length === 1, 'the job to run');
    await sleep(200);
    expect(runs).toEqual(['job-one']);
  });

  it('logs a handler error and leaves the job to the store', async () => {
    const { stores, dir } = await openStoresInCopy();
    dirs.push(dir);
    await track(stores);
    const logged: string[] = [];
    const queue = await track(
      new InProcessQueue(stores.jobs, {
        logger: (level, message, details) => logged.push(`${level} ${message} ${details?.jobId}`),
      }),
    );
    const jobId = await createJob(stores);
    await queue.enqueue(jobId);
    await queue.startWorker(
      async (id, context) => {
        await stores.jobs.claim(id, context.workerId, 60_000);
        throw new Error('engine crashed');
      },
      { concurrency: 1, workerId: 'w' },
    );
    await waitFor(() => logged.length === 1, 'the error to be logged');
    expect(logged[0]).toBe(`error job handler failed; the job is left to the store ${jobId}`);
    expect((await stores.jobs.get(jobId))?.status).toBe('running');
    expect(await queue.stats()).toMatchObject({ failed: 1, active: 0 });
  });
});
