import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServiceConfig } from '../../../src/service/config.ts';
import { startServer, type RunningServer } from '../../../src/service/start-server.ts';
import { FakeGitlab } from '../../integrations/fakes/fake-gitlab.ts';
import { capturedLogs } from '../support/captured-logs.ts';
import { tempDataDir, type TempDataDir } from '../support/databases.ts';
import { computeApiSpec, postJson, readEvents, waitForTask } from '../support/service-client.ts';

// The `export` job as a client of the HTTP API uses it: the token stored once as a project
// secret, a finished task's suite exported by id, progress on the stream, and the token nowhere
// in the job's row, events, summary, artifacts or the service's logs.
const TOKEN = 'glpat-ServiceSecretToken42';

let dataDir: TempDataDir;
let server: RunningServer;
let gitlab: FakeGitlab;
const logs = capturedLogs();

beforeAll(async () => {
  dataDir = await tempDataDir();
  gitlab = await FakeGitlab.start({
    path: 'qa/service',
    token: TOKEN,
    files: { 'README.md': '# service\n' },
  });
  // The fake GitLab is on loopback, which the service refuses unless private targets are allowed.
  const config = loadServiceConfig(
    { TESTOPS_DATA_DIR: dataDir.path, TESTOPS_ALLOW_PRIVATE_TARGETS: '1', LOG_LEVEL: 'debug' },
    { port: 0, concurrency: 1 },
  );
  server = await startServer(config, { logDestination: logs.destination, demos: false });
});

afterAll(async () => {
  await server?.close();
  await gitlab?.stop();
  await dataDir?.remove();
});

const target = (overrides: Record<string, unknown> = {}) => ({
  vendor: 'gitlab',
  repo: 'qa/service',
  branch: 'testops/service',
  path: 'api-tests',
  base_url: gitlab.baseUrl,
  token_secret: 'gitlab-token',
  ci: true,
  ...overrides,
});

describe('the export job', () => {
  it('refuses a token secret the project does not have, and a task it does not have', async () => {
    const noSecret = await postJson(`${server.url}/api/v1/export`, {
      files: [{ path: 'a.md', content: 'a' }],
      target: target(),
    });
    expect(noSecret.status).toBe(400);
    expect(JSON.stringify(noSecret.body)).toContain('TESTOPS_VENDOR_TOKEN_MISSING');
    expect(JSON.stringify(noSecret.body)).toContain('secrets');
    const stored = await postJson(`${server.url}/api/v1/projects/default/secrets`, {
      name: 'gitlab-token',
      value: TOKEN,
    });
    expect(stored.status).toBe(204);
    const names = await (await fetch(`${server.url}/api/v1/projects/default/secrets`)).json();
    expect(names).toEqual({ names: ['gitlab-token'] });
    const noTask = await postJson(`${server.url}/api/v1/export`, {
      task_id: crypto.randomUUID(),
      target: target(),
    });
    expect(noTask.status).toBe(404);
    expect(JSON.stringify(noTask.body)).toContain('TESTOPS_TASK_NOT_FOUND');
  });

  it("commits a finished task's suite and opens a merge request, with progress on the stream", async () => {
    const generated = await postJson(`${server.url}/api/v1/generate/api-tests`, {
      openapi_spec: await computeApiSpec(),
      endpoints: ['GET /api/v1/flavors'],
      options: { run: false },
    });
    const suiteTask = String(generated.body['request_id']);
    await waitForTask(server.url, suiteTask, ['completed']);

    const submitted = await postJson(`${server.url}/api/v1/export`, { task_id: suiteTask, target: target() });
    expect(submitted.status).toBe(202);
    const id = String(submitted.body['request_id']);
    const stream = await readEvents(`${server.url}/api/v1/stream/${id}`, {
      until: (event) =>
        event.event === 'status' && ['completed', 'failed'].includes(String(event.data['status'])),
    });
    const task = await waitForTask(server.url, id, ['completed', 'failed']);
    expect(task.errors).toEqual([]);
    expect(task.status).toBe('completed');
    expect(task.summary).toMatchObject({
      vendor: 'gitlab',
      branch: 'testops/service',
      review_created: true,
      deleted: 0,
    });
    expect(stream.events.map((event) => event.data['stage'])).toEqual(
      expect.arrayContaining(['read the GitLab project', 'open or update the merge request']),
    );

    // The tree under the folder is the task's suite, file for file.
    const artifacts = await server.runtime.stores.artifacts.listForJob(suiteTask);
    const suite = new Map(
      artifacts
        .filter((file) => file.path.startsWith('api-suite/'))
        .map((file) => [file.path.slice('api-suite/'.length), file.content]),
    );
    expect(suite.size).toBeGreaterThan(3);
    expect(await gitlab.repository.files('testops/service', 'api-tests')).toEqual(suite);
    expect(gitlab.mergeRequests).toHaveLength(1);
    expect(gitlab.server.problems).toEqual([]);

    const exportArtifacts = await server.runtime.stores.artifacts.listForJob(id);
    const seenByUsers = [
      JSON.stringify(await server.runtime.stores.jobs.get(id)),
      JSON.stringify(stream.events),
      ...exportArtifacts.map((file) => file.content.toString('utf8')),
      logs.text(),
    ].join('\n');
    expect(exportArtifacts.map((file) => file.path)).toEqual(['export-result.json']);
    expect(seenByUsers).not.toContain(TOKEN);

    // Again: nothing changed, no commit, the same merge request.
    const again = await postJson(`${server.url}/api/v1/export`, { task_id: suiteTask, target: target() });
    const second = await waitForTask(server.url, String(again.body['request_id']), ['completed', 'failed']);
    expect(second.summary).toMatchObject({ commit: null, review_created: false, created: 0, updated: 0 });
    expect(await gitlab.repository.commitCount('testops/service')).toBe(2);
  }, 170_000);
});
