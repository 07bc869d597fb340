import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isTestopsError } from '../../../src/core/errors.ts';
import type { TestPlan } from '../../../src/core/test-plan.ts';
import { generateApi } from '../../../src/pipeline/generate-api.ts';
import { generatePlan } from '../../../src/pipeline/generate-plan.ts';
import { writeSiteModel } from '../../../src/sources/web/site-model-io.ts';
import { priceCalculatorSiteModel } from '../ui/fixtures/price-calculator/site-model.ts';
import { bulletsAfter, tableAfter } from './markdown-reading.ts';
import { CALCULATOR_REQUIREMENTS, COMPUTE_SPEC, DEFECT_FIXTURES } from './targets.ts';

const CALCULATOR_SUITE = 'test/fixtures/suites/playwright-ui';

async function planBoth(options: Omit<Parameters<typeof generatePlan>[0], 'format' | 'outDir'>) {
  const dir = await mkdtemp(join(tmpdir(), 'testops-plan-'));
  const json = await generatePlan({ ...options, format: 'json', outDir: join(dir, 'json') });
  const markdown = await generatePlan({ ...options, format: 'markdown', outDir: join(dir, 'markdown') });
  return {
    plan: JSON.parse(await readFile(json.file, 'utf8')) as TestPlan,
    markdown: await readFile(markdown.file, 'utf8'),
    again: markdown.plan,
    casesDir: json.casesDir,
  };
}

/** Every pair of otherwise equal cases (same criticality, same coverage): `higher` must rank first. */
function equalPairs(plan: TestPlan, higher: string, lower: string): [number, number][] {
  const cases = plan.prioritisation.cases;
  return cases
    .filter((a) => a.feature === higher)
    .flatMap((a) =>
      cases
        .filter((b) => b.feature === lower && b.criticality === a.criticality && b.coverage === a.coverage)
        .map((b): [number, number] => [a.rank, b.rank]),
    );
}

describe('testops plan on the compute API', () => {
  let result: Awaited<ReturnType<typeof planBoth>>;
  let suite: string;
  beforeAll(async () => {
    // A realistic existing suite: the API suite this product generates for the same spec (not run).
    suite = join(await mkdtemp(join(tmpdir(), 'testops-plan-suite-')), 'suite');
    await generateApi({ spec: COMPUTE_SPEC, outDir: suite, format: 'playwright-ts' });
    result = await planBoth({
      spec: COMPUTE_SPEC,
      defects: join(DEFECT_FIXTURES, 'jira-export.json'),
      tests: suite,
    });
  });

  it('ranks the cases of Disks (open Blockers) above otherwise equal cases of Flavors (none)', () => {
    const pairs = equalPairs(result.plan, 'Disks', 'Flavors');
    expect(pairs.length).toBeGreaterThan(10);
    for (const [disk, flavor] of pairs) expect(disk).toBeLessThan(flavor);
  });

  it('writes the same plan as JSON and as Markdown, and the cases it ranks beside it', async () => {
    expect(result.again).toEqual(result.plan);
    expectAgreement(result.plan, result.markdown);
    expect(await readdir(result.casesDir)).not.toHaveLength(0);
  });

  it('ranks what the existing suite already checks lower, and ranks that suite too', () => {
    const { cases, existingTests } = result.plan.prioritisation;
    const covered = cases.filter((entry) => entry.coverage > 0);
    expect(covered.length).toBeGreaterThan(cases.length / 4);
    for (const entry of covered)
      expect(entry.score).toBeCloseTo(entry.criticality * (1 + entry.history) * (1 - entry.coverage), 3);
    expect(existingTests.length).toBeGreaterThan(50);
    expect(existingTests.map((test) => test.rank)).toEqual(existingTests.map((_, index) => index + 1));
    expect(result.plan.sources.existingTests?.count).toBe(existingTests.length);
  });

  it('names the environment the API needs', () => {
    expect(result.plan.environments.baseUrls).toEqual(['http://127.0.0.1:4010']);
    expect(result.plan.environments.variables.map((variable) => variable.env)).toEqual([
      'TESTOPS_VAR_PROJECT_ID',
    ]);
  });
});

describe('testops plan on the price calculator requirements', () => {
  let result: Awaited<ReturnType<typeof planBoth>>;
  beforeAll(async () => {
    result = await planBoth({
      requirements: CALCULATOR_REQUIREMENTS,
      defects: join(DEFECT_FIXTURES, 'defect-history.csv'),
      tests: CALCULATOR_SUITE,
    });
  });

  it('ranks Start page cases (open Blocker CALC-88) above otherwise equal Product catalogue cases', () => {
    const pairs = equalPairs(result.plan, 'Start page', 'Product catalogue');
    expect(pairs.length).toBeGreaterThan(0);
    for (const [start, catalogue] of pairs) expect(start).toBeLessThan(catalogue);
  });

  it('writes the same plan as JSON and as Markdown', () => {
    expect(result.again).toEqual(result.plan);
    expectAgreement(result.plan, result.markdown);
  });

  it('counts an existing test as coverage through the requirement it names', () => {
    const linked = result.plan.prioritisation.cases.filter((entry) =>
      entry.coveredBy.some((id) => id.includes('100 instances')),
    );
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.every((entry) => entry.coverage === 1 && entry.score === 0)).toBe(true);
  });
});

describe('testops plan on an explored site model', () => {
  it('plans the page cases with the model’s origin, viewports and pages', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'testops-plan-model-'));
    await writeSiteModel(dir, priceCalculatorSiteModel);
    const { plan } = await generatePlan({
      model: dir,
      defects: join(DEFECT_FIXTURES, 'defect-history.csv'),
      format: 'json',
      outDir: join(dir, 'plan'),
    });
    expect(plan.sources.cases.kind).toBe('page-model');
    expect(plan.environments.baseUrls).toEqual([priceCalculatorSiteModel.origin]);
    expect(plan.environments.viewports.map((viewport) => viewport.name)).toContain('desktop');
    expect(plan.levels.find((level) => level.level === 'ui-e2e')?.count).toBe(plan.sources.cases.count);
    expect(plan.prioritisation.cases.length).toBe(plan.sources.cases.count);
  });
});

describe('testops plan input errors', () => {
  it('needs exactly one source', async () => {
    const error = await generatePlan({ format: 'json', outDir: tmpdir() }).catch((thrown: unknown) => thrown);
    expect(isTestopsError(error) && error.code).toBe('TESTOPS_INVALID_ARGUMENT');
    const two = await generatePlan({
      spec: COMPUTE_SPEC,
      requirements: CALCULATOR_REQUIREMENTS,
      format: 'json',
      outDir: tmpdir(),
    }).catch((thrown: unknown) => thrown);
    expect(String(two)).toContain('exactly one source, got 2');
  });

  it('reports a defect file that does not exist with its path', async () => {
    const error = await generatePlan({
      spec: COMPUTE_SPEC,
      defects: 'nowhere/defects.csv',
      format: 'json',
      outDir: await mkdtemp(join(tmpdir(), 'testops-plan-')),
    }).catch((thrown: unknown) => thrown);
    expect(isTestopsError(error) && error.code).toBe('TESTOPS_SOURCE_NOT_FOUND');
    expect(String(error)).toContain('defects.csv');
  });
});

function expectAgreement(plan: TestPlan, markdown: string): void {
  const ranked = tableAfter(markdown, '## 7. Prioritised cases');
  expect(ranked.map((row) => [Number(row[0]), Number(row[1]), row[2]])).toEqual(
    plan.prioritisation.cases.map((entry) => [entry.rank, entry.score, entry.id]),
  );
  expect(bulletsAfter(markdown, '### Entry criteria')).toEqual(plan.entryCriteria);
  expect(bulletsAfter(markdown, '### Exit criteria')).toEqual(plan.exitCriteria);
  expect(markdown).toContain(`**${plan.schedule.totalMinutes}** (${plan.schedule.totalHours} h)`);
  const tests = tableAfter(markdown, '## 8. Existing automated tests, in run order');
  expect(tests.map((row) => row[2])).toEqual(plan.prioritisation.existingTests.map((test) => test.id));
}
