import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiModel } from '../../src/core/api-model.ts';
import type { TestOutcome } from '../../src/core/run-report.ts';
import type { ApiSuite } from '../../src/core/test-case.ts';
import { emitPlaywrightSuite } from '../../src/emit/playwright-ts/emit-playwright-suite.ts';
import { generateApiSuite } from '../../src/generation/api/generate-api-suite.ts';
import {
  recordApiCaseRepairs,
  repairApiCases,
  type ApiRepairResult,
} from '../../src/pipeline/api-case-repair.ts';
import { openModelRun } from '../../src/pipeline/model-run.ts';
import { buildApiModel } from '../../src/sources/openapi/build-api-model.ts';
import { loadSpec } from '../../src/sources/openapi/load-spec.ts';
import { startModelServer, type ModelServer } from '../support/model-fixture-server.ts';
import { forgetModelSettings, useFixtureModel } from '../support/model-environment.ts';
import { plantApiMistakes } from '../support/planted-api-mistakes.ts';

// The API repair step between a run and its verdicts, over the real provider code and real HTTP
// against the local fixture server; the re-run is recorded, so no runner is needed here (the
// end-to-end test in test/e2e/llm-api-repair.test.ts runs the repaired suite for real).
let server: ModelServer;
let model: ApiModel;
let suite: ApiSuite;
let outDir: string;
beforeAll(async () => {
  server = await startModelServer();
  model = buildApiModel(await loadSpec('examples/compute-api/openapi.yaml', {}));
  suite = plantApiMistakes(
    generateApiSuite(model, {
      specSource: 'examples/compute-api/openapi.yaml',
      variables: { project_id: 'p' },
      only: ['GET /api/v1/disks/{disk_id}', 'GET /api/v1/vms/{vm_id}', 'GET /api/v1/flavors'],
    }),
  );
  outDir = await mkdtemp(join(tmpdir(), 'api-case-repair-'));
});
afterAll(async () => {
  await server.close();
  await rm(outDir, { recursive: true, force: true });
});
afterEach(forgetModelSettings);

const titleOf = (id: string) => suite.cases.find((testCase) => testCase.id === id)!.title;
const outcome = (id: string, actual: number | undefined, passes = 0): TestOutcome => ({
  title: titleOf(id),
  file: 'tests/disks.spec.ts:3',
  operation: suite.cases.find((testCase) => testCase.id === id)!.operation,
  verdict: actual === undefined ? 'delivered' : 'defect',
  passes: actual === undefined ? 2 : passes,
  runs: 2,
  skipReason: undefined,
  failure:
    actual === undefined
      ? undefined
      : {
          message: `Error: expected status 200, got ${actual}`,
          expected: 'status 200',
          actual: `status ${actual}`,
          exchanges: [],
          artifacts: [],
        },
});

async function repairWith(llm: 'auto' | 'off', outcomes: TestOutcome[], rerun: TestOutcome[] = []) {
  const run = await openModelRun({ llm, cache: false }, () => {});
  const reruns: string[] = [];
  const result: ApiRepairResult = { suite, repairs: [] };
  const judged = await repairApiCases(
    {
      run,
      model,
      suite,
      outDir,
      baseUrl: 'http://127.0.0.1:9',
      language: 'en',
      emit: async (candidate) => emitPlaywrightSuite(candidate, { baseUrl: 'http://127.0.0.1:9' }),
    },
    { outcomes, repeat: 2, rerun: async (dir) => (reruns.push(dir), rerun) },
    result,
  );
  recordApiCaseRepairs(run, result, false);
  return { judged, result, reruns, section: run.section() };
}

describe('repairApiCases', () => {
  it('without a model changes nothing and asks nothing', async () => {
    const outcomes = [outcome('planted-disk-read', 404)];
    const { judged, result, reruns, section } = await repairWith('off', outcomes);
    expect(judged).toBe(outcomes);
    expect(result).toEqual({ suite, repairs: [] });
    expect(reruns).toEqual([]);
    expect(section.capabilities).toEqual([]);
  });

  it('leaves failures that are not a test mistake alone (a 500)', async () => {
    useFixtureModel(server, 'api-repairs');
    const outcomes = [outcome('planted-disk-read', 500)];
    const { judged, result } = await repairWith('auto', outcomes);
    expect(judged).toBe(outcomes);
    expect(result.repairs).toEqual([]);
  });

  it('with a model answering garbage keeps the original failure and says the model was unavailable', async () => {
    useFixtureModel(server, 'garbage');
    const outcomes = [outcome('planted-disk-read', 404)];
    const { judged, result, reruns, section } = await repairWith('auto', outcomes);
    expect(judged).toBe(outcomes);
    expect(result.suite).toBe(suite);
    expect(result.repairs).toEqual([
      expect.objectContaining({ mistake: 'missing-setup', outcome: 'model-unavailable' }),
    ]);
    expect(reruns).toEqual([]);
    expect(section.fallbacks.join('\n')).toContain(
      'model unavailable — deterministic result (api → test repair',
    );
  });

  it('rejects a repair naming a kind the suite cannot create, without running anything', async () => {
    useFixtureModel(server, 'api-repairs');
    const outcomes = [outcome('planted-vm-read', 404)];
    const { judged, result, reruns, section } = await repairWith('auto', outcomes);
    expect(judged).toBe(outcomes);
    expect(result.repairs).toEqual([
      expect.objectContaining({
        outcome: 'rejected',
        changes: ['step 0 (GET /api/v1/vms/{vm_id}): path vm_id → id of an instance created first'],
        detail: 'names resource kind "instance", which the suite cannot create (kinds it creates: disk, vm)',
      }),
    ]);
    expect(reruns).toEqual([]);
    expect(section.capabilities).toEqual([
      expect.objectContaining({ capability: 'api → test repair', proposed: 1, rejected: 1, delivered: 0 }),
    ]);
  });

  it('delivers only a repair that passed every re-run, and writes it into the suite', async () => {
    useFixtureModel(server, 'api-repairs');
    const outcomes = [outcome('planted-disk-read', 404), outcome('planted-flavor-list', 401)];
    const rerun = [
      outcome('planted-disk-read', undefined),
      { ...outcome('planted-flavor-list', 401, 1), verdict: 'flaky' as const },
    ];
    const { judged, result, reruns } = await repairWith('auto', outcomes, rerun);
    expect(reruns).toEqual([join(outDir, '.repair-run')]);
    expect(result.repairs.map((repair) => [repair.mistake, repair.outcome, repair.detail])).toEqual([
      ['missing-setup', 'delivered', 'passed 2 of 2 runs'],
      ['missing-auth', 'still-failing', 'passed 1 of 2 runs: the original failure stands'],
    ]);
    expect(judged.map((entry) => entry.verdict)).toEqual(['delivered', 'defect']);
    const disk = result.suite.cases.find((testCase) => testCase.id === 'planted-disk-read')!;
    expect(disk.uses).toEqual([{ alias: 'disk', resource: 'disk' }]);
    expect(
      result.suite.cases.find((testCase) => testCase.id === 'planted-flavor-list')!.steps[0]!.request.auth,
    ).toBe('none');
    // The suite's files now hold the repaired case: the same files the emitter gives for it.
    const files = emitPlaywrightSuite(result.suite, { baseUrl: 'http://127.0.0.1:9' });
    const [path, source] = Object.entries(files).find(([, text]) => text.includes(disk.title))!;
    expect(await readFile(join(outDir, path), 'utf8')).toBe(source);
    expect(source).not.toBe(emitPlaywrightSuite(suite, { baseUrl: 'http://127.0.0.1:9' })[path]);
  });
});
