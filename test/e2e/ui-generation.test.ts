// End to end for UI suites: the price calculator is explored in a real browser, a suite is
// generated and verified against the correct app, then the delivered suite runs once against
// one seeded fault of each kind it must catch. Sized for a loaded 2-core machine: four pages (start, catalogue, estimate,
// the first configure page), behavioural cases, two verification runs, and fault runs that stop
// at the first failure (a fault is caught as soon as one delivered test fails).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PriceCalculatorFaultName } from '../../examples/price-calculator/faults.ts';
import { startPriceCalculator } from '../../examples/price-calculator/server.ts';
import type { RunningPriceCalculator } from '../../examples/price-calculator/server.ts';
import type { RunReport } from '../../src/core/run-report.ts';
import type { UiCaseKind } from '../../src/core/ui-test-case.ts';
import { generateUi } from '../../src/pipeline/generate-ui.ts';
import { runSuite } from '../../src/pipeline/run-suite.ts';
import { linkSuiteDependencies } from '../emit/playwright-ui/suite-dependencies.ts';

// One seeded fault for each kind of test that must catch it: an interaction's effect (a price
// after a region change), a boundary (instances), the mobile layout, a console error on load, a
// collection's state (remove) and a state opened by a new visitor (the share link). Each fault
// runs the delivered suite once more; every fault, and how many the suite catches, is measured by
// `npm run bench:ui`, which runs all fourteen.
const MUST_CATCH: PriceCalculatorFaultName[] = [
  'price-not-updated-on-region-change',
  'instances-100-accepted',
  'disclaimer-missing-on-mobile',
  'console-error-on-load',
  'remove-leaves-item',
  'share-link-loses-service',
];

// Behavioural cases only: links, forms, axe scans and aria snapshots catch none of these faults
// and would only lengthen every fault run.
const KINDS: UiCaseKind[] = ['smoke', 'interaction', 'state', 'boundary', 'mobile'];

let suiteDir: string;
let correct: RunningPriceCalculator;
let report: RunReport;

beforeAll(async () => {
  suiteDir = await mkdtemp(join(tmpdir(), 'testops-ui-e2e-'));
  correct = await startPriceCalculator({ fault: null });
  await generateUi({
    url: `${correct.url}/`,
    allowPrivate: true,
    maxPages: 4,
    outDir: suiteDir,
    kinds: KINDS,
  });
  linkSuiteDependencies(suiteDir, await readFile(join(suiteDir, 'package.json'), 'utf8'));
  report = await runSuite({ suiteDir, baseUrl: correct.url, repeat: 2 });
  // Exploring four pages and verifying twice ran past 360 s on a slow CI run of the whole suite
  // (two test files, each with its browsers, on two cores); the time is not what this checks.
}, 600_000);

afterAll(async () => {
  await correct?.close();
  if (suiteDir) await rm(suiteDir, { recursive: true, force: true });
});

describe('generate ui on the correct price calculator', () => {
  it('delivers every generated test: no failure, nothing flaky', () => {
    expect(report.tests.generated).toBeGreaterThan(30);
    expect(report.suspectedDefects).toEqual([]);
    expect(report.flaky).toEqual([]);
    expect(report.tests.delivered).toBe(report.tests.generated);
  });

  it('starts cases from the state a flow leaves (a service added) and opens its share link', async () => {
    const estimate = await readFile(join(suiteDir, 'tests', 'estimate.spec.ts'), 'utf8');
    expect(estimate).toContain("'@state'");
    expect(estimate).toContain('await configureVm.buttonAddToEstimate.click();');
    expect(estimate).toContain('openAsNewVisitor(page, ');
  });
});

describe('the delivered suite against each seeded fault', () => {
  const caught = new Set<string>();
  // Playwright's default workers (half the cores: one on a 2-core machine), stopping at the first failure.
  beforeAll(() => void (process.env['TESTOPS_MAX_FAILURES'] = '1'));
  afterAll(() => void delete process.env['TESTOPS_MAX_FAILURES']);

  for (const name of MUST_CATCH) {
    it(`catches "${name}"`, async () => {
      const faulty = await startPriceCalculator({ fault: name });
      try {
        const { suspectedDefects } = await runSuite({ suiteDir, baseUrl: faulty.url, repeat: 1 });
        if (suspectedDefects.length > 0) caught.add(name);
        expect(suspectedDefects.map((defect) => defect.test)).not.toEqual([]);
      } finally {
        await faulty.close();
      }
    }, 180_000);
  }

  it('catches every one of them', () => {
    expect([...caught].sort()).toEqual([...MUST_CATCH].sort());
  });
});
