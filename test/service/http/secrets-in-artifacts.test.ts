import { randomBytes, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startComputeApi, type ComputeApiServer } from '../../../examples/compute-api/server.ts';
import { loadServiceConfig } from '../../../src/service/config.ts';
import { startServer, type RunningServer } from '../../../src/service/start-server.ts';
import { capturedLogs } from '../support/captured-logs.ts';
import { tempDataDir, type TempDataDir } from '../support/databases.ts';
import { computeApiSpec, postJson, readEvents, waitForTask } from '../support/service-client.ts';
import { zipEntries } from '../support/zip-entries.ts';

// Regression: target headers were redacted by name only, so X-Api-Key-Custom reached evidence,
// curl lines and the stored report in plain text. A job's header values and secret variables
// must be absent from its artifacts zip, stored report, events and the service's logs.

// allure-pytest cannot be installed here; a no-op `allure` stands in for it in tests only.
process.env['PYTHONPATH'] = resolve('test/emit/pytest/fixtures/allure-stub');

const customKey = `custom-${randomBytes(12).toString('hex')}`;
const bearerToken = `bearer-${randomBytes(12).toString('hex')}`;
const projectId = randomUUID();
const SECRETS = [customKey, bearerToken, projectId];

let dataDir: TempDataDir;
let server: RunningServer;
let target: ComputeApiServer;
const logs = capturedLogs();

beforeAll(async () => {
  dataDir = await tempDataDir();
  // Updates are not persisted: the disk lifecycle test fails and leaves evidence with a curl line.
  target = await startComputeApi({ fault: 'update-not-persisted', token: bearerToken, projectId });
  const config = loadServiceConfig(
    { TESTOPS_DATA_DIR: dataDir.path, TESTOPS_ALLOW_PRIVATE_TARGETS: '1', LOG_LEVEL: 'debug' },
    { port: 0, concurrency: 1 },
  );
  server = await startServer(config, { logDestination: logs.destination, demos: false });
});

afterAll(async () => {
  await server?.close();
  await target?.close();
  await dataDir?.remove();
});

describe('a job with a custom secret header and a secret variable', () => {
  it('keeps their values out of the artifacts zip, the stored report, events and logs', async () => {
    const submitted = await postJson(`${server.url}/api/v1/generate/api-tests`, {
      openapi_spec: await computeApiSpec(),
      base_url: target.url,
      endpoints: [
        'POST /api/v1/disks',
        'GET /api/v1/disks/{disk_id}',
        'PUT /api/v1/disks/{disk_id}',
        'DELETE /api/v1/disks/{disk_id}',
      ],
      test_types: ['stateful'],
      options: {
        format: 'pytest',
        repeat: 1,
        headers: [`Authorization: Bearer ${bearerToken}`, `X-Api-Key-Custom: ${customKey}`],
        secret_variables: { project_id: projectId },
      },
    });
    expect(submitted.status).toBe(202);
    const id = submitted.body['request_id'] as string;
    const job = await server.runtime.stores.jobs.get(id);
    expect(JSON.stringify(job?.input)).not.toContain(projectId);
    await waitForTask(server.url, id, ['completed']);

    const report = await (await fetch(`${server.url}/api/v1/tasks/${id}/report`)).text();
    // The job ran with the secrets and the fault showed: evidence exists, masked.
    expect(report).toMatch(/x-api-key-custom: \*\*\*/i);
    const zip = Buffer.from(await (await fetch(`${server.url}/api/v1/tasks/${id}/artifacts`)).arrayBuffer());
    const entries = zipEntries(zip);
    expect(entries.some((entry) => entry.name.includes('/evidence/'))).toBe(true);
    const events = await readEvents(`${server.url}/api/v1/stream/${id}`);
    const tests = await (await fetch(`${server.url}/api/v1/tests?request_id=${id}&limit=500`)).text();

    const leaks = (where: string, text: string) =>
      SECRETS.filter((secret) => text.includes(secret)).map((secret) => `${where}: ${secret}`);
    expect([
      ...entries.flatMap((entry) => leaks(entry.name, entry.text)),
      ...leaks('zip', zip.toString('latin1')),
      ...leaks('report', report),
      ...leaks('events', JSON.stringify(events.events)),
      ...leaks('tests', tests),
      ...leaks('logs', logs.text()),
    ]).toEqual([]);
    expect(logs.text()).toContain('job finished');
  }, 300_000);
});
