import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ManualCaseSet } from '../../../src/core/manual-case.ts';
import { emitTestPlan } from '../../../src/emit/plan/emit-test-plan.ts';
import { generateTestPlan } from '../../../src/generation/plan/generate-test-plan.ts';
import type { TestPlan } from '../../../src/core/test-plan.ts';
import { generateCases, type CasesSource } from '../../../src/pipeline/generate-cases.ts';
import { readDefects } from '../../../src/sources/defects/read-defects.ts';
import { buildApiModel } from '../../../src/sources/openapi/build-api-model.ts';
import { loadSpec } from '../../../src/sources/openapi/load-spec.ts';
import { bulletsAfter, tableAfter } from './markdown-reading.ts';
import { CALCULATOR_REQUIREMENTS, COMPUTE_SPEC, DEFECT_FIXTURES } from './targets.ts';

/** The case generator's cases for a target, planned with the defect history written for it. */
async function planOf(
  source: CasesSource,
  defectsFile: string,
): Promise<{ set: ManualCaseSet; plan: TestPlan }> {
  const outDir = await mkdtemp(join(tmpdir(), 'testops-plan-cases-'));
  const { set } = await generateCases({ source, format: 'json', outDir });
  const history = await readDefects(join(DEFECT_FIXTURES, defectsFile));
  const api = source.kind === 'openapi' ? buildApiModel(await loadSpec(source.spec)) : undefined;
  const plan = generateTestPlan({
    cases: set,
    api,
    defects: history.records,
    existingTests: [],
    locations: { defects: history.file },
  });
  return { set, plan };
}

const targets: [string, () => Promise<{ set: ManualCaseSet; plan: TestPlan }>][] = [
  ['compute API', () => planOf({ kind: 'openapi', spec: COMPUTE_SPEC }, 'jira-export.json')],
  [
    'price calculator',
    () => planOf({ kind: 'requirements', path: CALCULATOR_REQUIREMENTS }, 'defect-history.csv'),
  ],
];

describe.each(targets)('the test plan of the %s', (_name, build) => {
  let set: ManualCaseSet;
  let plan: TestPlan;
  let markdown: string;
  let json: TestPlan;
  beforeAll(async () => {
    ({ set, plan } = await build());
    markdown = emitTestPlan(plan, 'markdown')['TEST-PLAN.md'] ?? '';
    json = JSON.parse(emitTestPlan(plan, 'json')['test-plan.json'] ?? '') as TestPlan;
  });

  it('has every section, none empty', () => {
    expect(plan.scope.inScope.length).toBeGreaterThan(0);
    expect(plan.scope.outOfScope.length).toBeGreaterThan(0);
    expect(plan.features.length).toBeGreaterThan(0);
    expect(plan.risks.features.length).toBe(plan.features.length);
    expect(plan.levels.length).toBe(4);
    expect(plan.types.some((type) => type.cases > 0)).toBe(true);
    expect(plan.entryCriteria.length).toBeGreaterThan(1);
    expect(plan.exitCriteria.length).toBeGreaterThan(2);
    expect(plan.environments.notes.length + plan.environments.baseUrls.length).toBeGreaterThan(0);
    expect(plan.schedule.features.length).toBe(plan.features.length);
    expect(plan.prioritisation.cases.length).toBe(set.cases.length);
    for (const heading of [
      '## 1. Scope',
      '## 2. Features and risks',
      '## 3. Test levels and types',
      '## 4. Entry and exit criteria',
      '## 5. Environments and data',
      '## 6. Schedule and effort',
      '## 7. Prioritised cases',
      '## 8. Existing automated tests, in run order',
    ]) {
      expect(markdown).toContain(`\n${heading}\n`);
      const body = markdown.split(`\n${heading}\n`)[1]?.split('\n## ')[0] ?? '';
      expect(body.trim().length).toBeGreaterThan(20);
    }
  });

  it('estimates effort exactly as its stated formula says', () => {
    const { schedule } = plan;
    const risk = new Map(plan.risks.features.map((entry) => [entry.feature, entry.level]));
    let total = 0;
    for (const row of schedule.features) {
      const cases = set.cases.filter((manualCase) => manualCase.feature === row.feature);
      const caseMinutes = cases.reduce(
        (sum, manualCase) =>
          sum + schedule.minutesPerKind[manualCase.kind] + schedule.minutesPerStep * manualCase.steps.length,
        0,
      );
      const exploratory = schedule.exploratoryMinutes[risk.get(row.feature) ?? 'low'];
      expect(row).toMatchObject({
        cases: cases.length,
        caseMinutes,
        exploratoryMinutes: exploratory,
        minutes: caseMinutes + exploratory,
      });
      total += caseMinutes + exploratory;
    }
    expect(schedule.totalMinutes).toBe(total);
    expect(schedule.totalHours).toBe(Math.round((total / 60) * 10) / 10);
    expect(schedule.formula).toContain('minutes per kind + 1 × steps');
  });

  it('says the same in JSON and Markdown', () => {
    expect(json).toEqual(plan);
    const ranked = tableAfter(markdown, '## 7. Prioritised cases');
    expect(ranked.map((row) => [Number(row[0]), Number(row[1]), row[2], row[3]])).toEqual(
      json.prioritisation.cases.map((entry) => [entry.rank, entry.score, entry.id, entry.title]),
    );
    const risks = tableAfter(markdown, `Risk formula: ${json.risks.formula}.`);
    expect(risks.map((row) => [row[0], Number(row[3]), row[4]])).toEqual(
      json.risks.features.map((risk) => [risk.feature, risk.score, risk.level]),
    );
    expect(bulletsAfter(markdown, '### Entry criteria')).toEqual(json.entryCriteria);
    expect(bulletsAfter(markdown, '### Exit criteria')).toEqual(json.exitCriteria);
    expect(markdown).toContain(`**${json.schedule.totalMinutes}** (${json.schedule.totalHours} h)`);
    const outOfScope = tableAfter(markdown, '### Out of scope');
    expect(outOfScope.map((row) => row[0])).toEqual(json.scope.outOfScope.map((entry) => entry.item));
  });
});
