// The optimiser on real inputs: the compute demo's generated Playwright and pytest suites, clean
// and with planted duplicates, conflicts and outdated tests, next to an Allure-as-code manual suite.
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OptimisationReport, TestRef } from '../../src/core/existing-test.ts';
import { optimizeTests } from '../../src/pipeline/optimize-tests.ts';
import { buildComputeSuites, COMPUTE_SPEC, REMOVED_OPERATION, type ComputeSuites } from './compute-suites.ts';

let suites: ComputeSuites;
let planted: OptimisationReport;

beforeAll(async () => {
  suites = await buildComputeSuites();
  planted = await optimizeTests({ testsDir: suites.planted, spec: suites.changedSpec });
});

afterAll(async () => {
  if (suites) await rm(suites.dir, { recursive: true, force: true });
});

const ids = (refs: TestRef[]) => refs.map((ref) => ref.id).sort();

describe('optimize on the clean generated suites', () => {
  it.each(['playwright', 'pytest'] as const)(
    'flags nothing in the %s suite against its own spec',
    async (format) => {
      const report = await optimizeTests({ testsDir: suites[format], spec: COMPUTE_SPEC });
      expect(report.summary.tests).toBeGreaterThan(250);
      expect(report.issues).toEqual([]);
      expect(report.duplicates).toEqual({ exact: [], near: [] });
      expect(report.outdated).toEqual([]);
      expect(report.conflicts).toEqual([]);
    },
  );

  it('covers operations × documented statuses of the compute spec', async () => {
    const report = await optimizeTests({ testsDir: suites.playwright, spec: COMPUTE_SPEC });
    const operations = report.coverage.operations!;
    expect(operations).toHaveLength(19);
    expect(operations.every((entry) => entry.tests.length > 0)).toBe(true);
    const create = operations.find((entry) => entry.operation === 'POST /api/v1/disks')!;
    const covered = create.statuses
      .filter((status) => status.tests.length > 0)
      .map((status) => status.status);
    expect(covered).toEqual([201, 401, 403, 422]);
    const gaps = report.gaps.filter((gap) => gap.ref.startsWith('POST /api/v1/disks '));
    expect(gaps.map((gap) => gap.ref)).toEqual(['POST /api/v1/disks 409', 'POST /api/v1/disks 500']);
    const statuses = operations.flatMap((entry) => entry.statuses);
    expect(report.summary.coverage.statuses).toEqual({
      covered: statuses.filter((status) => status.tests.length > 0).length,
      total: statuses.length,
    });
    // Every documented 500 is a gap, and one that ranks below the 409 a test could provoke.
    const rankOf = (title: string) => report.suggestions.find((entry) => entry.title === title)!.rank;
    expect(rankOf('Add a test expecting 409 from POST /api/v1/disks')).toBeLessThan(
      rankOf('Add a test expecting 500 from POST /api/v1/disks'),
    );
  });
});

describe('optimize on the planted suites', () => {
  it('reports the files that do not parse and reads the rest', () => {
    expect(planted.issues.map((issue) => [issue.file, issue.line])).toEqual([
      ['broken/broken-syntax.spec.ts', 5],
      ['broken/test_broken_syntax.py', 6],
    ]);
    expect(planted.summary.byFramework).toEqual({ playwright: 293, pytest: 293, 'allure-manual': 10 });
  });

  it('finds exactly the planted exact duplicates and keeps the originals', () => {
    const groups = planted.duplicates.exact.map((group) => [group.keep.id, ids(group.duplicates)]);
    const [sizeAbovePw] = suites.plantedFrom.playwright;
    const [sizeAbovePy] = suites.plantedFrom.pytest;
    expect(groups).toEqual([
      [
        'manual/test_configure_vm_cases.py::TestConfigureAVirtualMachine::test_region_change_recalculates_price',
        [
          'manual-planted/test_configure_vm_regressions.py::TestRegressions::test_region_switch_updates_price',
        ],
      ],
      [
        `playwright/${sizeAbovePw!.id}`,
        [
          `playwright/tests/planted.spec.ts::Planted › POST /api/v1/disks rejects a size above the maximum (copy)`,
        ],
      ],
      [
        `pytest/${sizeAbovePy!.id}`,
        [`pytest/tests/test_planted.py::TestPlanted::${sizeAbovePy!.name}_planted_0`],
      ],
    ]);
  });

  it('finds exactly the planted near duplicates (reworded steps)', () => {
    const pairs = planted.duplicates.near.map((pair) => ids(pair.tests));
    const sizeBelowPw = suites.plantedFrom.playwright[1]!;
    const sizeBelowPy = suites.plantedFrom.pytest[1]!;
    expect(pairs.sort()).toEqual(
      [
        [
          'manual-planted/test_configure_vm_regressions.py::TestRegressions::test_one_year_reservation_is_cheaper',
          'manual/test_configure_vm_cases.py::TestConfigureAVirtualMachine::test_reserved_tariff_discount',
        ],
        [
          `playwright/${sizeBelowPw.id}`,
          'playwright/tests/planted.spec.ts::Planted › POST /api/v1/disks refuses a disk of size zero',
        ],
        [
          `pytest/${sizeBelowPy.id}`,
          `pytest/tests/test_planted.py::TestPlanted::${sizeBelowPy.name}_planted_1`,
        ],
      ]
        .map((pair) => pair.sort())
        .sort(),
    );
    for (const pair of planted.duplicates.near) expect(pair.similarity).toBeGreaterThanOrEqual(0.75);
  });

  it('finds the conflicting tests: one request expecting 201 and 422, one manual case with two prices', () => {
    expect(planted.conflicts.map((conflict) => conflict.kind).sort()).toEqual(['api', 'manual']);
    const api = planted.conflicts.find((conflict) => conflict.kind === 'api')!;
    expect(api.input).toMatch(/^POST \/api\/v1\/disks, body /);
    const rejecting = api.expectations
      .filter((entry) => entry.expected === 'status 422')
      .map((entry) => entry.test.id);
    expect(rejecting.sort()).toEqual([
      'playwright/tests/planted.spec.ts::Planted › POST /api/v1/disks rejects a disk without a description with 422',
      `pytest/tests/test_planted.py::TestPlanted::${suites.plantedFrom.pytest[2]!.name}_planted_2`,
    ]);
    const accepting = api.expectations
      .filter((entry) => entry.expected === 'status 201')
      .map((entry) => entry.test.id);
    expect(accepting).toContain(`playwright/${suites.plantedFrom.playwright[2]!.id}`);
    expect(accepting).toContain(`pytest/${suites.plantedFrom.pytest[2]!.id}`);
    const manual = planted.conflicts.find((conflict) => conflict.kind === 'manual')!;
    expect(manual.expectations.map((entry) => entry.test.title).sort()).toEqual([
      'Four vCPU cost more than two',
      'Four vCPU price (old rate card)',
    ]);
  });

  it('finds the tests outdated by the changed spec: the removed operation and the renamed field', () => {
    const byKind = (kind: string) =>
      planted.outdated
        .filter((entry) => entry.problems.some((problem) => problem.kind === kind))
        .map((entry) => entry.test);
    const removed = byKind('operation-missing');
    expect(removed.every((test) => test.title.startsWith(REMOVED_OPERATION))).toBe(true);
    expect(removed.filter((test) => test.framework === 'playwright')).toHaveLength(
      removed.filter((test) => test.framework === 'pytest').length,
    );
    expect(removed.length).toBeGreaterThanOrEqual(10);
    const renamed = byKind('field-missing');
    expect(renamed.map((test) => test.title)).toContain(
      'PUT /api/v1/disks/{disk_id} accepts "description" at its maximum length (255)',
    );
    for (const entry of planted.outdated.filter((candidate) => renamed.includes(candidate.test)))
      expect(entry.problems.map((problem) => problem.reference)).toEqual([
        'PUT /api/v1/disks/{disk_id} body.description',
      ]);
    expect(planted.outdated).toHaveLength(removed.length + renamed.length);
    expect(planted.coverage.operations!.map((entry) => entry.operation)).not.toContain(REMOVED_OPERATION);
  });

  it('turns every finding into a ranked suggestion with its reason', () => {
    const actions = planted.suggestions.map((suggestion) => suggestion.action);
    expect(actions.filter((action) => action === 'resolve-conflict')).toHaveLength(2);
    expect(actions.filter((action) => action === 'merge')).toHaveLength(3);
    expect(planted.suggestions.map((suggestion) => suggestion.rank)).toEqual(
      planted.suggestions.map((_s, index) => index + 1),
    );
    const conflict = planted.suggestions.find(
      (suggestion) => suggestion.action === 'resolve-conflict' && suggestion.tests.length > 2,
    )!;
    expect(conflict.reason).toContain('status 422 in playwright/tests/planted.spec.ts');
    expect(conflict.factors.join(' ')).toMatch(/writes data \(POST/);
    const scores = planted.suggestions.map((suggestion) => suggestion.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});

describe('defect history', () => {
  const rankOf = (report: OptimisationReport, title: string) =>
    report.suggestions.find((suggestion) => suggestion.title === title)?.rank;

  it('raises suggestions about the components a Jira export names', async () => {
    const without = await optimizeTests({ testsDir: suites.playwright, spec: COMPUTE_SPEC });
    const withJira = await optimizeTests({
      testsDir: suites.playwright,
      spec: COMPUTE_SPEC,
      defects: 'test/fixtures/suites/defects/compute-jira.json',
    });
    const flavorGap = 'Add a test expecting 404 from GET /api/v1/flavors';
    expect(rankOf(withJira, flavorGap)).toBe(1);
    expect(rankOf(without, flavorGap)!).toBeGreaterThan(1);
    const top = withJira.suggestions[0]!;
    expect(top.defects.sort()).toEqual(['COMPUTE-510', 'COMPUTE-527', 'COMPUTE-531']);
    // "Won't Fix" says nothing about where the next defect is; the issue without a key is reported.
    expect(top.defects).not.toContain('COMPUTE-508');
    expect(withJira.issues).toEqual([expect.objectContaining({ line: 59, message: 'issue 5: no "key"' })]);
  });

  it('raises suggestions about what a CSV history summary names (set-power)', async () => {
    const without = await optimizeTests({ testsDir: suites.pytest, spec: COMPUTE_SPEC });
    const withCsv = await optimizeTests({
      testsDir: suites.pytest,
      spec: COMPUTE_SPEC,
      defects: 'test/fixtures/suites/defects/compute-defects.csv',
    });
    const setPower = 'Add a test expecting 500 from POST /api/v1/vms/{vm_id}/set-power';
    const otherVm = 'Add a test expecting 500 from POST /api/v1/vms/{vm_id}/get-vnc';
    expect(rankOf(withCsv, setPower)!).toBeLessThan(rankOf(withCsv, otherVm)!);
    expect(rankOf(withCsv, setPower)!).toBeLessThan(rankOf(without, setPower)!);
    expect(withCsv.suggestions.find((suggestion) => suggestion.title === setPower)!.defects).toContain(
      'COMPUTE-544',
    );
    expect(withCsv.issues.map((issue) => [issue.line, issue.message])).toEqual([
      [6, 'the row has no key'],
      [7, 'the row has 4 fields, the header has 6'],
    ]);
  });
});

describe('runtime', () => {
  it('reads and analyses the ~280-test generated suite in seconds', async () => {
    const started = performance.now();
    const report = await optimizeTests({ testsDir: suites.playwright, spec: COMPUTE_SPEC });
    const elapsed = performance.now() - started;
    expect(report.summary.tests).toBeGreaterThan(250);
    // Generous: CI machines are shared; on an idle laptop this takes well under a second.
    expect(elapsed).toBeLessThan(20_000);
  });
});
