import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TestOutcome } from '../../src/core/run-report.ts';
import type { UiSuite, UiTestCase } from '../../src/core/ui-test-case.ts';
import { generateUiSuite } from '../../src/generation/ui/generate-ui-suite.ts';
import { openModelRun } from '../../src/pipeline/model-run.ts';
import { recordCaseRepairs, repairUiCases, type UiRepairResult } from '../../src/pipeline/ui-case-repair.ts';
import { priceCalculatorSiteModel as site } from '../generation/ui/fixtures/price-calculator/site-model.ts';
import { startModelServer, type ModelServer } from '../support/model-fixture-server.ts';
import { forgetModelSettings, useFixtureModel } from '../support/model-environment.ts';

// The repair step between a run and its verdicts, over the real provider code and real HTTP
// against the local fixture server; the re-run is recorded, so no browser is needed here (the
// end-to-end test in test/e2e/llm-ui-repair.test.ts runs the repaired suite for real).
let server: ModelServer;
beforeAll(async () => {
  server = await startModelServer();
});
afterAll(async () => {
  await server.close();
});
afterEach(forgetModelSettings);

const base = generateUiSuite(site, { kinds: ['smoke'] });
const smoke = base.cases.find((testCase) => testCase.id === 'configure-vm-smoke')!;
// The recorded answer for this case names `button-add-to-estimate`: the calculator explored live
// has it, this fixture model calls it `add-to-estimate`.
const broken: UiTestCase = {
  ...smoke,
  id: 'configure-vm-repair-locator',
  title: 'Broken locator',
  steps: [
    smoke.steps[0]!,
    {
      title: 'the button',
      phase: 'assert',
      actions: [],
      assertions: [
        {
          kind: 'visible',
          target: {
            page: 'configure-vm',
            name: 'addToEstimates',
            locator: { strategy: 'role', role: 'button', name: 'Add to estimates', exact: true },
          },
        },
      ],
    },
  ],
};
const suite: UiSuite = { ...base, cases: [smoke, broken] };

const NOT_FOUND = `Error: expect(locator).toBeVisible() failed

Locator: getByRole('button', { name: 'Add to estimates', exact: true })
Expected: visible
Timeout: 5000ms
Error: element(s) not found`;

const outcome = (title: string, failed: boolean): TestOutcome => ({
  title,
  file: 'configure-vm.spec.ts:3',
  operation: 'configure-vm',
  verdict: failed ? 'defect' : 'delivered',
  passes: failed ? 0 : 2,
  runs: 2,
  skipReason: undefined,
  failure: failed
    ? {
        message: NOT_FOUND,
        expected: 'visible',
        actual: 'element(s) not found',
        exchanges: [],
        artifacts: [],
      }
    : undefined,
});
const outcomes = [outcome(smoke.title, false), outcome(broken.title, true)];

async function repairWith(llm: 'auto' | 'off' | 'required') {
  const run = await openModelRun({ llm, cache: false }, () => {});
  const reruns: string[] = [];
  const result: UiRepairResult = { suite, repairs: [] };
  const judged = await repairUiCases(
    { run, site, suite, outDir: '/nonexistent', language: 'en' },
    { outcomes, repeat: 2, rerun: async (dir) => (reruns.push(dir), []) },
    result,
  );
  recordCaseRepairs(run, result, false);
  return { judged, result, reruns, section: run.section() };
}

describe('repairUiCases', () => {
  it('without a model changes nothing and asks nothing', async () => {
    const { judged, result, reruns, section } = await repairWith('off');
    expect(judged).toBe(outcomes);
    expect(result).toEqual({ suite, repairs: [] });
    expect(reruns).toEqual([]);
    expect(section.capabilities).toEqual([]);
  });

  it('with a model answering garbage keeps the original failure and says the model was unavailable', async () => {
    useFixtureModel(server, 'garbage');
    const { judged, result, reruns, section } = await repairWith('auto');
    expect(judged).toBe(outcomes);
    expect(result.suite).toBe(suite);
    expect(result.repairs).toEqual([
      expect.objectContaining({
        test: 'Broken locator',
        mistake: 'locator-not-found',
        outcome: 'model-unavailable',
      }),
    ]);
    expect(reruns).toEqual([]);
    expect(section.fallbacks.join('\n')).toContain(
      'model unavailable — deterministic result (ui → test repair',
    );
  });

  it('rejects a repair naming an element the page model lacks, without running anything', async () => {
    useFixtureModel(server, 'ui-repairs');
    const { judged, result, reruns, section } = await repairWith('auto');
    expect(judged).toBe(outcomes);
    expect(result.repairs).toEqual([
      expect.objectContaining({
        outcome: 'rejected',
        changes: [expect.stringContaining('target → button-add-to-estimate')],
        detail:
          'names element "button-add-to-estimate", which page configure-vm of the page model does not have',
      }),
    ]);
    expect(reruns).toEqual([]);
    expect(section.capabilities).toEqual([
      expect.objectContaining({
        capability: 'ui → test repair',
        status: 'used',
        proposed: 1,
        rejected: 1,
        delivered: 0,
      }),
    ]);
  });
});
