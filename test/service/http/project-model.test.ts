import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServiceConfig } from '../../../src/service/config.ts';
import { startServer, type RunningServer } from '../../../src/service/start-server.ts';
import { startModelServer, type ModelServer } from '../../support/model-fixture-server.ts';
import { tempDataDir, type TempDataDir } from '../support/databases.ts';
import { postJson, readEvents, waitForTask } from '../support/service-client.ts';

// A project's own model, end to end over real HTTP: set through the API (the key encrypted, never
// answered back), checked with one real call, used by the project's jobs instead of the
// environment (which has no model here), and its usage summed per project.
const PROJECT_KEY = 'sk-project-only-key';
let dataDir: TempDataDir;
let server: RunningServer;
let model: ModelServer;

beforeAll(async () => {
  model = await startModelServer({ scenario: 'success' });
  dataDir = await tempDataDir();
  // The fixture model listens on loopback: only a service that allows private targets may call it.
  const config = loadServiceConfig(
    { TESTOPS_DATA_DIR: dataDir.path, LOG_LEVEL: 'warn', TESTOPS_ALLOW_PRIVATE_TARGETS: '1' },
    { port: 0, concurrency: 1 },
  );
  server = await startServer(config);
});

afterAll(async () => {
  await server?.close();
  await dataDir?.remove();
  await model?.close();
});

const modelUrl = (project: string, tail = '') => `${server.url}/api/v1/projects/${project}/model${tail}`;

async function put(project: string, body: unknown) {
  const response = await fetch(modelUrl(project), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

async function getJson(url: string) {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function casesJob(project: string) {
  const requirements = await readFile('test/fixtures/requirements/price-calculator.md', 'utf8');
  const submitted = await postJson(`${server.url}/api/v1/generate/test-cases`, {
    project_id: project,
    requirements: [requirements],
    options: { format: 'json', cache: false },
  });
  expect(submitted.status).toBe(202);
  const id = submitted.body['request_id'] as string;
  const task = await waitForTask(server.url, id, ['completed', 'failed']);
  const manual = (task.summary?.['manual'] as Record<string, { model?: Record<string, unknown> }>)[
    'requirements'
  ]!;
  return { id, task, manual };
}

describe("a project's own model", () => {
  it('refuses settings that name no provider or a custom one without its URL, saying which field', async () => {
    const none = await put('billing', { model: 'm' });
    expect(none.status).toBe(400);
    expect(none.text).toContain('provider');
    const custom = await put('billing', { provider: 'custom' });
    expect(custom.status).toBe(400);
    expect(custom.text).toContain('base_url');
    const unknown = await put('billing', { provider: 'openai', temperature: 2 });
    expect(unknown.status).toBe(400);
    expect((await getJson(modelUrl('billing', '/check'))).status).toBe(404);
  });

  it('stores the settings and the key, answers only that a key is set, and checks them with a real call', async () => {
    expect((await getJson(modelUrl('billing'))).body).toEqual({
      project_id: 'billing',
      configured: false,
      api_key_set: false,
    });
    const checkBefore = await postJson(modelUrl('billing', '/check'), {});
    expect(checkBefore.status).toBe(404);
    expect(JSON.stringify(checkBefore.body)).toContain('TESTOPS_PROJECT_MODEL_NOT_SET');

    const saved = await put('billing', {
      base_url: `${model.baseUrl}/`,
      model: 'fixture-json-mode',
      api_key: PROJECT_KEY,
      options: { max_retries: 0 },
    });
    expect(saved.status).toBe(200);
    expect(saved.text).not.toContain(PROJECT_KEY);
    expect(JSON.parse(saved.text)).toMatchObject({
      configured: true,
      provider: 'custom',
      base_url: model.baseUrl,
      model: 'fixture-json-mode',
      options: { max_retries: 0 },
      api_key_set: true,
    });
    const read = await getJson(modelUrl('billing'));
    expect(JSON.stringify(read.body)).not.toContain(PROJECT_KEY);
    expect(read.body['api_key_set']).toBe(true);
    // The key is the project's secret, hidden from the named-secrets listing.
    const names = await getJson(`${server.url}/api/v1/projects/billing/secrets`);
    expect(names.body).toEqual({ names: [] });

    const before = model.requests.length;
    const check = await postJson(modelUrl('billing', '/check'), {});
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ ok: true, model: 'fixture-json-mode' });
    expect(check.body['latency_ms']).toBeGreaterThanOrEqual(0);
    const sent = model.requests.slice(before);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((request) => request.authorization === `Bearer ${PROJECT_KEY}`)).toBe(true);
  });

  it('says why a check fails (a model server that is gone), as data, without the key', async () => {
    await put('gone', { base_url: 'http://127.0.0.1:9/v1', model: 'm', api_key: PROJECT_KEY });
    const check = await postJson(modelUrl('gone', '/check'), {});
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ ok: false, error: { code: 'TESTOPS_LLM_UNAVAILABLE' } });
    expect(JSON.stringify(check.body)).not.toContain(PROJECT_KEY);
  });

  it("runs the project's jobs with its model, keeps the key out of events, and sums the usage", async () => {
    const before = model.requests.length;
    const job = await casesJob('billing');
    expect(job.task.status).toBe('completed');
    expect(job.manual.model).toMatchObject({ status: 'used' });
    const chats = model.requests.slice(before).filter((seen) => seen.path === '/v1/chat/completions');
    expect(chats.length).toBeGreaterThan(0);
    expect(chats.every((request) => request.authorization === `Bearer ${PROJECT_KEY}`)).toBe(true);
    const stream = await readEvents(`${server.url}/api/v1/stream/${job.id}`);
    const calls = stream.events.filter((event) => event.event === 'model-call');
    expect(calls).toHaveLength(chats.length);
    expect(JSON.stringify(stream.events)).not.toContain(PROJECT_KEY);

    const usage = await getJson(modelUrl('billing', '/usage'));
    expect(usage.status).toBe(200);
    expect(usage.body).toMatchObject({
      project_id: 'billing',
      attempts: 1,
      requests: chats.length,
      failed: 0,
    });
    expect(usage.body['input_tokens']).toBeGreaterThan(0);
    expect(usage.body['output_tokens']).toBeGreaterThan(0);
    expect((await getJson(modelUrl('elsewhere', '/usage'))).body).toMatchObject({
      requests: 0,
      cost_usd: null,
    });
  });

  it('leaves other projects on the environment (no model here), and removes a project model', async () => {
    const before = model.requests.length;
    const other = await casesJob('elsewhere');
    expect(other.task.status).toBe('completed');
    expect(other.manual.model).toMatchObject({ status: 'not-configured' });
    expect(model.requests.length).toBe(before);

    const removed = await fetch(modelUrl('billing'), { method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect((await getJson(modelUrl('billing'))).body).toMatchObject({
      configured: false,
      api_key_set: false,
    });
  });
}, 180_000);
