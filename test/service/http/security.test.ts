import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServiceConfig } from '../../../src/service/config.ts';
import { startServer, type RunningServer } from '../../../src/service/start-server.ts';
import { capturedLogs } from '../support/captured-logs.ts';
import { tempDataDir, type TempDataDir } from '../support/databases.ts';
import { computeApiSpec, postJson, waitForTask } from '../support/service-client.ts';

// Auth with scoped keys, rate and size limits, CORS, secrets kept out of rows and logs: the
// embedded server configured as it would be when reachable from other machines.
let dataDir: TempDataDir;
let server: RunningServer;
let base: string;
const logs = capturedLogs();

beforeAll(async () => {
  dataDir = await tempDataDir();
  const config = loadServiceConfig(
    {
      TESTOPS_DATA_DIR: dataDir.path,
      TESTOPS_REQUIRE_AUTH: '1',
      TESTOPS_RATE_LIMIT: '40',
      TESTOPS_BODY_LIMIT: String(256 * 1024),
      TESTOPS_CORS_ORIGINS: 'https://qa.example.com',
      LOG_LEVEL: 'info',
    },
    { port: 0, concurrency: 1 },
  );
  server = await startServer(config, { logDestination: logs.destination });
  base = server.url;
});

afterAll(async () => {
  await server?.close();
  await dataDir?.remove();
});

const validateBody = (project?: string) => ({
  ...(project ? { project_id: project } : {}),
  files: [{ path: 'test_login.py', content: 'def test_login():\n    assert True\n' }],
});

describe('security of the server', () => {
  it('requires an API key, scoped per project, and refuses revoked keys', async () => {
    const keys = server.runtime.stores.keys;
    const billing = await keys.create('billing', 'ci');
    const all = await keys.create('*', 'admin');

    const anonymous = await postJson(`${base}/api/v1/validate`, validateBody('billing'));
    expect(anonymous.status).toBe(401);
    expect((anonymous.body['error'] as { code: string; message: string }).message).toContain(
      'testops keys create',
    );

    const auth = (key: string) => ({ authorization: `Bearer ${key}` });
    expect(
      (await postJson(`${base}/api/v1/validate`, validateBody('billing'), auth(billing.key))).status,
    ).toBe(202);
    const other = await postJson(`${base}/api/v1/validate`, validateBody('shop'), auth(billing.key));
    expect(other.status).toBe(403);
    expect((other.body['error'] as { code: string }).code).toBe('TESTOPS_FORBIDDEN');
    expect(
      (await postJson(`${base}/api/v1/validate`, validateBody('shop'), { 'x-api-key': all.key })).status,
    ).toBe(202);

    const list = (await (await fetch(`${base}/api/v1/tasks`, { headers: auth(billing.key) })).json()) as {
      items: { project_id: string }[];
    };
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((task) => task.project_id === 'billing')).toBe(true);

    await keys.revoke(billing.record.id);
    expect(
      (await postJson(`${base}/api/v1/validate`, validateBody('billing'), auth(billing.key))).status,
    ).toBe(401);
    expect((await fetch(`${base}/admin/queues`)).status).toBe(401);
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  it('keeps target credentials out of job rows and logs (encrypted in the secret store until the job completes)', async () => {
    const all = await server.runtime.stores.keys.create('*', 'secrets');
    const submitted = await postJson(
      `${base}/api/v1/generate/api-tests`,
      {
        openapi_spec: await computeApiSpec(),
        options: { run: false, headers: ['Authorization: Bearer super-secret-target-token'] },
      },
      { authorization: `Bearer ${all.key}` },
    );
    expect(submitted.status).toBe(202);
    const job = await server.runtime.stores.jobs.get(submitted.body['request_id'] as string);
    expect(JSON.stringify(job?.input)).not.toContain('super-secret-target-token');
    const names = await server.runtime.stores.secrets.list('default');
    expect(names.some((name) => name.startsWith(`job:${job!.id}:`))).toBe(true);
    // Polled within the key's rate limit (40 a minute), however long the job takes on a busy machine.
    await waitForTask(base, job!.id, ['completed'], {
      headers: { authorization: `Bearer ${all.key}` },
      intervalMs: 2_000,
    });
    // A completed job is never retried: its credentials are not kept.
    const left = await server.runtime.stores.secrets.list('default');
    expect(left.filter((name) => name.startsWith(`job:${job!.id}:`))).toEqual([]);
    const logText = logs.text();
    expect(logText).toContain('incoming request');
    expect(logText).not.toContain('super-secret-target-token');
    expect(logText).not.toContain(all.key);
  });

  it('answers CORS preflights for configured origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${base}/api/v1/validate`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const allowed = await preflight('https://qa.example.com');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://qa.example.com');
    const refused = await preflight('https://evil.example.com');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses bodies over the size limit with 413 and a way out', async () => {
    const all = await server.runtime.stores.keys.create('*', 'size');
    const huge = await postJson(
      `${base}/api/v1/validate`,
      { files: [{ path: 'big.py', content: 'x'.repeat(300 * 1024) }] },
      { authorization: `Bearer ${all.key}` },
    );
    expect(huge.status).toBe(413);
    expect((huge.body['error'] as { code: string; message: string }).message).toContain('openapi_url');
  });

  it('limits the request rate per client with 429', async () => {
    const key = (await server.runtime.stores.keys.create('*', 'rate')).key;
    const statuses: number[] = [];
    for (let index = 0; index < 45; index += 1)
      statuses.push(
        (await fetch(`${base}/api/v1/tasks?limit=1`, { headers: { authorization: `Bearer ${key}` } })).status,
      );
    expect(statuses).toContain(429);
    const limited = await fetch(`${base}/api/v1/tasks?limit=1`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('TESTOPS_RATE_LIMITED');
    // Another client is not held back by the first one.
    const other = (await server.runtime.stores.keys.create('*', 'other')).key;
    expect(
      (await fetch(`${base}/api/v1/tasks?limit=1`, { headers: { authorization: `Bearer ${other}` } })).status,
    ).toBe(200);
  });
});
