import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTestopsError } from '../../../src/core/errors.ts';
import { generateTestPlan } from '../../../src/generation/plan/generate-test-plan.ts';
import { readDefects } from '../../../src/sources/defects/read-defects.ts';
import { calculatorTwins, caseSetOf, twinCases } from './case-builders.ts';
import { DEFECT_FIXTURES } from './targets.ts';

describe('defect history in the plan', () => {
  it('weighs the compute API’s Jira JSON export by component, priority and resolution', async () => {
    const history = await readDefects(join(DEFECT_FIXTURES, 'jira-export.json'));
    expect(history.issues).toEqual([]);
    const plan = generateTestPlan({
      cases: caseSetOf(twinCases()),
      defects: history.records,
      existingTests: [],
    });
    const risks = Object.fromEntries(plan.risks.features.map((risk) => [risk.feature, risk]));
    // Disks: open Blockers 412 and 409 (8 + 8), fixed Critical 398 and Major 377 (2 + 1): saturated.
    expect(risks['Disks']).toMatchObject({ likelihood: 5, defects: { open: 2, resolved: 2 } });
    // Flavors: one Trivial closed as Duplicate weighs nothing.
    expect(risks['Flavors']).toMatchObject({ likelihood: 1, defects: { open: 0, resolved: 1 } });
    expect(plan.entryCriteria.join('\n')).toContain('COMPUTE-409 (Disks)');
    expect(plan.exitCriteria).toContain(
      'no open Blocker or Critical defects in component Disks (open now: COMPUTE-409, COMPUTE-412)',
    );
  });

  it('weighs the calculator’s CSV export, a defect naming only the product for every page', async () => {
    const history = await readDefects(join(DEFECT_FIXTURES, 'defect-history.csv'));
    expect(history.issues).toEqual([]);
    const plan = generateTestPlan({
      cases: caseSetOf(calculatorTwins(), { title: 'Cloud price calculator' }),
      defects: history.records,
      existingTests: [],
    });
    const [start, catalogue] = plan.prioritisation.cases;
    // Start page: open Blocker CALC-88 (8) + fixed Minor CALC-70 (0.5, product-wide); catalogue: CALC-70 only.
    expect(start).toMatchObject({ feature: 'Start page', history: 0.531 });
    expect(catalogue).toMatchObject({ feature: 'Product catalogue', history: 0.031 });
    // Configuration and Mobile defects name pages these two cases are not about.
    expect(plan.warnings).toEqual([
      expect.stringContaining('CALC-81, CALC-79, CALC-74 (components Calculator, Configuration)'),
      expect.stringContaining('CALC-63 (components Calculator, Mobile)'),
    ]);
  });

  it('carries per-row problems of a malformed CSV into the plan as warnings and keeps the good rows', async () => {
    const history = await readDefects(join(DEFECT_FIXTURES, 'malformed-history.csv'));
    expect(history.records.map((record) => record.key)).toEqual(['COMPUTE-409', 'COMPUTE-384']);
    const warnings = history.issues.map((issue) => `${history.file}:${issue.line}: ${issue.message}`);
    const plan = generateTestPlan({
      cases: caseSetOf(twinCases()),
      defects: history.records,
      existingTests: [],
      warnings,
    });
    // Three rows the reader could not take, then the VMs defect no disk or flavor case is about.
    expect(plan.warnings).toHaveLength(4);
    expect(plan.warnings[3]).toContain('COMPUTE-384 (component VMs)');
    expect(plan.warnings[0]).toMatch(/malformed-history\.csv:3: the row has no key/);
    expect(plan.warnings[2]).toMatch(/:6: a quoted field opened on this line is never closed/);
    expect(plan.risks.features.find((risk) => risk.feature === 'Disks')?.defects.keys).toEqual([
      'COMPUTE-409',
    ]);
  });

  it('refuses a file that is no defect export with a clear, typed error', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'testops-plan-'));
    const file = join(folder, 'cut-off.json');
    await writeFile(file, '{ "issues": [ { "key": "COMPUTE-1", ');
    const error = await readDefects(file).catch((thrown: unknown) => thrown);
    expect(isTestopsError(error) && error.code).toBe('TESTOPS_DEFECTS_INVALID');
    expect(String((error as Error).message)).toContain(file);
  });

  it('warns about defects whose component matches nothing instead of ignoring them silently', () => {
    const plan = generateTestPlan({
      cases: caseSetOf(twinCases()),
      defects: [
        {
          key: 'NET-7',
          summary: 'Floating IP not released',
          components: ['Floating IPs'],
          priority: 'Blocker',
          created: undefined,
          resolution: undefined,
          source: { file: 'defects.csv', line: 2 },
        },
      ],
      existingTests: [],
    });
    expect(plan.warnings).toEqual([
      'defects NET-7 (component Floating IPs) match no feature, page or operation of the cases and do not name the product: they weigh nothing',
    ]);
  });
});
