import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestOutcome } from '../../../src/core/run-report.ts';
import { markReason, markUndeliveredTests } from '../../../src/validation/execution/quarantine.ts';
import { unmarkTests } from '../../../src/validation/execution/unmark-tests.ts';

// Regression: quarantine edited sources with an unescaped regular expression and never checked
// its result, so a flaky test (parametrised, or with regex characters in its name) could stay in
// the delivered suite silently. Each mark is now verified, and the real runners are run on the
// marked files to prove they skip exactly the marked tests.
const run = promisify(execFile);
let root: string;

beforeAll(async () => {
  await mkdir('test/.tmp', { recursive: true });
  root = await mkdtemp(join('test/.tmp', 'marks-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function outcome(file: string, title: string, verdict: 'flaky' | 'defect'): TestOutcome {
  return {
    title,
    file,
    operation: undefined,
    verdict,
    passes: verdict === 'flaky' ? 2 : 0,
    runs: 3,
    skipReason: undefined,
    failure: { message: 'boom', expected: '200', actual: 'got 500 (a+b)*[x]', exchanges: [], artifacts: [] },
  };
}

const mark = (value: TestOutcome) => ({ outcome: value, reason: markReason(value, 'evidence/x.json') });

const PYTEST_MODULE = `import pytest


class TestDisks:
    def test_create(self) -> None:
        assert False

    @pytest.mark.parametrize("size", [1, 2, 3])
    def test_size(self, size) -> None:
        assert size != 2


class TestVms:
    def test_create(self) -> None:
        assert True


def test_top_level() -> None:
    assert False
`;

describe('marking tests that were not delivered', () => {
  it('marks a pytest suite so pytest passes, skipping only the marked tests and instances', async () => {
    const suite = join(root, 'py');
    await mkdir(join(suite, 'tests'), { recursive: true });
    await writeFile(join(suite, 'tests', 'test_disks.py'), PYTEST_MODULE);
    const result = await markUndeliveredTests(suite, 'pytest', [
      mark(outcome('tests/test_disks/TestDisks::test_create', 'create a disk', 'defect')),
      mark(outcome('tests/test_disks/TestDisks::test_size[2]', 'size 2', 'flaky')),
      mark(outcome('tests/test_disks::test_top_level', 'top level', 'defect')),
    ]);
    expect(result).toEqual({ marked: ['create a disk', 'size 2', 'top level'], unmarked: [] });
    const pytest = await run('python3', ['-m', 'pytest', '-q', '-rs', 'tests'], { cwd: suite }).catch(
      (error: { stdout: string; code: number }) => error,
    );
    expect(pytest.stdout).toMatch(/3 passed, 3 skipped/);
    // The same-named method of another class stays delivered.
    const source = await readFile(join(suite, 'tests', 'test_disks.py'), 'utf8');
    expect(source.match(/Not delivered by TestOps Copilot/g)).toHaveLength(3);

    expect(await unmarkTests(suite)).toBe(3);
    expect(await readFile(join(suite, 'tests', 'test_disks.py'), 'utf8')).toBe(PYTEST_MODULE);
  });

  it('marks a Playwright suite so it passes, a test built in a loop included', async () => {
    const suite = join(root, 'pw');
    await mkdir(join(suite, 'tests'), { recursive: true });
    const spec = [
      "import { test, expect } from '@playwright/test';",
      '',
      "test('fails (a+b)*[x]', async () => {",
      '  expect(1).toBe(2);',
      '});',
      '',
      'for (const size of [1, 2, 3]) {',
      '  test(`size ${size}`, async () => {',
      '    expect(size).not.toBe(2);',
      '  });',
      '}',
      '',
      "test('passes', async () => {",
      '  expect(1).toBe(1);',
      '});',
      '',
    ].join('\n');
    await writeFile(join(suite, 'tests', 'a.spec.ts'), spec);
    await writeFile(join(suite, 'playwright.config.ts'), "export default { testDir: './tests' };\n");
    const result = await markUndeliveredTests(suite, 'playwright-ts', [
      mark(outcome('a.spec.ts:3', 'fails (a+b)*[x]', 'defect')),
      mark(outcome('a.spec.ts:8', 'size 2', 'flaky')),
      mark(outcome('a.spec.ts:40', 'no such line', 'flaky')),
    ]);
    expect(result.marked).toEqual(['size 2', 'fails (a+b)*[x]']);
    expect(result.unmarked).toEqual([
      { test: 'no such line', reason: 'tests/a.spec.ts: no test( call on line 40' },
    ]);
    const playwright = await run(
      process.execPath,
      [join(process.cwd(), 'node_modules/@playwright/test/cli.js'), 'test', '--reporter=line'],
      { cwd: suite },
    );
    expect(playwright.stdout).toMatch(/2 skipped\s+3 passed/);

    expect(await unmarkTests(suite)).toBe(2);
    expect(await readFile(join(suite, 'tests', 'a.spec.ts'), 'utf8')).toBe(spec);
  });
});
