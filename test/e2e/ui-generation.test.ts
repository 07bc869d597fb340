// End to end for UI suites: the price calculator is explored in a real browser, a suite is
// generated and verified against the correct app, then the delivered suite runs once against
// each seeded fault it must catch. Sized for a loaded 2-core machine: four pages (start, catalogue, estimate,
// the first configure page), behavioural cases, two verification runs, and fault runs that stop
// at the first failure (a fault is caught as soon as one delivered test fails).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { priceCalculatorFaults } from '../../examples/price-calculator/faults.ts';
import type { PriceCalculatorFaultName } from '../../examples/price-calculator/faults.ts';
import { startPriceCalculator } from '../../examples/price-calculator/server.ts';
import type { RunningPriceCalculator } from '../../examples/price-calculator/server.ts';
import type { RunReport } from '../../src/core/run-report.ts';
import type { UiCaseKind } from '../../src/core/ui-test-case.ts';
import { generateUi } from '../../src/pipeline/generate-ui.ts';
import { runSuite } from '../../src/pipeline/run-suite.ts';
import { linkSuiteDependencies } from '../emit/playwright-ui/suite-dependencies.ts';

// What four explored pages catch. Out of their reach: free-tier-added-twice needs a Free Tier
// product's page (the sixth page explored; bench:ui with --max-pages=6 catches it) and
// compare-allows-four an estimate of at least three services. A fault no test catches would run
// the whole suite, so those two are left to the benchmark, which runs every fault.
const MUST_CATCH: PriceCalculatorFaultName[] = [
  'price-not-updated-on-region-change',
  'remove-leaves-item',
  'instances-100-accepted',
  'share-link-loses-service',
  'disclaimer-missing-on-mobile',
  'total-excludes-vat',
  'search-ignores-category',
  'ram-limit-not-enforced',
  'tooltip-never-closes',
  'console-error-on-load',
  'gpu-enabled-in-all-regions',
  'mobile-menu-stays-closed',
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

  it('catches at least 12 of the 14 seeded faults', () => {
    expect([...caught].sort()).toEqual([...MUST_CATCH].sort());
    expect(caught.size).toBeGreaterThanOrEqual(12);
    expect(priceCalculatorFaults.length).toBe(14);
  });
});
