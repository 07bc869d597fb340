// Test repair with a model on an API suite: three planted test mistakes against the compute demo,
// repaired by the local fixture server (real HTTP, the real provider code). A read whose resource
// was never created gets it created first and a list sent without credentials gets them: both pass
// every re-run and are delivered. A repair naming a resource kind the suite cannot create is
// rejected and its original failure stands. The same run for a Playwright and a pytest suite.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startComputeApi, type ComputeApiServer } from '../../examples/compute-api/server.ts';
import type { PipelineEvent } from '../../src/core/events.ts';
import { generateApi } from '../../src/pipeline/generate-api.ts';
import { startModelServer, type ModelServer } from '../support/model-fixture-server.ts';
import { forgetModelSettings, useFixtureModel } from '../support/model-environment.ts';
import { NOBODY, plantedApiRepairRun } from '../support/planted-api-mistakes.ts';

// allure-pytest cannot be installed here; a no-op `allure` stands in for it in tests only.
process.env['PYTHONPATH'] = resolve('test/emit/pytest/fixtures/allure-stub');

let server: ModelServer;
let compute: ComputeApiServer;
let root: string;

beforeAll(async () => {
  server = await startModelServer();
  compute = await startComputeApi({ fault: null });
  root = await mkdtemp(join(tmpdir(), 'llm-api-repair-'));
});
afterAll(async () => {
  await server.close();
  await compute?.close();
  await rm(root, { recursive: true, force: true });
});
afterEach(forgetModelSettings);

/** Where each format puts the planted reads, how it creates a disk first and how it marks an undelivered test. */
const EMITTED = {
  'playwright-ts': {
    disks: 'tests/disks.spec.ts',
    vms: 'tests/vms.spec.ts',
    createsDisk: 'pathParams: { disk_id: disk.id }',
    skipped: /test\.fixme\(/,
  },
  pytest: {
    disks: 'tests/test_disks.py',
    vms: 'tests/test_vms.py',
    createsDisk: 'path_params={"disk_id": disk.id}',
    skipped: /@pytest\.mark\.skip\(reason="Not delivered by TestOps Copilot: not reached/,
  },
} as const;

describe.each(['playwright-ts', 'pytest'] as const)(
  'generate api --format %s repairs tests that failed through their own mistake',
  (format) => {
    it('delivers repairs naming what the suite has after N/N passes, rejects one naming a missing kind', async () => {
      useFixtureModel(server, 'api-repairs');
      const events: PipelineEvent[] = [];
      const outDir = join(root, format);
      const report = await generateApi({
        ...plantedApiRepairRun(compute, outDir, 2, format),
        events: (event) => events.push(event),
      });
      const titles = Object.fromEntries(report.repairs!.map((repair) => [repair.test, repair]));
      expect(report.repairs).toHaveLength(3);
      const disk = report.repairs!.find((repair) => repair.test.startsWith('GET /api/v1/disks/{disk_id}'))!;
      const vm = report.repairs!.find((repair) => repair.test.startsWith('GET /api/v1/vms/{vm_id}'))!;
      const flavors = report.repairs!.find((repair) => repair.test.startsWith('GET /api/v1/flavors'))!;
      expect(Object.keys(titles)).toHaveLength(3);
      expect(disk).toMatchObject({
        mistake: 'missing-setup',
        outcome: 'delivered',
        detail: 'passed 2 of 2 runs',
        changes: ['step 0 (GET /api/v1/disks/{disk_id}): path disk_id → id of a disk created first'],
      });
      expect(flavors).toMatchObject({
        mistake: 'missing-auth',
        outcome: 'delivered',
        detail: 'passed 2 of 2 runs',
      });
      expect(vm).toMatchObject({
        mistake: 'missing-setup',
        outcome: 'rejected',
        detail: 'names resource kind "instance", which the suite cannot create (kinds it creates: disk, vm)',
      });
      // The repaired tests count as delivered. The rejected one still reads a VM the suite made up:
      // the 404 is about the suite's own input, so the read is not reached, not a defect.
      expect(report.tests).toMatchObject({ generated: 3, delivered: 2, failed: 0, notReached: 1 });
      expect(report.suspectedDefects).toEqual([]);
      expect(report.notReached?.map((entry) => [entry.operation, entry.status])).toEqual([
        ['GET /api/v1/vms/{vm_id}', 404],
      ]);
      const assist = report.model!.capabilities.find((entry) => entry.capability === 'api → test repair')!;
      expect(assist).toMatchObject({ status: 'used', proposed: 3, rejected: 1, delivered: 2 });
      expect(await readdir(outDir)).not.toContain('.repair-run');
      // The repaired cases ran alone, with the suite's own runner (pytest runs once per repeat).
      const rerun = events.slice(
        events.findIndex((event) => event.type === 'stage-start' && event.stage === 'run repaired tests ×2'),
      );
      const rerunEnds = rerun.flatMap((event) => (event.type === 'run-end' ? [event] : []));
      expect(rerunEnds).toHaveLength(format === 'pytest' ? 2 : 1);
      for (const end of rerunEnds) expect(end).toMatchObject({ passed: 2, failed: 0, skipped: 0 });
      // The delivered files hold the repaired disk read; the rejected VM read is marked with the refusal.
      const emitted = EMITTED[format];
      const diskSource = await readFile(join(outDir, emitted.disks), 'utf8');
      expect(diskSource).toContain(emitted.createsDisk);
      expect(diskSource).not.toContain(NOBODY);
      expect(diskSource).not.toMatch(emitted.skipped);
      expect(await readFile(join(outDir, emitted.vms), 'utf8')).toMatch(emitted.skipped);
      expect(await readFile(join(outDir, emitted.vms), 'utf8')).toContain('vm_not_found');
      const markdown = await readFile(join(outDir, 'REPORT.md'), 'utf8');
      expect(markdown).toContain('## Test repairs');
      const logged = events.flatMap((event) => (event.type === 'log' ? [event.message] : []));
      expect(logged.join('\n')).toContain(`test repair "${disk.test}" (missing-setup): delivered`);
    }, 90_000);
  },
);
