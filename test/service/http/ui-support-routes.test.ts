import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServiceConfig } from '../../../src/service/config.ts';
import { startServer, type RunningServer } from '../../../src/service/start-server.ts';
import { startModelServer, type ModelServer } from '../../support/model-fixture-server.ts';
import { tempDataDir, type TempDataDir } from '../support/databases.ts';
import { postJson, waitForTask } from '../support/service-client.ts';

// Routes the web UI reads besides the job routes: a task's files one by one (the code viewer,
// evidence), the bundled demos (a first generation in one click), and the model's settings and
// "test connection" — a real call to a local OpenAI-compatible server.
let dataDir: TempDataDir;
let server: RunningServer;
let model: ModelServer;

beforeAll(async () => {
  model = await startModelServer();
  dataDir = await tempDataDir();
  const config = loadServiceConfig(
    {
      TESTOPS_DATA_DIR: dataDir.path,
      LOG_LEVEL: 'warn',
      TESTOPS_LLM_BASE_URL: model.baseUrl,
      TESTOPS_LLM_API_KEY: 'sk-ui-secret-key',
      TESTOPS_LLM_MODEL: 'fixture-model',
      TESTOPS_LLM_MAX_RETRIES: '0',
    },
    { port: 0, concurrency: 1 },
  );
  server = await startServer(config, { demos: true });
});

afterAll(async () => {
  await server?.close();
  await dataDir?.remove();
  await model?.close();
});

describe('routes for the web UI', () => {
  it('lists a completed task’s files and serves each, text as plain text and never as a page', async () => {
    const submitted = await postJson(`${server.url}/api/v1/validate`, {
      files: [{ path: 'tests/test_login.py', content: 'def test_login():\n    assert True\n' }],
    });
    const id = String(submitted.body['request_id']);
    await waitForTask(server.url, id, ['completed']);
    const list = (await (await fetch(`${server.url}/api/v1/tasks/${id}/files`)).json()) as {
      items: { path: string; size: number }[];
    };
    expect(list.items.length).toBeGreaterThan(0);
    const first = list.items[0]!;
    const file = await fetch(`${server.url}/api/v1/tasks/${id}/files/${first.path}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/^(text\/plain|image\/|application\/zip)/);
    expect(file.headers.get('content-security-policy')).toContain('sandbox');
    expect((await file.arrayBuffer()).byteLength).toBe(first.size);
    const missing = await fetch(`${server.url}/api/v1/tasks/${id}/files/no/such.txt`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'TESTOPS_NO_ARTIFACTS' } });
  });

  it('lists the bundled demos with the compute API’s document and token', async () => {
    const demos = (await (await fetch(`${server.url}/api/v1/demos`)).json()) as {
      items: { name: string; url: string; openapi_spec: string | null; headers: string[] }[];
    };
    const compute = demos.items.find((demo) => demo.name === 'compute-api')!;
    expect(compute.openapi_spec).toContain('openapi:');
    expect(compute.headers).toEqual([expect.stringMatching(/^Authorization: Bearer /)]);
    expect(demos.items.find((demo) => demo.name === 'price-calculator')?.openapi_spec).toBeNull();
  });

  it('names the configured model without its key, and tests the connection with a real call', async () => {
    const info = await (await fetch(`${server.url}/api/v1/llm`)).text();
    expect(JSON.parse(info)).toMatchObject({ configured: true, model: 'fixture-model' });
    expect(info).not.toContain('sk-ui-secret-key');
    const calls = model.requests.length;
    const check = await postJson(`${server.url}/api/v1/llm/check`, {});
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({
      model: 'fixture-model',
      capabilities: { streaming: { found: true } },
    });
    expect(model.requests.length).toBeGreaterThan(calls);
    expect(model.requests.at(-1)?.authorization).toBe('Bearer sk-ui-secret-key');
  });
});
