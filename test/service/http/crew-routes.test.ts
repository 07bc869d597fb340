import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServiceConfig } from '../../../src/service/config.ts';
import { startServer, type RunningServer } from '../../../src/service/start-server.ts';
import { tempDataDir, type TempDataDir } from '../support/databases.ts';
import { postJson, readEvents, waitForTask } from '../support/service-client.ts';
import { waitFor } from '../support/wait-for.ts';

// The embedded service with its behaviour in a file: the schema, the active behaviour and its
// reload, a project's own behaviour (validated before it is stored), and a crew run as a job
// whose agent steps stream as events. The crew reads a spec served over loopback.
let dataDir: TempDataDir;
let server: RunningServer;
let specServer: Server;
let specUrl: string;
let behaviorFile: string;

const crew = (name: string) => `name: ${name}
agents:
  analyst: {role: Analyst, goal: Know the API, tools: [read_api]}
tasks:
  read: {description: 'Read the spec {spec}', expected_output: The operations, agent: analyst}
`;

beforeAll(async () => {
  const spec = await readFile('examples/compute-api/openapi.yaml', 'utf8');
  specServer = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/yaml' });
    response.end(spec);
  });
  specServer.listen(0, '127.0.0.1');
  await new Promise((resolve) => specServer.once('listening', resolve));
  specUrl = `http://127.0.0.1:${(specServer.address() as AddressInfo).port}/openapi.yaml`;
  dataDir = await tempDataDir();
  behaviorFile = join(dataDir.path, 'crew.yaml');
  await writeFile(behaviorFile, crew('file crew'));
  const config = loadServiceConfig(
    {
      TESTOPS_DATA_DIR: dataDir.path,
      LOG_LEVEL: 'error',
      TESTOPS_BEHAVIOR_FILE: behaviorFile,
      TESTOPS_ALLOW_PRIVATE_TARGETS: '1',
    },
    { port: 0, concurrency: 1 },
  );
  server = await startServer(config);
});

afterAll(async () => {
  await server?.close();
  await dataDir?.remove();
  await new Promise((resolve) => specServer?.close(resolve));
});

const get = async (path: string) => {
  const response = await fetch(`${server.url}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const put = async (path: string, body: unknown) => {
  const response = await fetch(`${server.url}${path}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const errorOf = (body: Record<string, unknown>) =>
  body['error'] as { code: string; message: string; details?: { where: string; problem: string }[] };

describe('behaviour routes', () => {
  it('serve the JSON Schema at both addresses', async () => {
    const [api, seed] = await Promise.all([get('/api/v1/behavior/schema'), get('/behavior/schema')]);
    expect(api.status).toBe(200);
    expect(seed.body).toEqual(api.body);
    expect(api.body).toMatchObject({ type: 'object', properties: { agents: {}, tasks: {}, process: {} } });
  });

  it('serve the active behaviour from its file, reloaded on change; an invalid change keeps it', async () => {
    expect((await get('/api/v1/behavior')).body).toMatchObject({
      source: behaviorFile,
      behavior: { name: 'file crew' },
    });
    await writeFile(behaviorFile, crew('edited crew'));
    await waitFor(
      async () =>
        ((await get('/api/v1/behavior')).body['behavior'] as { name: string }).name === 'edited crew',
      'the edited file',
    );
    await writeFile(behaviorFile, `${crew('broken crew')}    max_iter: lots\n`);
    await waitFor(
      async () => (await get('/api/v1/behavior')).body['last_reload_failure'] !== undefined,
      'the refused reload',
    );
    const active = (await get('/api/v1/behavior')).body;
    expect(active['behavior']).toMatchObject({ name: 'edited crew' });
    expect(active['last_reload_failure']).toMatchObject({
      code: 'TESTOPS_BEHAVIOR_INVALID',
      message: expect.stringContaining(`${behaviorFile}:`),
    });
  });

  it('validate a project’s own behaviour before storing it; an invalid one is a 400 with line and column', async () => {
    const refused = await put('/api/v1/projects/crew-team/behavior', {
      yaml: 'agents:\n  a: {role: A}\ntasks: []\n',
    });
    expect(refused.status).toBe(400);
    expect(errorOf(refused.body)).toMatchObject({ code: 'TESTOPS_BEHAVIOR_INVALID' });
    expect(errorOf(refused.body).details).toEqual(
      expect.arrayContaining([{ where: 'yaml:2:6 (/agents/a/goal)', problem: expect.any(String) }]),
    );
    expect((await get('/api/v1/projects/crew-team/behavior')).body['source']).not.toBe('project');
    const stored = await put('/api/v1/projects/crew-team/behavior', { yaml: crew('team crew') });
    expect(stored.status).toBe(200);
    expect((await put('/api/v1/projects/crew-team/behavior', { yaml: 'tasks: [' })).status).toBe(400);
    expect((await get('/api/v1/projects/crew-team/behavior')).body).toMatchObject({
      source: 'project',
      behavior: { name: 'team crew' },
    });
  });
});

describe('POST /api/v1/projects/{id}/crews/run', () => {
  it('refuses a run missing an input its behaviour names, before any job', async () => {
    const refused = await postJson(`${server.url}/api/v1/projects/crew-team/crews/run`, { inputs: {} });
    expect(refused.status).toBe(400);
    expect(errorOf(refused.body)).toMatchObject({
      code: 'TESTOPS_CREW_INPUT_MISSING',
      message: expect.stringContaining('{spec}'),
    });
  });

  it('runs the project’s crew as a job whose agent steps stream as events', async () => {
    const submitted = await postJson(`${server.url}/api/v1/projects/crew-team/crews/run`, {
      inputs: { spec: specUrl },
    });
    expect(submitted.status).toBe(202);
    const id = submitted.body['request_id'] as string;
    const task = await waitForTask(server.url, id, ['completed', 'failed']);
    expect(task.status).toBe('completed');
    expect(task.summary).toMatchObject({
      crew: 'team crew',
      behavior_source: 'project crew-team',
      tasks: [{ task: 'read', agent: 'analyst', mode: 'tool' }],
    });
    const { events } = await readEvents(`${server.url}/api/v1/stream/${id}`, { timeoutMs: 20_000 });
    const steps = events
      .map((event) => event.data as { type: string; step?: { action: string; tool?: string } })
      .filter((event) => event.type === 'crew-step')
      .map((event) => `${event.step!.action} ${event.step!.tool ?? ''}`.trim());
    expect(steps).toEqual(['task-start', 'tool-call read_api', 'task-end read_api']);
  });

  it('never lets a crew read a file of the server', async () => {
    const submitted = await postJson(`${server.url}/api/v1/projects/crew-team/crews/run`, {
      inputs: { spec: '/etc/passwd' },
    });
    const task = await waitForTask(server.url, submitted.body['request_id'] as string, [
      'completed',
      'failed',
    ]);
    expect(task.status).toBe('failed');
    expect(JSON.stringify(task.errors)).toMatch(
      /failed: spec: must be a URL or a path inside the crew's work folder/,
    );
  });

  it('refuses credentials sent as inputs: they go in options.headers', async () => {
    const refused = await postJson(`${server.url}/api/v1/projects/crew-team/crews/run`, {
      inputs: { spec: specUrl, api_token: 'secret-value' },
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('options.headers');
    expect(JSON.stringify(refused.body)).not.toContain('secret-value');
  });
});
