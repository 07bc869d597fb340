import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServiceConfig } from '../../../src/service/config.ts';
import { startServer, type RunningServer } from '../../../src/service/start-server.ts';
import { removeRunFixtures, writeRunFixture } from '../../integrations/jira/run-report-fixture.ts';
import { type FakeJira, startFakeJira } from '../../support/vendors/fake-jira.ts';
import { capturedLogs } from '../support/captured-logs.ts';
import { tempDataDir, type TempDataDir } from '../support/databases.ts';
import { postJson, waitForTask } from '../support/service-client.ts';

// The export job's Jira target as an HTTP client uses it: the token stored once as a project
// secret, the run's report and evidence sent as files, and the token nowhere in what users see.
const TOKEN = 'jira-pat-ServiceSecret77';

let dataDir: TempDataDir;
let server: RunningServer;
let jira: FakeJira;
const logs = capturedLogs();

beforeAll(async () => {
  dataDir = await tempDataDir();
  jira = await startFakeJira({ flavour: 'server', projectKey: 'CALC', token: TOKEN });
  const config = loadServiceConfig(
    { TESTOPS_DATA_DIR: dataDir.path, TESTOPS_ALLOW_PRIVATE_TARGETS: '1', LOG_LEVEL: 'debug' },
    { port: 0, concurrency: 1 },
  );
  server = await startServer(config, { logDestination: logs.destination, demos: false });
});

afterAll(async () => {
  await server?.close();
  await jira?.close();
  await dataDir?.remove();
  await removeRunFixtures();
});

async function suiteFiles(): Promise<{ path: string; content: string }[]> {
  const { dir } = await writeRunFixture();
  const evidence = await readdir(join(dir, 'evidence'));
  const paths = [
    'testops-report.json',
    ...evidence.filter((name) => name.endsWith('.json')).map((name) => `evidence/${name}`),
  ];
  return Promise.all(paths.map(async (path) => ({ path, content: await readFile(join(dir, path), 'utf8') })));
}

describe('the export job to Jira', () => {
  it('files the run’s defects once, with the token from the project’s secrets', async () => {
    const stored = await postJson(`${server.url}/api/v1/projects/default/secrets`, {
      name: 'jira-token',
      value: TOKEN,
    });
    expect(stored.status).toBe(204);
    const target = {
      vendor: 'jira',
      base_url: jira.url.href,
      flavour: 'server',
      project_key: 'CALC',
      token_secret: 'jira-token',
    };
    const files = await suiteFiles();

    const submitted = await postJson(`${server.url}/api/v1/export`, { files, target });
    expect(submitted.status).toBe(202);
    const id = String(submitted.body['request_id']);
    const task = await waitForTask(server.url, id, ['completed', 'failed']);
    expect(task.errors).toEqual([]);
    expect(task.summary).toMatchObject({
      vendor: 'jira',
      created: 2,
      commented: 0,
      issues: ['CALC-1', 'CALC-2'],
    });
    expect(jira.violations).toEqual([]);

    const again = await postJson(`${server.url}/api/v1/export`, { files, target });
    const second = await waitForTask(server.url, String(again.body['request_id']), ['completed', 'failed']);
    expect(second.summary).toMatchObject({ created: 0, unchanged: 2 });
    expect(jira.issues).toHaveLength(2);

    const artifacts = await server.runtime.stores.artifacts.listForJob(id);
    const seenByUsers = [
      JSON.stringify(await server.runtime.stores.jobs.get(id)),
      ...artifacts.map((file) => file.content.toString('utf8')),
      logs.text(),
    ].join('\n');
    expect(seenByUsers).not.toContain(TOKEN);
  }, 120_000);

  it('refuses a Jira target without a project key, naming the field', async () => {
    const refused = await postJson(`${server.url}/api/v1/export`, {
      files: [{ path: 'testops-report.json', content: '{}' }],
      target: { vendor: 'jira', base_url: jira.url.href, token_secret: 'jira-token' },
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('project_key');
  });
});
