import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadServiceConfig } from '../../../src/service/config.ts';
import { startServer, type RunningServer } from '../../../src/service/start-server.ts';
import { openStores } from '../../../src/service/store/open-stores.ts';
import { tempDataDir, type TempDataDir } from '../support/databases.ts';
import { postJson, readEvents, waitForTask, type Task } from '../support/service-client.ts';
import { sleep } from '../support/wait-for.ts';

// The embedded server over real HTTP, its jobs running the scripted executors of
// fixtures/scripted-executors.ts in their threads, with small limits so that timeouts,
// crashes and stops happen within a test.
const SCRIPTED = {
  url: new URL('./fixtures/scripted-executors.ts', import.meta.url).href,
  exportName: 'scriptedExecutors',
};
const LIMITS = {
  TESTOPS_JOB_TIMEOUT_MS_VALIDATE: '1500',
  TESTOPS_JOB_MEMORY_MB: '128',
  TESTOPS_JOB_STOP_GRACE_MS: '300',
};

let dataDir: TempDataDir;
let server: RunningServer;
let base: string;

beforeAll(async () => {
  dataDir = await tempDataDir();
  server = await startServer(config(), { executors: SCRIPTED });
  base = server.url;
});

function config() {
  return loadServiceConfig(
    { TESTOPS_DATA_DIR: dataDir.path, LOG_LEVEL: 'silent', ...LIMITS },
    { port: 0, concurrency: 1 },
  );
}

afterAll(async () => {
  await server?.close();
  await dataDir?.remove();
});

/** Submits a job whose executor does what `directive` says (see the fixture). */
async function submit(directive: string, kind: 'test-cases' | 'validate' = 'test-cases'): Promise<string> {
  const body =
    kind === 'test-cases'
      ? { requirements: [directive] }
      : { files: [{ path: 'directive.txt', content: directive }] };
  const path = kind === 'test-cases' ? 'generate/test-cases' : 'validate';
  const submitted = await postJson(`${base}/api/v1/${path}`, body);
  expect(submitted.status).toBe(202);
  return submitted.body['request_id'] as string;
}

async function task(id: string): Promise<Task> {
  return (await (await fetch(`${base}/api/v1/tasks/${id}`)).json()) as Task;
}

/** Resolves once the job's executor has started (its first engine event). */
async function executorStarted(id: string): Promise<void> {
  const stream = await readEvents(`${base}/api/v1/stream/${id}`, {
    until: (event) => event.event === 'stage-start',
    timeoutMs: 30_000,
  });
  expect(stream.events.map((event) => event.event)).toContain('stage-start');
}

function jobFolder(id: string): string {
  return join(dataDir.path, 'jobs', id);
}

describe('jobs run off the API event loop', () => {
  it('answers /health while a job computes without yielding for seconds', async () => {
    const id = await submit('burn 5000');
    await executorStarted(id);
    const answers: { status: number; ms: number }[] = [];
    for (let poll = 0; poll < 10; poll += 1) {
      const started = performance.now();
      const response = await fetch(`${base}/health`);
      answers.push({ status: response.status, ms: performance.now() - started });
      await sleep(50);
    }
    // Every answer came while the job was still computing: on the API's own loop none could have.
    expect((await task(id)).status).toBe('running');
    expect(answers.every((answer) => answer.status === 200 && answer.ms < 2_000)).toBe(true);

    const done = await waitForTask(base, id, ['completed'], { timeoutMs: 30_000 });
    expect(done.summary).toMatchObject({ action: 'burn' });
    const stream = await readEvents(`${base}/api/v1/stream/${id}`);
    const names = stream.events.map((event) => event.event);
    expect(names.indexOf('stage-start')).toBeLessThan(names.indexOf('stage-end'));
    expect(names.at(-1)).toBe('status');
  });

  it('stops a cancelled job that never yields, and frees its slot', async () => {
    const id = await submit('burn 120000');
    await executorStarted(id);
    const cancelled = await postJson(`${base}/api/v1/tasks/${id}/cancel`, {});
    expect(cancelled.status).toBe(200);
    expect((await waitForTask(base, id, ['cancelled'], { timeoutMs: 20_000 })).status).toBe('cancelled');
    expect(existsSync(jobFolder(id))).toBe(false);
    // One job at a time: the next one runs only because the computing thread was stopped.
    const next = await submit('ok');
    expect((await waitForTask(base, next, ['completed'], { timeoutMs: 20_000 })).status).toBe('completed');
  });

  it('passes the job its secrets without the secret store', async () => {
    const submitted = await postJson(`${base}/api/v1/generate/api-tests`, {
      openapi_spec: 'openapi: 3.0.3',
      options: { run: false, headers: ['X-Api-Key: kept-secret'] },
    });
    expect(submitted.status).toBe(202);
    const done = await waitForTask(base, submitted.body['request_id'] as string, ['completed'], {
      timeoutMs: 20_000,
    });
    expect(done.summary).toMatchObject({ headers: 1 });
  });
});

describe('a job that fails', () => {
  it('fails at its time limit with TESTOPS_JOB_TIMEOUT naming the limit, without running it again', async () => {
    const id = await submit('burn 120000', 'validate');
    const failed = await waitForTask(base, id, ['failed'], { timeoutMs: 60_000 });
    // The same work would overrun the same limit again: a retry would only triple the wait.
    expect(failed.attempts).toBe(1);
    expect(failed.errors).toHaveLength(1);
    expect(failed.errors[0]!.code).toBe('TESTOPS_JOB_TIMEOUT');
    expect(failed.errors[0]!.message).toMatch(/longer than 1500 ms/);
    expect(failed.errors[0]!.message).toMatch(/TESTOPS_JOB_TIMEOUT_MS_VALIDATE/);
    expect(existsSync(jobFolder(id))).toBe(false);
  });

  it('fails after its attempts when its thread runs out of memory', async () => {
    const id = await submit('oom');
    const failed = await waitForTask(base, id, ['failed'], { timeoutMs: 60_000 });
    expect(failed.attempts).toBe(3);
    expect(failed.errors[0]).toMatchObject({ code: 'TESTOPS_JOB_CRASHED', where: `job ${id}` });
    expect(failed.errors[0]!.message).toMatch(/ran out of memory[\s\S]*128 MB[\s\S]*attempt \(3 of 3\)/);
    expect(existsSync(jobFolder(id))).toBe(false);
  });

  it('fails after its attempts when its thread exits', async () => {
    const failed = await waitForTask(base, await submit('exit 7'), ['failed'], { timeoutMs: 60_000 });
    expect(failed.attempts).toBe(3);
    expect(failed.errors[0]!.code).toBe('TESTOPS_JOB_CRASHED');
    expect(failed.errors[0]!.message).toMatch(/exited \(code 7\)/);
  });

  it('keeps the code, place and tip of an error raised in the thread, and does not retry it', async () => {
    const failed = await waitForTask(base, await submit('invalid'), ['failed'], { timeoutMs: 20_000 });
    expect(failed.attempts).toBe(1);
    expect(failed.errors).toEqual([
      {
        code: 'TESTOPS_INVALID_ARGUMENT',
        message: 'requirements[0]: the directive is invalid\nTip: write a known directive.',
        where: 'requirements[0]',
      },
    ]);
  });

  it('does not retry a bug (an unexpected TypeError)', async () => {
    const failed = await waitForTask(base, await submit('bug'), ['failed'], { timeoutMs: 20_000 });
    expect(failed.attempts).toBe(1);
    expect(failed.errors[0]!.code).toBe('TESTOPS_INTERNAL');
    expect(failed.errors[0]!.message).toMatch(/Cannot read properties of undefined/);
  });

  it('retries a source that could not be fetched', async () => {
    const failed = await waitForTask(base, await submit('fetch'), ['failed'], { timeoutMs: 30_000 });
    expect(failed.attempts).toBe(3);
    expect(failed.errors[0]!.code).toBe('TESTOPS_SOURCE_FETCH_FAILED');
  });
});

describe('a restart', () => {
  it('fails a job whose attempts all ended with their worker, instead of running it again', async () => {
    await server.close();
    // The server died in each of the job's three attempts (no lease renewed since).
    const stores = await openStores({ dataDir: dataDir.path });
    const { job } = await stores.jobs.create({
      projectId: 'default',
      kind: 'test-cases',
      input: { requirements: ['ok'] },
      maxAttempts: 3,
    });
    for (let attempt = 1; attempt <= 3; attempt += 1)
      expect((await stores.jobs.claim(job.id, `dead-server-${attempt}`, 0))?.attempts).toBe(attempt);
    await stores.close();

    server = await startServer(config(), { executors: SCRIPTED });
    const failed = await waitForTask(server.url, job.id, ['failed', 'completed'], { timeoutMs: 20_000 });
    expect(failed).toMatchObject({ status: 'failed', attempts: 3, summary: null });
    expect(failed.errors[0]!.code).toBe('TESTOPS_JOB_ATTEMPTS_EXHAUSTED');
    expect(failed.errors[0]!.message).toMatch(/3 of 3 attempts used/);
  });
});
