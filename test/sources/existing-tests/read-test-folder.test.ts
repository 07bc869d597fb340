// The existing-tests reader on real files: our generated suites (both languages), a hand-written
// Allure-as-code manual suite, Playwright UI tests with page objects, and files that do not parse.
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExistingTest, ExistingTestSet } from '../../../src/core/existing-test.ts';
import { requestInput } from '../../../src/optimisation/test-signature.ts';
import { generateApi } from '../../../src/pipeline/generate-api.ts';
import { readTestFolder } from '../../../src/sources/existing-tests/read-test-folder.ts';

const FIXTURES = 'test/fixtures/suites';
let dir: string;
let fixtures: ExistingTestSet;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'testops-read-tests-'));
  await cp(FIXTURES, join(dir, 'fixtures'), { recursive: true });
  await cp(
    join(FIXTURES, 'broken', 'broken-syntax.spec.ts.txt'),
    join(dir, 'fixtures', 'broken', 'broken-syntax.spec.ts'),
  );
  fixtures = await readTestFolder(join(dir, 'fixtures'));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const byName = (set: ExistingTestSet, name: string): ExistingTest =>
  set.tests.find((test) => test.name === name)!;

describe('readTestFolder', () => {
  it('reports each file that does not parse, with its line, and reads the others', () => {
    expect(fixtures.issues).toEqual([
      { file: 'broken/broken-syntax.spec.ts', line: 5, message: "TS1005: ')' expected." },
      { file: 'broken/test_broken_syntax.py', line: 6, message: "SyntaxError: expected ':'" },
    ]);
    expect(fixtures.files.map((file) => [file.file, file.framework, file.tests])).toEqual([
      ['playwright-ui/pages/configure-vm.page.ts', 'page-object', 0],
      ['playwright-ui/pages/estimate.page.ts', 'page-object', 0],
      ['login/tests/login.spec.ts', 'playwright', 2],
      ['playwright-ui/tests/configure-vm.spec.ts', 'playwright', 4],
      ['playwright-ui/tests/estimate.spec.ts', 'playwright', 2],
      ['login/test_login_cases.py', 'allure-manual', 4],
      ['manual-planted/test_configure_vm_regressions.py', 'allure-manual', 3],
      ['manual/test_configure_vm_cases.py', 'allure-manual', 7],
    ]);
  });

  it('reads an Allure-as-code manual case: class labels, method labels, AAA steps with expected results', () => {
    const test = byName(fixtures, 'test_instance_count_100_is_rejected');
    expect(test).toMatchObject({
      id: 'manual/test_configure_vm_cases.py::TestConfigureAVirtualMachine::test_instance_count_100_is_rejected',
      framework: 'allure-manual',
      title: 'Instance count 100 is rejected',
      description: 'At most 99 instances can be ordered at once.',
      suitePath: ['TestConfigureAVirtualMachine'],
      line: 38,
      labels: {
        feature: 'Configuration',
        story: 'Configure a virtual machine',
        suite: 'UI',
        owner: 'qa-calculator',
        priority: 'critical',
        links: [{ url: 'https://jira.example.test/browse/CALC-25', name: 'CALC-25' }],
      },
    });
    expect(test.steps).toEqual([
      {
        phase: 'arrange',
        text: 'open the Virtual Machine configuration at /configure/vm',
        expected: undefined,
        line: 40,
      },
      {
        phase: 'act',
        text: 'enter "100" in Number of instances',
        expected: 'the message "At most 99 instances" appears',
        line: 42,
      },
      { phase: 'assert', text: 'look at the "Add to estimate" button', expected: 'it is disabled', line: 44 },
    ]);
  });

  it('reads UI tests through their page objects: goto, actions, web-first assertions', () => {
    const test = fixtures.tests.find(
      (candidate) => candidate.title === 'selecting Saint Petersburg recalculates the price',
    )!;
    expect(test.labels.tags).toEqual(['critical']);
    expect(test.uiActions.map(({ kind, url, value, matcher }) => ({ kind, url, value, matcher }))).toEqual([
      { kind: 'goto', url: '/configure/vm', value: undefined, matcher: undefined },
      { kind: 'select', url: '/configure/vm', value: 'ru-north-1', matcher: undefined },
      { kind: 'expect', url: '/configure/vm', value: '3 249,00 ₽ per month', matcher: 'toHaveText' },
    ]);
    expect(test.uiActions[1]!.target).toEqual({
      strategy: 'role',
      role: 'combobox',
      name: 'Region',
      exact: true,
    });
    expect(test.uiActions[2]!.target).toEqual({ strategy: 'testid', testId: 'live-price' });
    expect(test.steps.map((step) => step.phase)).toEqual(['arrange', 'act', 'assert']);
  });

  it('explains a missing interpreter, a missing folder and a folder without tests', async () => {
    await expect(
      readTestFolder(join(dir, 'fixtures'), { env: { TESTOPS_PYTHON: join(dir, 'no-python') } }),
    ).rejects.toMatchObject({
      code: 'TESTOPS_PYTHON_MISSING',
    });
    await expect(readTestFolder(join(dir, 'nowhere'))).rejects.toMatchObject({
      code: 'TESTOPS_SOURCE_NOT_FOUND',
    });
    await mkdir(join(dir, 'empty'));
    await writeFile(join(dir, 'empty', 'notes.md'), '# not a test\n');
    await expect(readTestFolder(join(dir, 'empty'))).rejects.toMatchObject({
      code: 'TESTOPS_TESTS_UNREADABLE',
    });
  });
});

describe('readTestFolder on the generated compute suites', () => {
  let playwright: ExistingTestSet;
  let pytest: ExistingTestSet;

  beforeAll(async () => {
    await generateApi({
      spec: 'examples/compute-api/openapi.yaml',
      outDir: join(dir, 'pw'),
      format: 'playwright-ts',
    });
    await generateApi({
      spec: 'examples/compute-api/openapi.yaml',
      outDir: join(dir, 'py'),
      format: 'pytest',
    });
    [playwright, pytest] = await Promise.all([
      readTestFolder(join(dir, 'pw')),
      readTestFolder(join(dir, 'py')),
    ]);
  });

  it('reads every test with its requests and the statuses it expects', () => {
    expect(playwright.tests.length).toBe(pytest.tests.length);
    for (const test of [...playwright.tests, ...pytest.tests]) {
      expect(test.requests.length, test.id).toBeGreaterThan(0);
      expect(
        test.requests.every((request) => request.expectedStatuses.length > 0),
        test.id,
      ).toBe(true);
      expect(test.labels.operations, test.id).toHaveLength(1);
    }
  });

  it('reads the same requests from both languages: same inputs, same expected statuses', () => {
    const inputs = (set: ExistingTestSet) =>
      new Map(
        set.tests.map((test) => [
          test.title,
          test.requests.map((request) => `${requestInput(request)} -> ${request.expectedStatuses}`),
        ]),
      );
    const [fromTs, fromPy] = [inputs(playwright), inputs(pytest)];
    const differing = [...fromTs].filter(
      ([title, requests]) => JSON.stringify(fromPy.get(title)) !== JSON.stringify(requests),
    );
    // Raw bodies are spelt differently (an object in TypeScript, RawBody(…) in Python).
    expect(differing.every(([title]) => title.includes('malformed JSON body'))).toBe(true);
  });

  it('reads a lifecycle test: resource state before each request, response checks by variable', () => {
    const test = playwright.tests.find((candidate) => candidate.title.startsWith('disk lifecycle'))!;
    expect(
      test.requests.map((request) => `${request.method} ${request.path} ${request.expectedStatuses}`),
    ).toEqual([
      'POST /api/v1/disks 201',
      'GET /api/v1/disks/{disk_id} 200',
      'PUT /api/v1/disks/{disk_id} 200',
      'GET /api/v1/disks/{disk_id} 200',
      'DELETE /api/v1/disks/{disk_id} 204',
      'GET /api/v1/disks/{disk_id} 404',
    ]);
    expect(test.requests[5]!.context).toEqual([
      'POST /api/v1/disks',
      'PUT /api/v1/disks/{disk_id}',
      'DELETE /api/v1/disks/{disk_id}',
    ]);
    expect(test.requests[0]!.body).toEqual({
      project_id: { $expr: 'vars.get("project_id")' },
      name: { $expr: 'unique("name", 64)' },
      size: 1,
    });
  });
});
