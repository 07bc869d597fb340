import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startComputeApi, type ComputeApiServer } from '../../../examples/compute-api/server.ts';
import { loadServiceConfig } from '../../../src/service/config.ts';
import { startServer, type RunningServer } from '../../../src/service/start-server.ts';
import {
  createTestDatabase,
  tempDataDir,
  type TempDataDir,
  type TestDatabase,
} from '../support/databases.ts';
import { deleteRedisKeys, TEST_REDIS_URL, uniqueRedisPrefix } from '../support/redis-keys.ts';
import { computeApiSpec, postJson, readEvents, waitForTask } from '../support/service-client.ts';
import { waitFor } from '../support/wait-for.ts';

// Distributed mode for real: the API server on PostgreSQL + Redis, `testops worker` processes
// started as a user would, one of them killed with SIGKILL in the middle of a job.
const BIN = new URL('../../../bin/testops.js', import.meta.url).pathname;

let database: TestDatabase;
let dataDir: TempDataDir;
let compute: ComputeApiServer;
let server: RunningServer;
const prefix = uniqueRedisPrefix('dist');
const workers: ChildProcess[] = [];
let env: Record<string, string>;

beforeAll(async () => {
  database = await createTestDatabase('testops_dist');
  dataDir = await tempDataDir();
  compute = await startComputeApi({ fault: null });
  env = {
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    TESTOPS_QUEUE_PREFIX: prefix,
    TESTOPS_SECRET_KEY: randomBytes(32).toString('base64'),
    TESTOPS_DATA_DIR: dataDir.path,
    TESTOPS_JOB_LEASE_MS: '4000',
    TESTOPS_ALLOW_PRIVATE_TARGETS: '1',
    LOG_LEVEL: 'warn',
  };
  server = await startServer(loadServiceConfig(env, { port: 0 }));
});

afterAll(async () => {
  for (const worker of workers) if (worker.exitCode === null) killGroup(worker, 'SIGKILL');
  await server?.close();
  await compute?.close();
  await database?.drop();
  await deleteRedisKeys(prefix);
  await dataDir?.remove();
});

function startWorkerProcess(): ChildProcess {
  // Its own process group, so a kill takes its test runners down with it, as a crashed machine would.
  const worker = spawn(process.execPath, [BIN, 'worker', '--concurrency', '1'], {
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  worker.stderr?.resume();
  workers.push(worker);
  return worker;
}

function killGroup(worker: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-worker.pid!, signal);
  } catch {
    // already gone
  }
}

describe('distributed mode (PostgreSQL + Redis + worker processes)', () => {
  it('picks up a job whose worker was SIGKILLed mid-run, completes it once, and records nothing twice', async () => {
    const first = startWorkerProcess();
    const submitted = await postJson(`${server.url}/api/v1/generate/api-tests`, {
      openapi_spec: await computeApiSpec(),
      base_url: compute.url,
      endpoints: ['GET /api/v1/flavors', 'GET /api/v1/vms', 'POST /api/v1/vms'],
      options: {
        repeat: 2,
        headers: [`Authorization: Bearer ${compute.token}`],
        variables: { project_id: compute.projectId },
      },
    });
    expect(submitted.status).toBe(202);
    const id = submitted.body['request_id'] as string;

    // Kill once the suite is running: the job row is leased by the dead worker.
    const early = await readEvents(`${server.url}/api/v1/stream/${id}`, {
      stopAfter: 12,
      timeoutMs: 120_000,
    });
    expect(early.events.some((event) => event.event === 'stage-start')).toBe(true);
    await waitFor(
      async () => (await waitForTask(server.url, id, ['running', 'completed'])).status === 'running',
      'running',
    );
    killGroup(first, 'SIGKILL');
    await waitFor(() => first.exitCode !== null || first.signalCode !== null, 'the worker to die');

    startWorkerProcess();
    const stream = await readEvents(`${server.url}/api/v1/stream/${id}`, {
      lastEventId: early.events.at(-1)!.id!,
    });
    expect(stream.events.at(-1)).toMatchObject({ event: 'status', data: { status: 'completed' } });

    const task = await waitForTask(server.url, id, ['completed', 'failed'], { timeoutMs: 10_000 });
    expect(task.status).toBe('completed');
    expect(task.attempts).toBe(2);
    const generated = (task.summary?.['tests'] as { generated: number }).generated;
    const listed = (await (await fetch(`${server.url}/api/v1/tests?request_id=${id}&limit=500`)).json()) as {
      total: number;
      items: { key: string; version: number }[];
    };
    expect(listed.total).toBe(generated);
    expect(new Set(listed.items.map((test) => test.key)).size).toBe(listed.items.length);
    expect(listed.items.every((test) => test.version === 1)).toBe(true);
    const ready = (await (await fetch(`${server.url}/ready`)).json()) as { mode: Record<string, unknown> };
    expect(ready.mode).toMatchObject({ database: 'postgres', queue: 'bullmq' });
  }, 420_000);
});
