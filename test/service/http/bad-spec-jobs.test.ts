import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServiceConfig } from '../../../src/service/config.ts';
import { startServer, type RunningServer } from '../../../src/service/start-server.ts';
import { tempDataDir, type TempDataDir } from '../support/databases.ts';
import { postJson, waitForTask, type Task } from '../support/service-client.ts';
import { yamlBomb } from '../../fixtures/specs/yaml-bomb.ts';

// Specs that pass the edge but break while loading: each fails its job (the document) or its
// operation (an item) with a clear code, and names what the user sent, never a server path.
let dataDir: TempDataDir;
let server: RunningServer;
let specHost: Server;
let specHostUrl: string;

// A spec by URL is not checked at the edge: its text reaches the engine as served.
const SERVED_SPEC = JSON.stringify({
  openapi: '3.0.3',
  info: { title: 'Served\u0000', version: '1' },
  paths: { '/items\u0000': { get: { summary: 'lone \ud800', responses: { '200': { description: 'ok' } } } } },
});

beforeAll(async () => {
  dataDir = await tempDataDir();
  specHost = createServer((_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(SERVED_SPEC);
  });
  await new Promise<void>((resolve) => specHost.listen(0, '127.0.0.1', resolve));
  specHostUrl = `http://127.0.0.1:${(specHost.address() as { port: number }).port}/openapi.json`;
  const config = loadServiceConfig(
    { TESTOPS_DATA_DIR: dataDir.path, LOG_LEVEL: 'warn', TESTOPS_ALLOW_PRIVATE_TARGETS: '1' },
    { port: 0, concurrency: 1 },
  );
  server = await startServer(config);
});

afterAll(async () => {
  await server?.close();
  await new Promise((resolve) => specHost?.close(resolve));
  await dataDir?.remove();
});

async function runSpec(openapiSpec: string, status: string): Promise<Task> {
  const submitted = await postJson(`${server.url}/api/v1/generate/api-tests`, { openapi_spec: openapiSpec });
  expect(submitted.status).toBe(202);
  const task = await waitForTask(server.url, submitted.body['request_id'] as string, [status], {
    timeoutMs: 60_000,
  });
  // The job's folders live under the data directory: never shown to the submitter.
  expect(JSON.stringify(task)).not.toContain(dataDir.path);
  expect(JSON.stringify(task)).not.toContain('/jobs/');
  return task;
}

function chainSpec(length: number): string {
  const schemas: Record<string, unknown> = {};
  for (let index = 0; index < length; index++)
    schemas[`S${index}`] =
      index === length - 1 ? { type: 'string' } : { $ref: `#/components/schemas/S${index + 1}` };
  const content = (name: string) => ({
    'application/json': { schema: { $ref: `#/components/schemas/${name}` } },
  });
  return JSON.stringify({
    openapi: '3.0.3',
    info: { title: 'Chain', version: '1' },
    paths: {
      '/far': { get: { responses: { '200': { description: 'ok', content: content('S0') } } } },
      '/near': { get: { responses: { '200': { description: 'ok', content: content(`S${length - 3}`) } } } },
    },
    components: { schemas },
  });
}

describe('bad specs inside jobs', () => {
  it('a YAML bomb fails the job as TESTOPS_SPEC_TOO_COMPLEX, not TESTOPS_INTERNAL', async () => {
    const bomb = yamlBomb(9);
    const task = await runSpec(bomb, 'failed');
    expect(task.errors).toHaveLength(1);
    expect(task.errors[0]).toMatchObject({ code: 'TESTOPS_SPEC_TOO_COMPLEX', where: 'inline spec' });
    expect(task.errors[0]!.message).toContain('the document expands too much');
    expect(task.attempts).toBe(1);
  });

  it('a 10,000-level nested spec sent as text fails the job naming the inline spec and the pointer', async () => {
    const deep = '{"type":"object","properties":{"a":'.repeat(5_000) + '{}' + '}}'.repeat(5_000);
    const text = `{"openapi":"3.0.3","info":{"title":"T","version":"1"},"paths":{},"x-deep":${deep}}`;
    const task = await runSpec(text, 'failed');
    expect(task.errors[0]!.code).toBe('TESTOPS_SPEC_TOO_COMPLEX');
    expect(task.errors[0]!.where).toMatch(/^inline spec#\/x-deep\/properties\/a\//);
    expect(task.errors[0]!.message).toContain('nested deeper than 200 levels');
  });

  it('a 10k-deep $ref chain is an item error of its operation; the reachable rest is generated', async () => {
    const task = await runSpec(chainSpec(10_000), 'completed');
    expect(task.errors).toEqual([
      expect.objectContaining({
        code: 'TESTOPS_OPERATION_INVALID',
        where: 'GET /far',
        message: expect.stringContaining('a $ref chain deeper than 64 at #/components/schemas/S63/$ref'),
      }),
    ]);
    expect(task.errors[0]!.message).not.toContain('does not resolve');
    expect(task.summary).toMatchObject({ operations: 2, covered: 1 });
  });

  it('invalid YAML reports "inline spec" with its line, never the data directory', async () => {
    const task = await runSpec('openapi: 3.0.3\ninfo:\n  title: [unclosed\n', 'failed');
    expect(task.errors[0]!.code).toBe('TESTOPS_SPEC_UNPARSABLE');
    expect(task.errors[0]!.where).toMatch(/^inline spec:\d+:\d+$/);
    expect(task.errors[0]!.message).toMatch(/^inline spec:\d+:\d+: invalid YAML/);
  });

  it('a fetched spec with NUL and lone surrogates in its names completes; the text is stored with U+FFFD', async () => {
    const submitted = await postJson(`${server.url}/api/v1/generate/api-tests`, { openapi_url: specHostUrl });
    expect(submitted.status).toBe(202);
    const id = submitted.body['request_id'] as string;
    const task = await waitForTask(server.url, id, ['completed', 'failed'], { timeoutMs: 60_000 });
    expect(task.status, JSON.stringify(task.errors)).toBe('completed');
    expect(task.attempts).toBe(1);
    const tests = (await (await fetch(`${server.url}/api/v1/tests?request_id=${id}`)).json()) as {
      items: { target: string }[];
    };
    expect(tests.items.length).toBeGreaterThan(0);
    expect(tests.items[0]!.target).toBe('GET /items\uFFFD');
  });
});
