import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { BullmqQueue, type BullmqQueueOptions } from '../../../src/service/queue/bullmq-queue.ts';
import { registerQueueDashboard } from '../../../src/service/queue/queue-dashboard.ts';
import type { QueueLogger } from '../../../src/service/queue/queue-logger.ts';
import { TEST_REDIS_URL, deleteRedisKeys, uniqueRedisPrefix } from '../support/redis-keys.ts';
import { storeHandler } from '../support/store-handler.ts';
import { createStoreTemplate, openEmbeddedStores } from '../support/store-template.ts';
import { aborted, sleep, waitFor } from '../support/wait-for.ts';
import { describeJobQueueContract } from './job-queue-contract.ts';

const quiet: QueueLogger = () => undefined;

describeJobQueueContract('bullmq', async ({ backoffMs }) => {
  const prefix = uniqueRedisPrefix('queue');
  const options = { redisUrl: TEST_REDIS_URL, prefix, backoffMs, logger: quiet };
  const queue = new BullmqQueue(options);
  const peers: BullmqQueue[] = [];
  return {
    queue,
    // BullMQ needs no row: the job is its id.
    createJob: async () => `job-${randomUUID()}`,
    wrap: (work) => work,
    requestCancel: async () => undefined,
    async openPeer() {
      const peer = new BullmqQueue(options);
      peers.push(peer);
      return peer;
    },
    async dispose() {
      await queue.close(0);
      for (const peer of peers) await peer.close();
      await deleteRedisKeys(prefix);
    },
  };
});

describe('BullmqQueue', () => {
  const queues: BullmqQueue[] = [];
  const prefixes: string[] = [];
  const children: ChildProcess[] = [];

  function open(overrides: Partial<BullmqQueueOptions> = {}): BullmqQueue {
    const prefix = prefixes[prefixes.length - 1] ?? uniqueRedisPrefix('queue');
    if (prefixes.length === 0) prefixes.push(prefix);
    const queue = new BullmqQueue({ redisUrl: TEST_REDIS_URL, prefix, logger: quiet, ...overrides });
    queues.push(queue);
    return queue;
  }

  afterEach(async () => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    for (const queue of queues.splice(0)) await queue.close(0);
    for (const prefix of prefixes.splice(0)) await deleteRedisKeys(prefix);
  });

  it('gives the job of a SIGKILLed worker to another worker within seconds, without spending an attempt', async () => {
    const timing = { lockDurationMs: 2000, stalledIntervalMs: 1000 };
    const queue = open(timing);
    const jobId = `job-${randomUUID()}`;
    await queue.enqueue(jobId, { traceparent: 'trace-of-the-request' });
    const doomed = startWorkerProcess(prefixes[0]!, timing);
    children.push(doomed.child);
    await doomed.waitFor(`started ${jobId} 1`);
    doomed.child.kill('SIGKILL');
    const killedAt = Date.now();

    const runs: { attempt: number; traceparent: string | undefined; at: number }[] = [];
    await queue.startWorker(async (_id, context) => void runs.push({ ...context, at: Date.now() }), {
      concurrency: 1,
      workerId: 'survivor',
    });
    await waitFor(() => runs.length === 1, 'the stalled job to run again', 15_000);
    expect(runs[0]).toMatchObject({ attempt: 1, traceparent: 'trace-of-the-request' });
    // Lock expiry plus at most two stalled checks (the first marks, the second moves).
    expect(runs[0]!.at - killedAt).toBeLessThan(timing.lockDurationMs + 3 * timing.stalledIntervalMs + 2000);
  });

  it('hands a job stopped by a shutdown back to waiting for the next worker', async () => {
    const first = open();
    const jobId = `job-${randomUUID()}`;
    await first.enqueue(jobId);
    const stopped: unknown[] = [];
    // Like the job runner: on shutdown it releases the job in the store and returns normally.
    await first.startWorker(async (_id, context) => void stopped.push(await aborted(context.signal)), {
      concurrency: 1,
      workerId: 'leaving',
    });
    await waitFor(async () => (await first.stats()).active === 1, 'the job to start');
    await first.close(100);
    expect(stopped).toHaveLength(1);

    const second = open();
    const runs: number[] = [];
    await second.startWorker(async (_id, context) => void runs.push(context.attempt), {
      concurrency: 1,
      workerId: 'arriving',
    });
    await waitFor(() => runs.length === 1, 'the next worker to run the job');
    expect(runs).toEqual([1]);
  });

  it('dedupes jobs with different ids and the same idempotency key while the first is queued', async () => {
    const queue = open();
    await queue.enqueue('job-one', { idempotencyKey: 'POST /vms#42' });
    await queue.enqueue('job-two', { idempotencyKey: 'POST /vms#42' });
    const runs: string[] = [];
    await queue.startWorker(async (id) => void runs.push(id), { concurrency: 2, workerId: 'w' });
    await waitFor(() => runs.length === 1, 'the job to run');
    await sleep(300);
    expect(runs).toEqual(['job-one']);
  });

  it('runs a finished job again when it is enqueued again (a retried job)', async () => {
    const queue = open();
    const runs: string[] = [];
    await queue.startWorker(async (id) => void runs.push(id), { concurrency: 1, workerId: 'w' });
    await queue.enqueue('job:with:colons');
    await waitFor(() => runs.length === 1, 'the first run');
    await waitFor(async () => (await queue.stats()).completed === 1, 'BullMQ to record the completion');
    await queue.enqueue('job:with:colons');
    await waitFor(() => runs.length === 2, 'the second run');
    expect(runs).toEqual(['job:with:colons', 'job:with:colons']);
  });

  it('fails a job in BullMQ when its handler throws a plain error, and logs it', async () => {
    const logged: string[] = [];
    const queue = open({ logger: (level, message) => logged.push(`${level} ${message}`) });
    await queue.enqueue('job-broken', { attempts: 3 });
    let runs = 0;
    await queue.startWorker(
      async () => {
        runs += 1;
        throw new Error('engine crashed');
      },
      { concurrency: 1, workerId: 'w' },
    );
    await waitFor(async () => (await queue.stats()).failed === 1, 'the job to fail');
    expect(runs).toBe(1);
    expect(logged).toEqual(['error job handler failed; the job is left to the store']);
  });

  it('serves the dashboard for its queue', async () => {
    const queue = open({ queueName: 'jobs' });
    await queue.enqueue('job-on-the-board');
    const app = Fastify();
    try {
      await registerQueueDashboard(app, queue);
      const page = await app.inject({ method: 'GET', url: '/admin/queues' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      const api = await app.inject({ method: 'GET', url: '/admin/queues/api/queues' });
      expect(api.statusCode).toBe(200);
      const names = (api.json() as { queues: { name: string; readOnlyMode: boolean }[] }).queues;
      expect(names).toEqual([expect.objectContaining({ name: 'jobs', readOnlyMode: true })]);
    } finally {
      await app.close();
    }
  });

  it('takes from the store a claimable job that Redis does not hold', async () => {
    const template = await createStoreTemplate();
    const dir = await template.copy();
    const stores = await openEmbeddedStores(dir.path);
    try {
      const { job } = await stores.jobs.create({ projectId: 'default', kind: 'api-tests', input: {} });
      // Never enqueued: as if Redis had been flushed, or the enqueue was lost with its process.
      const queue = open({ store: stores.jobs, sweepIntervalMs: 200 });
      const runs: string[] = [];
      await queue.startWorker(
        storeHandler(stores.jobs, async (id) => void runs.push(id)),
        {
          concurrency: 1,
          workerId: 'w',
        },
      );
      await waitFor(() => runs.length === 1, 'the job found in the store to run');
      await sleep(600);
      expect(runs).toEqual([job.id]);
      expect((await stores.jobs.get(job.id))?.status).toBe('completed');
      await queue.close();
    } finally {
      await stores.close();
      await dir.remove();
      await template.remove();
    }
  });

  it('rejects a ping when Redis does not answer, and still closes', async () => {
    const queue = new BullmqQueue({ redisUrl: 'redis://127.0.0.1:1', logger: quiet });
    await expect(queue.ping()).rejects.toThrow(/PING/);
    await queue.close(0);
  });
});

/** Runs the worker fixture in its own Node process, as `testops worker` would run. */
function startWorkerProcess(prefix: string, timing: { lockDurationMs: number; stalledIntervalMs: number }) {
  const script = fileURLToPath(new URL('./fixtures/bullmq-worker-process.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: {
      ...process.env,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
      LOCK_DURATION_MS: String(timing.lockDurationMs),
      STALLED_INTERVAL_MS: String(timing.stalledIntervalMs),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {
    child,
    waitFor: (line: string) =>
      waitFor(() => output.includes(line), `the worker process to print "${line}"`, 30_000),
  };
}
