// Test repair with a model on an API suite: three planted test mistakes against the compute demo,
// repaired by the local fixture server (real HTTP, the real provider code). A read whose resource
// was never created gets it created first and a list sent without credentials gets them: both pass
// every re-run and are delivered. A repair naming a resource kind the suite cannot create is
// rejected and its original failure stands.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startComputeApi, type ComputeApiServer } from '../../examples/compute-api/server.ts';
import type { PipelineEvent } from '../../src/core/events.ts';
import { generateApi } from '../../src/pipeline/generate-api.ts';
import { startModelServer, type ModelServer } from '../support/model-fixture-server.ts';
import { forgetModelSettings, useFixtureModel } from '../support/model-environment.ts';
import { plantedApiRepairRun } from '../support/planted-api-mistakes.ts';

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

describe('generate api repairs tests that failed through their own mistake', () => {
  it('delivers repairs naming what the suite has after N/N passes, rejects one naming a missing kind', async () => {
    useFixtureModel(server, 'api-repairs');
    const events: PipelineEvent[] = [];
    const outDir = join(root, 'suite');
    const report = await generateApi({
      ...plantedApiRepairRun(compute, outDir, 2),
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
    // The repaired tests count as delivered; the rejected one's failure stands.
    expect(report.tests).toMatchObject({ generated: 3, delivered: 2, failed: 1 });
    expect(report.suspectedDefects.map((defect) => defect.test)).toEqual([vm.test]);
    const assist = report.model!.capabilities.find((entry) => entry.capability === 'api → test repair')!;
    expect(assist).toMatchObject({ status: 'used', proposed: 3, rejected: 1, delivered: 2 });
    expect(await readdir(outDir)).not.toContain('.repair-run');
    const markdown = await readFile(join(outDir, 'REPORT.md'), 'utf8');
    expect(markdown).toContain('## Test repairs');
    const logged = events.flatMap((event) => (event.type === 'log' ? [event.message] : []));
    expect(logged.join('\n')).toContain(`test repair "${disk.test}" (missing-setup): delivered`);
  }, 90_000);
});
