// The optimiser on hand-written UI tests (Playwright with page objects) and Allure-as-code manual
// cases, against the price calculator's site model and a requirements document.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OptimisationReport } from '../../src/core/existing-test.ts';
import { optimizeTests } from '../../src/pipeline/optimize-tests.ts';
import { writeSiteModel } from '../../src/sources/web/site-model-io.ts';
import { priceCalculatorSiteModel } from '../generation/ui/fixtures/price-calculator/site-model.ts';
import { FIXTURES } from './compute-suites.ts';

let dir: string;
let report: OptimisationReport;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'testops-optimise-ui-'));
  await cp(join(FIXTURES, 'playwright-ui'), join(dir, 'tests', 'playwright-ui'), { recursive: true });
  await cp(join(FIXTURES, 'manual'), join(dir, 'tests', 'manual'), { recursive: true });
  await writeSiteModel(join(dir, 'explored'), priceCalculatorSiteModel);
  report = await optimizeTests({
    testsDir: join(dir, 'tests'),
    model: join(dir, 'explored'),
    requirements: join(FIXTURES, 'requirements', 'price-calculator-subset.md'),
  });
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('optimize with a site model and requirements', () => {
  it('reads page objects, UI tests and manual cases', () => {
    expect(report.summary.byFramework).toEqual({ playwright: 6, 'allure-manual': 7 });
    expect(report.issues).toEqual([]);
  });

  it('finds the UI test whose button the site no longer has, and nothing else outdated', () => {
    expect(report.outdated).toHaveLength(1);
    const [entry] = report.outdated;
    expect(entry!.test.title).toBe('the estimate downloads as PDF');
    expect(entry!.problems).toEqual([
      {
        kind: 'element-missing',
        reference: 'button "Download PDF"',
        line: 10,
        message: 'no element button "Download PDF" on page /estimate',
      },
    ]);
  });

  it('finds the UI tests that expect two prices after the same region change', () => {
    expect(report.conflicts).toHaveLength(1);
    const [conflict] = report.conflicts;
    expect(conflict!.kind).toBe('ui');
    expect(conflict!.expectations.map((entry) => entry.expected).sort()).toEqual([
      'toHaveText "3 249,00 ₽ per month"',
      'toHaveText "3 610,00 ₽ per month"',
    ]);
    expect(report.duplicates).toEqual({ exact: [], near: [] });
  });

  it('pairs manual cases with the UI tests that automate them, and lists the rest', () => {
    const pairs = report.twins!.pairs.map((pair) => [pair.manual.title, pair.automated.title]);
    expect(pairs).toEqual([
      [
        'Changing the region recalculates the live price',
        'selecting Saint Petersburg recalculates the price',
      ],
      ['Instance count 100 is rejected', '100 instances disable "Add to estimate"'],
      ['The reserved tariff takes 30% off the price', 'the reserved tariff takes 30% off'],
    ]);
    expect(report.twins!.notAutomated.map((ref) => ref.title)).toEqual([
      'Instance count 99 is accepted',
      'Four vCPU cost more than two',
      'The estimate can be downloaded as JSON',
      'Removing the only service empties the estimate',
    ]);
  });

  it('covers page elements through page objects and direct locators', () => {
    const testsOf = (key: string) =>
      report.coverage.elements!.find((entry) => `${entry.page}/${entry.element}` === key)?.tests.length;
    expect(testsOf('configure-vm/region')).toBe(2);
    expect(testsOf('configure-vm/tariff-reserved')).toBe(1);
    expect(testsOf('configure-vm/instances')).toBe(1);
    expect(testsOf('estimate/share-link')).toBe(1);
    expect(testsOf('estimate/download-json')).toBe(0);
    expect(report.gaps.map((gap) => gap.ref)).toContain('estimate/download-json');
  });

  it('covers requirements by the ids tests link to, and reports the one nothing covers', () => {
    const coverage = new Map(report.coverage.requirements!.map((entry) => [entry.requirement, entry.tests]));
    expect(coverage.get('CALC-22')).toContainEqual({
      test: 'manual/test_configure_vm_cases.py::TestConfigureAVirtualMachine::test_region_change_recalculates_price',
      match: 'id',
      score: 1,
    });
    const byId = (id: string) =>
      coverage
        .get(id)!
        .filter((entry) => entry.match === 'id')
        .map((entry) => entry.test);
    expect(byId('CALC-25')).toHaveLength(3);
    expect(byId('CALC-41')).toEqual([
      'manual/test_configure_vm_cases.py::TestReviewTheEstimate::test_download_estimate_json',
    ]);
    expect(coverage.get('CALC-30')).toEqual([]);
    const gap = report.suggestions.find((suggestion) => suggestion.target === 'CALC-30');
    expect(gap).toMatchObject({ action: 'add', title: 'Add a test for requirement CALC-30' });
  });
});
