// Model breakers and concurrency limits shared by worker threads (each service job has one):
// real threads calling the fixture model server over HTTP through the real resilient fetch.
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { SharedLlmState, SharedLlmStateOwner, type SharedLlmHandle } from '../../src/llm/shared-llm-state.ts';
import { startModelServer, type ModelServer } from '../support/model-fixture-server.ts';
import type { ModelThreadStart } from '../support/model-thread.ts';

const ENTRY = new URL('../support/model-thread-entry.js', import.meta.url);
let server: ModelServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Threads that each send `calls` requests at once, all at the same moment; each one's statuses or error codes. */
async function threads(llmStates: (SharedLlmHandle | undefined)[], calls: number): Promise<string[][]> {
  const workers = llmStates.map((llmState) => {
    const start: ModelThreadStart = { llmState, calls, env: environment() };
    return new Worker(ENTRY, { workerData: start });
  });
  const ready = workers.map(
    (worker) =>
      new Promise<void>((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('error', reject);
      }),
  );
  await Promise.all(ready);
  const outcomes = workers.map(
    (worker) =>
      new Promise<string[]>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage('go');
      }),
  );
  try {
    return await Promise.all(outcomes);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

function environment(): Record<string, string> {
  return {
    TESTOPS_LLM_BASE_URL: server!.baseUrl,
    TESTOPS_LLM_MODEL: 'fixture-json-mode',
    TESTOPS_LLM_CONCURRENCY: '2',
    TESTOPS_LLM_MAX_RETRIES: '0',
  };
}

const chatRequests = () =>
  server!.requests.filter((request) => request.path === '/v1/chat/completions').length;

describe('model state shared by threads', () => {
  it('keeps at most N requests in flight across two threads', async () => {
    server = await startModelServer({ scenario: 'success', latencyMs: 150 });
    const owner = new SharedLlmStateOwner();
    const outcomes = await threads([owner.lease(), owner.lease()], 4);
    expect(outcomes.flat()).toEqual(Array.from({ length: 8 }, () => '200'));
    expect(server.peakInFlight).toBe(2);
  });

  it('without the shared state each thread has its own limit (the failure this prevents)', async () => {
    server = await startModelServer({ scenario: 'success', latencyMs: 150 });
    await threads([undefined, undefined], 4);
    expect(server.peakInFlight).toBe(4);
  });

  it('a breaker one thread opened is open in the other: no request reaches the provider', async () => {
    server = await startModelServer({ scenario: 'server-error' });
    const owner = new SharedLlmStateOwner();
    expect(await threads([owner.lease()], 5)).toEqual([
      Array.from({ length: 5 }, () => 'TESTOPS_LLM_UNAVAILABLE'),
    ]);
    expect(chatRequests()).toBe(5);
    // The other thread; and for contrast one with a breaker of its own, which still tries the provider.
    expect(await threads([owner.lease(), undefined], 1)).toEqual([
      ['TESTOPS_LLM_CIRCUIT_OPEN'],
      ['TESTOPS_LLM_UNAVAILABLE'],
    ]);
    expect(chatRequests()).toBe(6);
  });

  it('gives back the slots a terminated thread still held', async () => {
    server = await startModelServer({ scenario: 'success', latencyMs: 60_000 });
    const owner = new SharedLlmStateOwner();
    const stuck = owner.lease()!;
    const worker = new Worker(ENTRY, {
      workerData: { llmState: stuck, calls: 2, env: environment() } satisfies ModelThreadStart,
    });
    worker.once('message', () => worker.postMessage('go'));
    await expect.poll(() => server!.inFlight, { timeout: 30_000 }).toBe(2);
    // Stopped mid-call, as a job that times out: its `finally` never runs.
    await worker.terminate();
    owner.release(stuck);
    // The same provider's limit, seen from another lease: both slots are free again.
    const limit = new SharedLlmState(owner.lease()!).limit(server.baseUrl, 2)!;
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('still waiting'), 2_000));
    const both = Promise.all([limit.run(async () => 'ran'), limit.run(async () => 'ran')]);
    expect(await Promise.race([both, timeout])).toEqual(['ran', 'ran']);
  });
});
