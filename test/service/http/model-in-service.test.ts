import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OptimisationReport } from '../../../src/core/existing-test.ts';
import { optimizeTests } from '../../../src/pipeline/optimize-tests.ts';
import { loadServiceConfig } from '../../../src/service/config.ts';
import { startServer, type RunningServer } from '../../../src/service/start-server.ts';
import { startModelServer, type ModelServer } from '../../support/model-fixture-server.ts';
import { tempDataDir, type TempDataDir } from '../support/databases.ts';
import { postJson, readEvents, waitForTask } from '../support/service-client.ts';

// The embedded service with a model configured: PGlite holds the response cache, the job's
// thread asks it by message, model calls show in /metrics and in the job's events, and /ready
// calls a model that does not answer degraded, never failed.
let dataDir: TempDataDir;
let server: RunningServer;
let model: ModelServer;

beforeAll(async () => {
  model = await startModelServer({ scenario: 'server-error' });
  const modelEnv = {
    TESTOPS_LLM_BASE_URL: model.baseUrl,
    TESTOPS_LLM_API_KEY: 'sk-service-secret',
    TESTOPS_LLM_MODEL: 'fixture-json-mode',
    TESTOPS_LLM_MAX_RETRIES: '0',
  };
  // The service reads the model settings with its own; the job threads, from their environment.
  Object.assign(process.env, modelEnv);
  dataDir = await tempDataDir();
  const config = loadServiceConfig(
    { ...modelEnv, TESTOPS_DATA_DIR: dataDir.path, LOG_LEVEL: 'warn' },
    { port: 0, concurrency: 1 },
  );
  server = await startServer(config);
});

afterAll(async () => {
  await server?.close();
  await dataDir?.remove();
  await model?.close();
});

const chatCalls = () => model.requests.filter((seen) => seen.path === '/v1/chat/completions').length;

async function casesJob(options: Record<string, unknown> = {}) {
  const requirements = await readFile('test/fixtures/requirements/price-calculator.md', 'utf8');
  const submitted = await postJson(`${server.url}/api/v1/generate/test-cases`, {
    requirements: [requirements],
    options: { format: 'json', ...options },
  });
  expect(submitted.status).toBe(202);
  const id = submitted.body['request_id'] as string;
  const task = await waitForTask(server.url, id, ['completed', 'failed']);
  const manual = (
    task.summary?.['manual'] as Record<string, { cases: number; model?: Record<string, unknown> }>
  )['requirements']!;
  return { id, task, manual };
}

describe('the service with a model', () => {
  it('reports a model that fails as degraded and stays ready', async () => {
    const response = await fetch(`${server.url}/ready`);
    expect(response.status).toBe(200);
    const ready = (await response.json()) as {
      status: string;
      checks: { name: string; ok: boolean; status?: string }[];
    };
    expect(ready.status).toBe('degraded');
    expect(ready.checks.find((check) => check.name === 'llm')).toMatchObject({
      ok: false,
      status: 'degraded',
    });
    expect(ready.checks.filter((check) => check.name !== 'llm').every((check) => check.ok)).toBe(true);
  });

  it('runs a cases job with the model, counts its calls, and answers the same job again from the database', async () => {
    model.scenario = 'success';
    const before = chatCalls();
    const first = await casesJob();
    expect(first.task.status).toBe('completed');
    expect(first.manual.model).toMatchObject({ status: 'used' });
    const calls = chatCalls() - before;
    expect(calls).toBe(2);
    const stream = await readEvents(`${server.url}/api/v1/stream/${first.id}`);
    expect(stream.events.filter((event) => event.event === 'model-call')).toHaveLength(2);

    const second = await casesJob();
    expect(second.manual.cases).toBe(first.manual.cases);
    expect(chatCalls() - before).toBe(calls);

    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(
      /testops_llm_requests_total\{provider="127\.0\.0\.1:\d+",model="fixture-json-mode",outcome="ok"\} 2/,
    );
    expect(metrics).toMatch(/testops_llm_requests_total\{[^}]*outcome="cached"\} 2/);
    expect(metrics).toMatch(/testops_llm_tokens_total\{[^}]*type="input"\} \d+/);
    expect(metrics).toContain('testops_llm_request_duration_seconds_bucket');
  });

  it('says "model unavailable — deterministic result" when the model fails, and completes', async () => {
    model.scenario = 'garbage';
    const job = await casesJob({ cache: false });
    expect(job.task.status).toBe('completed');
    expect(job.manual.model).toMatchObject({ status: 'unavailable' });
    const stream = await readEvents(`${server.url}/api/v1/stream/${job.id}`);
    const fallback = stream.events.find((event) => event.event === 'model-fallback');
    expect(JSON.stringify(fallback?.data)).toContain('model unavailable — deterministic result');
  });

  it('keeps optimize embeddings per project: a second job sends none and finds the same pairs', async () => {
    model.scenario = 'success';
    process.env.TESTOPS_LLM_EMBEDDING_MODEL = 'fixture-embedding';
    const files = await Promise.all(
      ['test_login_cases.py', 'tests/login.spec.ts'].map(async (path) => ({
        path,
        content: await readFile(`test/fixtures/suites/login/${path}`, 'utf8'),
      })),
    );
    const optimizeJob = async () => {
      // No response cache: only the project's stored embeddings can spare the provider.
      const submitted = await postJson(`${server.url}/api/v1/optimize`, { files, options: { cache: false } });
      const id = submitted.body['request_id'] as string;
      expect((await waitForTask(server.url, id, ['completed', 'failed'])).status).toBe('completed');
      const report = await fetch(`${server.url}/api/v1/tasks/${id}/report`);
      return ((await report.json()) as { report: OptimisationReport }).report;
    };
    const embeddingCalls = () => model.requests.filter((seen) => seen.path === '/v1/embeddings').length;
    try {
      const first = await optimizeJob();
      const before = embeddingCalls();
      const second = await optimizeJob();
      expect(embeddingCalls()).toBe(before);
      expect(second.model).toMatchObject({ status: 'used', fallbacks: [] });
      const inMemory = await optimizeTests({ testsDir: 'test/fixtures/suites/login', cache: false });
      for (const report of [first, second]) {
        expect(report.duplicates.near).toEqual(inMemory.duplicates.near);
        expect(report.twins).toEqual(inMemory.twins);
      }
      expect(inMemory.duplicates.near).toHaveLength(1);
    } finally {
      delete process.env.TESTOPS_LLM_EMBEDDING_MODEL;
    }
  });

  it('takes llm: off as a job option', async () => {
    const before = chatCalls();
    const job = await casesJob({ llm: 'off' });
    expect(job.manual.model).toBeUndefined();
    expect(chatCalls()).toBe(before);
  });

  it('gives api-tests and test-plan jobs the model options, with the model section in their summaries', async () => {
    model.scenario = 'garbage';
    const spec = await readFile('examples/compute-api/openapi.yaml', 'utf8');
    const submitted = await postJson(`${server.url}/api/v1/generate/api-tests`, {
      openapi_spec: spec,
      endpoints: ['POST /api/v1/disks'],
      options: { cache: false, output_language: 'ru' },
    });
    expect(submitted.status).toBe(202);
    const id = submitted.body['request_id'] as string;
    const task = await waitForTask(server.url, id, ['completed', 'failed']);
    expect(task.status).toBe('completed');
    const section = task.summary?.['model'] as {
      status: string;
      fallbacks: string[];
      usage?: { calls: number };
    };
    expect(section).toMatchObject({ status: 'unavailable' });
    expect(section.fallbacks.join('\n')).toContain('model unavailable — deterministic result');
    const stream = await readEvents(`${server.url}/api/v1/stream/${id}`);
    expect(stream.events.filter((event) => event.event === 'model-call').length).toBe(section.usage?.calls);
    expect(JSON.stringify(stream.events)).not.toContain('sk-service-secret');

    const before = chatCalls();
    const plan = await postJson(`${server.url}/api/v1/test-plan/generate`, {
      requirements: ['The price updates when the region changes.'],
      options: { llm: 'off' },
    });
    expect(plan.status).toBe(202);
    const planTask = await waitForTask(server.url, plan.body['request_id'] as string, [
      'completed',
      'failed',
    ]);
    expect(planTask.summary?.['model']).toMatchObject({ mode: 'off', status: 'off' });
    expect(chatCalls()).toBe(before);
  }, 180_000);
});
