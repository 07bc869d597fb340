import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServiceConfig } from '../../../src/service/config.ts';
import { startServer, type RunningServer } from '../../../src/service/start-server.ts';
import { tempDataDir, type TempDataDir } from '../support/databases.ts';
import { computeApiSpec, postJson, readEvents, waitForTask } from '../support/service-client.ts';
import { zipEntries } from '../support/zip-entries.ts';

// The embedded default over real HTTP: PGlite in a data directory, jobs in this process, the
// bundled demo targets beside it, the engine doing the work.
let dataDir: TempDataDir;
let server: RunningServer;
let base: string;
let computeUrl: string;

beforeAll(async () => {
  dataDir = await tempDataDir();
  const config = loadServiceConfig(
    { TESTOPS_DATA_DIR: dataDir.path, LOG_LEVEL: 'warn' },
    { port: 0, concurrency: 1 },
  );
  server = await startServer(config, { demos: true });
  base = server.url;
  computeUrl = server.demos.find((demo) => demo.name === 'compute-api')!.url;
});

afterAll(async () => {
  await server?.close();
  await dataDir?.remove();
});

async function submitFlavorsJob(extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return postJson(
    `${base}/api/v1/generate/api-tests`,
    {
      openapi_spec: await computeApiSpec(),
      base_url: computeUrl,
      endpoints: ['GET /api/v1/flavors'],
      options: { repeat: 1, headers: ['Authorization: Bearer demo-token'] },
      ...extra,
    },
    headers,
  );
}

describe('the embedded server', () => {
  // A real suite is generated, installed and run three times in a job thread: minutes on a busy machine.
  it('runs an API-tests job end to end: 202, live events, task, tests, artifacts without the token', async () => {
    const submitted = await submitFlavorsJob();
    expect(submitted.status).toBe(202);
    const id = submitted.body['request_id'] as string;
    expect(submitted.body['stream_url']).toBe(`/api/v1/stream/${id}`);

    const stream = await readEvents(`${base}/api/v1/stream/${id}`);
    expect(stream.ended).toBe(true);
    const ids = stream.events.map((event) => event.id);
    expect(ids).toEqual([...ids].sort((a, b) => a! - b!));
    expect(stream.events.map((event) => event.event)).toContain('stage-end');
    expect(stream.events.at(-1)).toMatchObject({ event: 'status', data: { status: 'completed' } });

    // Resuming after the third event replays exactly the rest.
    const resumed = await readEvents(`${base}/api/v1/stream/${id}`, { lastEventId: 3 });
    expect(resumed.events.map((event) => event.id)).toEqual(ids.slice(3));

    const task = await waitForTask(base, id, ['completed']);
    expect(task.progress.percent).toBe(100);
    const counts = task.summary?.['tests'] as { generated: number; delivered: number };
    expect(counts.generated).toBeGreaterThan(5);
    expect(counts.delivered).toBe(counts.generated);

    const tests = (await (await fetch(`${base}/api/v1/tests?request_id=${id}&limit=500`)).json()) as {
      total: number;
      items: { id: string; kind: string; status: string; title: string; priority: string | null }[];
    };
    expect(tests.total).toBe(counts.generated);
    expect(tests.items.every((test) => test.kind === 'api' && test.status === 'delivered')).toBe(true);
    // Each case's priority travels from the suite's manifest to the list, and filters it.
    const critical = tests.items.filter((test) => test.priority === 'critical').length;
    expect(critical).toBeGreaterThan(0);
    expect(tests.items.every((test) => ['critical', 'normal', 'low'].includes(test.priority!))).toBe(true);
    const byPriority = (await (
      await fetch(`${base}/api/v1/tests?request_id=${id}&priority=critical&limit=500`)
    ).json()) as { total: number };
    expect(byPriority.total).toBe(critical);
    const filtered = (await (await fetch(`${base}/api/v1/tests?request_id=${id}&q=maximum`)).json()) as {
      total: number;
    };
    expect(filtered.total).toBeGreaterThan(0);
    expect(filtered.total).toBeLessThan(tests.total);
    const one = (await (await fetch(`${base}/api/v1/tests/${tests.items[0]!.id}`)).json()) as {
      document: unknown;
    };
    expect(one.document).toMatchObject({ title: tests.items[0]!.title });

    const zip = await fetch(`${base}/api/v1/tasks/${id}/artifacts`);
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    const entries = zipEntries(Buffer.from(await zip.arrayBuffer()));
    expect(entries.map((entry) => entry.name)).toContain('api-suite/testops-report.json');
    expect(entries.some((entry) => entry.name.endsWith('.spec.ts'))).toBe(true);
    expect(entries.some((entry) => entry.text.includes('demo-token'))).toBe(false);

    const report = await fetch(`${base}/api/v1/tasks/${id}/report`);
    expect(((await report.json()) as { kind: string }).kind).toBe('run-report');
  }, 180_000);

  it('returns the first task again for a repeated Idempotency-Key', async () => {
    const first = await submitFlavorsJob({ options: { run: false } }, { 'idempotency-key': 'same-request' });
    const second = await submitFlavorsJob({ options: { run: false } }, { 'idempotency-key': 'same-request' });
    expect(first.status).toBe(202);
    expect(second.status).toBe(200);
    expect(second.body['request_id']).toBe(first.body['request_id']);
    await waitForTask(base, first.body['request_id'] as string, ['completed']);
  });

  it('answers bad requests with one error shape: code, how to fix, request id', async () => {
    const invalid = await postJson(
      `${base}/api/v1/generate/api-tests`,
      { base_url: 'ftp://nowhere' },
      { 'x-request-id': 'req-123' },
    );
    expect(invalid.status).toBe(400);
    const error = invalid.body['error'] as {
      code: string;
      message: string;
      request_id: string;
      details: unknown[];
    };
    expect(error.code).toBe('TESTOPS_INVALID_REQUEST');
    expect(error.request_id).toBe('req-123');
    expect(invalid.headers.get('x-request-id')).toBe('req-123');
    expect(error.message).toContain('/docs');
    expect(error.details.length).toBeGreaterThan(0);

    const missing = await fetch(`${base}/api/v1/tasks/00000000-0000-4000-8000-000000000000`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('TESTOPS_TASK_NOT_FOUND');
    const unknownRoute = await fetch(`${base}/api/v2/nothing`);
    expect(((await unknownRoute.json()) as { error: { code: string } }).error.code).toBe('TESTOPS_NOT_FOUND');
  });

  it('refuses at submission, with a 400, targets inside this machine (SSRF guard)', async () => {
    const submitted = await postJson(`${base}/api/v1/generate/api-tests`, {
      openapi_url: 'http://127.0.0.1:9/openapi.json',
      options: { run: false },
    });
    expect(submitted.status).toBe(400);
    const error = submitted.body['error'] as { code: string; message: string; request_id: string };
    expect(error.code).toBe('TESTOPS_URL_REFUSED');
    expect(error.message).toMatch(/^openapi_url: .*loopback/);
    expect(error.message).toContain('TESTOPS_ALLOW_PRIVATE_TARGETS=1');
    const metadata = await postJson(`${base}/api/v1/generate/api-tests`, {
      openapi_spec: await computeApiSpec(),
      base_url: 'http://169.254.169.254/latest',
    });
    expect(metadata.status).toBe(400);
    expect(metadata.body['error']).toMatchObject({ code: 'TESTOPS_URL_REFUSED' });
    // The bundled demos are trusted although they listen on this machine.
    expect((await submitFlavorsJob({ options: { run: false } })).status).toBe(202);
  });

  it('cancels a pending task at once and a running one in its test run; retries a cancelled one', async () => {
    const running = await submitFlavorsJob({
      endpoints: undefined,
      options: { repeat: 3, headers: ['Authorization: Bearer demo-token'] },
    });
    const runningId = running.body['request_id'] as string;
    const pending = await submitFlavorsJob({ options: { run: false } });
    const pendingId = pending.body['request_id'] as string;
    await waitForTask(base, runningId, ['running']);
    const cancelled = await postJson(`${base}/api/v1/tasks/${pendingId}/cancel`, {});
    expect(cancelled.body['status']).toBe('cancelled');
    const stream = await readEvents(`${base}/api/v1/stream/${pendingId}`, { timeoutMs: 10_000 });
    expect(stream.events.at(-1)).toMatchObject({ event: 'status', data: { status: 'cancelled' } });

    // Cancelled while Playwright runs the suite: the run's processes are stopped, not waited for.
    const toRun = await readEvents(`${base}/api/v1/stream/${runningId}`, {
      until: (event) => event.data['type'] === 'run-start',
      timeoutMs: 120_000,
    });
    expect(toRun.events.at(-1)?.data).toMatchObject({ type: 'run-start' });
    await postJson(`${base}/api/v1/tasks/${runningId}/cancel`, {});
    expect((await waitForTask(base, runningId, ['cancelled', 'completed'])).status).toBe('cancelled');
    const again = await postJson(`${base}/api/v1/tasks/${runningId}/cancel`, {});
    expect(again.status).toBe(409);

    const retried = await postJson(`${base}/api/v1/tasks/${pendingId}/retry`, {});
    expect(retried.status).toBe(200);
    expect((await waitForTask(base, pendingId, ['completed', 'failed'])).status).toBe('completed');
  });

  it('serves its OpenAPI document, health, readiness and metrics', async () => {
    const document = (await (await fetch(`${base}/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/generate/api-tests',
        '/api/v1/generate/test-cases',
        '/api/v1/tasks/{id}',
        '/api/v1/stream/{id}',
        '/api/v1/tests',
      ]),
    );
    expect((await fetch(`${base}/docs`)).status).toBe(200);
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok' });
    const ready = (await (await fetch(`${base}/ready`)).json()) as {
      status: string;
      mode: Record<string, unknown>;
    };
    expect(ready).toMatchObject({ status: 'ready', mode: { database: 'pglite', queue: 'in-process' } });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('testops_http_requests_total');
    expect(metrics).toMatch(/testops_tests_generated_total\{kind="api"\} \d+/);
    expect(metrics).toContain('testops_job_queue_depth');
  });
});
