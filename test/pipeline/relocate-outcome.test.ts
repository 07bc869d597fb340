import { beforeAll, describe, expect, it } from 'vitest';
import type { TestOutcome } from '../../src/core/run-report.ts';
import type { ApiSuite } from '../../src/core/test-case.ts';
import { emitPlaywrightSuite } from '../../src/emit/playwright-ts/emit-playwright-suite.ts';
import { emitPytestSuite } from '../../src/emit/pytest/emit-pytest-suite.ts';
import { generateApiSuite } from '../../src/generation/api/generate-api-suite.ts';
import { relocateOutcome } from '../../src/pipeline/relocate-outcome.ts';
import { buildApiModel } from '../../src/sources/openapi/build-api-model.ts';
import { loadSpec } from '../../src/sources/openapi/load-spec.ts';

// A repaired case runs alone, then goes back into the full suite: its outcome must name where the
// full suite's files hold it. Two titles that make the same Python name are the hard case: alone,
// the second is `test_…_1`; beside its sibling it is `test_…_1_2`.
let suite: ApiSuite;
beforeAll(async () => {
  const model = buildApiModel(await loadSpec('examples/compute-api/openapi.yaml', {}));
  const designed = generateApiSuite(model, {
    specSource: 'examples/compute-api/openapi.yaml',
    variables: { project_id: 'p' },
    only: ['GET /api/v1/disks/{disk_id}'],
  });
  const positive = designed.cases.find((testCase) => testCase.kind === 'positive')!;
  suite = {
    ...designed,
    cases: [
      { ...positive, id: 'first', title: 'read a disk (1)' },
      { ...positive, id: 'second', title: 'read a disk 1' },
    ],
  };
});

const outcome = (title: string, file: string): TestOutcome => ({
  title,
  file,
  operation: 'GET /api/v1/disks/{disk_id}',
  verdict: 'delivered',
  passes: 2,
  runs: 2,
  skipReason: undefined,
  failure: undefined,
});

describe('relocateOutcome', () => {
  it('gives a pytest outcome from the repaired cases alone the function name the full module gave it', () => {
    const alone = emitPytestSuite({ ...suite, cases: [suite.cases[1]!] }, { baseUrl: undefined })[
      'tests/test_disks.py'
    ]!;
    expect(alone).toContain('def test_read_a_disk_1(');
    const full = emitPytestSuite(suite, { baseUrl: undefined });
    const moved = relocateOutcome(
      outcome('read a disk 1', 'tests/test_disks.py::TestDisks::test_read_a_disk_1'),
      full,
    );
    expect(moved.file).toBe('tests/test_disks.py::TestDisks::test_read_a_disk_1_2');
    const sibling = relocateOutcome(
      outcome('read a disk (1)', 'tests/test_disks.py::TestDisks::test_read_a_disk_1'),
      full,
    );
    expect(sibling.file).toBe('tests/test_disks.py::TestDisks::test_read_a_disk_1');
  });

  it('moves a Playwright outcome to the line its title has in the rewritten file', () => {
    const full = emitPlaywrightSuite(suite, { baseUrl: undefined });
    const line = full['tests/disks.spec.ts']!.split('\n').findIndex((text) =>
      text.includes("test('read a disk 1',"),
    );
    expect(line).toBeGreaterThan(0);
    expect(relocateOutcome(outcome('read a disk 1', 'tests/disks.spec.ts:3'), full).file).toBe(
      `tests/disks.spec.ts:${line + 1}`,
    );
  });

  it('leaves an outcome whose test is not in the files where it was', () => {
    const full = emitPytestSuite(suite, { baseUrl: undefined });
    const unknown = outcome('no such test', 'tests/test_disks.py::TestDisks::test_gone');
    expect(relocateOutcome(unknown, full)).toEqual(unknown);
  });
});
