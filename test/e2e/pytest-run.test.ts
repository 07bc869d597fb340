import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startComputeApi, type ComputeApiServer } from '../../examples/compute-api/server.ts';
import { generateApi } from '../../src/pipeline/generate-api.ts';
import { runSuite } from '../../src/pipeline/run-suite.ts';

// allure-pytest cannot be installed here; a no-op `allure` stands in for it in tests only.
process.env['PYTHONPATH'] = resolve('test/emit/pytest/fixtures/allure-stub');

const ONLY = [
  'POST /api/v1/disks',
  'GET /api/v1/disks/{disk_id}',
  'PUT /api/v1/disks/{disk_id}',
  'DELETE /api/v1/disks/{disk_id}',
];
let suiteDir: string;
let server: ComputeApiServer;

beforeAll(async () => {
  suiteDir = await mkdtemp(join(tmpdir(), 'testops-pytest-'));
  server = await startComputeApi({ fault: null });
});

afterAll(async () => {
  await server?.close();
  if (suiteDir) await rm(suiteDir, { recursive: true, force: true });
});

describe('generate api --format pytest --run', () => {
  it('delivers every test on the correct API, then reports a fault with evidence', async () => {
    const report = await generateApi({
      spec: 'examples/compute-api/openapi.yaml',
      outDir: suiteDir,
      format: 'pytest',
      baseUrl: server.url,
      headers: [`Authorization: Bearer ${server.token}`],
      variables: { project_id: server.projectId },
      only: ONLY,
      run: true,
      repeat: 2,
    });
    expect(report.tests.generated).toBeGreaterThan(40);
    expect(report.tests.delivered).toBe(report.tests.generated);
    expect(report.operations.covered).toBe(4);

    const faulty = await startComputeApi({ fault: 'update-not-persisted' });
    try {
      const faultReport = await runSuite({
        suiteDir,
        baseUrl: faulty.url,
        repeat: 1,
        headers: [`Authorization: Bearer ${faulty.token}`],
        variables: { project_id: faulty.projectId },
      });
      const lifecycle = faultReport.suspectedDefects.find((defect) =>
        defect.test.startsWith('disk lifecycle'),
      );
      // The update changes a prose field first: the disk's description.
      expect(lifecycle?.expected).toMatch(/^description = "description/);
      expect(lifecycle?.curl).toContain('curl -i -X GET');
      const evidence = JSON.parse(await readFile(join(suiteDir, lifecycle!.evidence), 'utf8')) as {
        exchanges: unknown[];
      };
      expect(evidence.exchanges.length).toBeGreaterThan(2);
    } finally {
      await faulty.close();
    }
  });
});
