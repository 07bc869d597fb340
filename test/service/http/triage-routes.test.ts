import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemoryCluster, TriageResult } from '../../../src/core/triage.ts';
import { loadServiceConfig } from '../../../src/service/config.ts';
import { buildApp } from '../../../src/service/http/build-app.ts';
import { openRuntime, type ServiceRuntime } from '../../../src/service/runtime.ts';
import {
  createTestDatabase,
  tempDataDir,
  type TempDataDir,
  type TestDatabase,
} from '../support/databases.ts';

// The triage routes over both stores, fed runs recorded from real runs of our demos
// (test/fixtures/triage/record-runs.ts): a seeded fault, then the same root cause in a second
// run, a correction, and the memory listed, searched and exported.
const fixture = (name: string) => readFile(new URL(`../../fixtures/triage/${name}`, import.meta.url), 'utf8');

describe.each(['pglite', 'postgres'] as const)('triage routes (%s)', (store) => {
  let dataDir: TempDataDir;
  let database: TestDatabase | undefined;
  let runtime: ServiceRuntime;
  let app: FastifyInstance;

  beforeAll(async () => {
    dataDir = await tempDataDir();
    database = store === 'postgres' ? await createTestDatabase('testops_triage') : undefined;
    const config = loadServiceConfig(
      {
        TESTOPS_DATA_DIR: dataDir.path,
        LOG_LEVEL: 'error',
        ...(database
          ? { DATABASE_URL: database.url, TESTOPS_SECRET_KEY: randomBytes(32).toString('base64') }
          : {}),
      },
      { port: 0 },
    );
    runtime = await openRuntime(config, { role: 'api', logDestination: { write: () => undefined } });
    app = await buildApp({
      config,
      stores: runtime.stores,
      queue: runtime.queue,
      bus: runtime.bus,
      metrics: undefined,
      readiness: [],
      traceparent: () => undefined,
    });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    await runtime?.close();
    await database?.drop();
    await dataDir?.remove();
  });

  const post = async (url: string, body: unknown) => {
    const response = await app.inject({ method: 'POST', url, payload: body as object });
    return { status: response.statusCode, body: response.json() };
  };
  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url });
    return { status: response.statusCode, body: response.json(), headers: response.headers };
  };

  it('triages an upload, recognises the cause in a later run, and honours a correction', async () => {
    const report = await fixture('runs/fault-boundary-500.json');
    const first = await post('/api/v1/projects/billing/triage', { report, name: 'run-1.json', llm: 'off' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const result = first.body as TriageResult;
    expect(result).toMatchObject({ format: 'testops-report', source: 'run-1.json', project: 'billing' });
    expect(result.clusters.length).toBeGreaterThan(0);
    expect(result.clusters.every((cluster) => cluster.class === 'product-defect')).toBe(true);
    expect(result.clusters.every((cluster) => cluster.recognised === undefined)).toBe(true);
    const [cluster] = result.clusters;

    // Another run showing the same root cause (the report of a later run differs in its time).
    const later = report.replace(/"generatedAt": "[^"]+"/, '"generatedAt": "2026-12-04T09:00:00.000Z"');
    const second = (await post('/api/v1/projects/billing/triage', { report: later, llm: 'off' }))
      .body as TriageResult;
    const again = second.clusters.find((candidate) => candidate.id === cluster!.id);
    expect(again?.recognised).toMatchObject({
      match: 'signature',
      seen: 1,
      class: 'product-defect',
      decidedBy: 'rules',
    });
    expect(again!.recognised!.text).toMatch(
      /^seen 1 time since \d{4}-\d\d-\d\d, triaged as product-defect by rules$/,
    );

    const corrected = await post(`/api/v1/projects/billing/triage/memory/${cluster!.id}/correction`, {
      class: 'environment',
      note: 'the staging database was full',
      by: 'alice',
    });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect((corrected.body as MemoryCluster).correction).toMatchObject({ class: 'environment', by: 'alice' });

    const third = (await post('/api/v1/projects/billing/triage', { report, llm: 'off' }))
      .body as TriageResult;
    const honoured = third.clusters.find((candidate) => candidate.id === cluster!.id)!;
    expect(honoured).toMatchObject({
      class: 'environment',
      decidedBy: 'user:alice',
      nextAction: 'fix-environment',
    });
    expect(honoured.reasons[0]).toMatch(/^corrected by alice on .*: the staging database was full$/);
    expect(honoured.recognised).toMatchObject({ seen: 2, corrected: true });

    const listed = await get('/api/v1/projects/billing/triage/memory');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item: MemoryCluster) => item.id)).toContain(cluster!.id);
    const searched = await get(
      `/api/v1/projects/billing/triage/memory?q=${encodeURIComponent('server error')}`,
    );
    expect(searched.status).toBe(200);
    expect(searched.body.nearest.length).toBeGreaterThan(0);
    const exported = await get('/api/v1/projects/billing/triage/memory/export');
    expect(exported.headers['content-disposition']).toContain('triage-memory-billing.json');
    expect(exported.body).toMatchObject({ version: 1, project: 'billing' });
    expect(exported.body.clusters.length).toBe(listed.body.total);
    // Another project's memory is its own.
    expect((await get('/api/v1/projects/other/triage/memory')).body.total).toBe(0);
  });

  it('triages the stored report of a task of the project', async () => {
    const report = JSON.parse(await fixture('runs/stopped-target.json')) as Record<string, unknown>;
    const { job } = await runtime.stores.jobs.create({ projectId: 'billing', kind: 'api-tests', input: {} });
    await runtime.stores.reports.saveForJob(job.id, 'api', report);
    const response = await post('/api/v1/projects/billing/triage', { request_id: job.id, llm: 'off' });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect((response.body as TriageResult).clusters.map((cluster) => cluster.class)).toEqual(['environment']);
    const elsewhere = await post('/api/v1/projects/other/triage', { request_id: job.id, llm: 'off' });
    expect(elsewhere.status).toBe(404);
  });

  it('refuses what it cannot triage with a clear 4xx', async () => {
    const unknown = await post('/api/v1/projects/billing/triage', { report: 'hello', name: 'notes.txt' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('TESTOPS_TRIAGE_INPUT_UNKNOWN');
    expect(unknown.body.error.message).toContain('notes.txt');
    const both = await post('/api/v1/projects/billing/triage', {
      report: '{}',
      request_id: crypto.randomUUID(),
    });
    expect(both.status).toBe(400);
    const noTask = await post('/api/v1/projects/billing/triage', { request_id: crypto.randomUUID() });
    expect(noTask.body.error.code).toBe('TESTOPS_TASK_NOT_FOUND');
    const noCluster = await post('/api/v1/projects/billing/triage/memory/0123456789abcdef/correction', {
      class: 'flaky',
    });
    expect(noCluster.status).toBe(404);
    expect(noCluster.body.error.code).toBe('TESTOPS_TRIAGE_CLUSTER_NOT_FOUND');
    const badClass = await post('/api/v1/projects/billing/triage/memory/0123456789abcdef/correction', {
      class: 'cosmic-rays',
    });
    expect(badClass.status).toBe(400);
  });
});
