import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiSuite } from '../../../src/core/test-case.ts';
import { emitPytestSuite } from '../../../src/emit/pytest/emit-pytest-suite.ts';
import { generateApiSuite } from '../../../src/generation/api/generate-api-suite.ts';
import { buildApiModel } from '../../../src/sources/openapi/build-api-model.ts';
import { loadSpec } from '../../../src/sources/openapi/load-spec.ts';
import { startComputeApi } from '../../../examples/compute-api/server.ts';
import { awkwardSuite } from './awkward-suite.ts';
import { readJunit, type JunitCase } from './junit-report.ts';
import { ALLURE_STUB_DIR, findPython, runPython } from './python-runner.ts';

// The emitted pytest project is checked the way its users run it: Python parses every file, and
// pytest runs the suite against the compute API demo, once correct and once with a seeded fault.

const SPEC = fileURLToPath(new URL('../../../examples/compute-api/openapi.yaml', import.meta.url));
const PROJECT_ID = '6f1c2a4e-8b3d-4c5e-9f7a-1b2c3d4e5f60';
// A precondition the generator is being fixed for; the only case allowed to fail on the correct API.
const KNOWN_FAILING = /^POST \/api\/v1\/disks\/\{disk_id\}\/detach succeeds/;
const RUN_TIMEOUT = 240_000;
const RUNTIME_CHECKS = fileURLToPath(new URL('./fixtures/runtime-checks', import.meta.url));

const python = findPython();
const workDir = mkdtempSync(join(tmpdir(), 'testops-pytest-'));
let suite: ApiSuite;
let files: Record<string, string>;
let suiteDir: string;

function writeProject(name: string, project: Record<string, string>): string {
  const root = join(workDir, name);
  for (const [path, content] of Object.entries(project)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

function requirePython(): string {
  if (!python) {
    throw new Error(
      'No python3 with pytest, httpx and jsonschema: apt-get install -y python3-pytest python3-httpx python3-jsonschema (or set TESTOPS_PYTHON)',
    );
  }
  return python;
}

function parseErrors(root: string, project: Record<string, string>): string[] {
  const interpreter = requirePython();
  return Object.keys(project)
    .filter((path) => path.endsWith('.py'))
    .flatMap((path) => {
      const result = spawnSync(
        interpreter,
        ['-c', 'import ast,sys; ast.parse(open(sys.argv[1]).read())', join(root, path)],
        { encoding: 'utf8' },
      );
      return result.status === 0 ? [] : [`${path}: ${result.stderr}`];
    });
}

async function runSuite(fault: 'wrong-create-status' | null, junit: string) {
  const api = await startComputeApi({ fault });
  try {
    rmSync(join(suiteDir, 'results'), { recursive: true, force: true });
    const run = await runPython(
      requirePython(),
      ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', `--junitxml=${junit}`],
      suiteDir,
      { API_BASE_URL: api.url, API_TOKEN: api.token, PROJECT_ID: api.projectId },
    );
    return { ...run, cases: readJunit(junit), token: api.token };
  } finally {
    await api.close();
  }
}

function titleOf(testCase: JunitCase): string {
  return (
    suite.cases.find((candidate) => candidate.id === testCase.properties['case'])?.title ?? testCase.name
  );
}

beforeAll(async () => {
  const model = buildApiModel(await loadSpec(SPEC));
  suite = generateApiSuite(model, {
    specSource: 'examples/compute-api/openapi.yaml',
    variables: { project_id: PROJECT_ID },
  });
  files = emitPytestSuite(suite, { baseUrl: undefined });
  suiteDir = writeProject('compute-api', files);
});

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

describe('pytest emitter', () => {
  it('emits a project whose Python files all parse, without a stand-in for allure', () => {
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        'conftest.py',
        'pytest.ini',
        'requirements.txt',
        'README.md',
        '.env.example',
        'support/testops_support.py',
        'support/resources.py',
        'support/schemas.json',
        'tests/test_disks.py',
      ]),
    );
    expect(parseErrors(suiteDir, files)).toEqual([]);
    expect(Object.keys(files).filter((path) => /allure/i.test(path))).toEqual([]);
    expect(files['requirements.txt']).toMatch(/^allure-pytest>=/m);
    expect(files['tests/test_disks.py']).toMatch(/^class TestDisks:$/m);
    // allure-pytest formats titles with the test's fixtures: braces must arrive escaped.
    expect(files['tests/test_disks.py']).toContain('@allure.title("POST /api/v1/disks/{{disk_id}}/detach');
  });

  it('renders awkward titles, names and values as valid, collectable Python', async () => {
    const project = emitPytestSuite(awkwardSuite, { baseUrl: 'http://127.0.0.1:9' });
    const root = writeProject('awkward', project);
    expect(parseErrors(root, project)).toEqual([]);
    expect(Object.keys(project).filter((path) => path.startsWith('tests/'))).toEqual([
      'tests/test_things_co.py',
      'tests/test_things_co_2.py',
    ]);
    const collected = await runPython(
      requirePython(),
      ['-m', 'pytest', '--collect-only', '-q', '-p', 'no:cacheprovider'],
      root,
      {},
    );
    expect(collected.code, collected.output).toBe(0);
    const ids = collected.output.split('\n').filter((line) => line.includes('::'));
    expect(ids).toHaveLength(awkwardSuite.cases.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('tests/test_things_co_2.py::TestThingsCo::test_case');
    expect(ids).toContain('tests/test_things_co_2.py::TestThingsCo::test_123_starts_with_a_digit');
  });

  it('ships a runtime that behaves like the Playwright one (messages, auth, redaction, cleanup)', async () => {
    // The checks import the emitted support package; requests go to httpx.MockTransport.
    const checks = await runPython(
      requirePython(),
      ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'],
      RUNTIME_CHECKS,
      {
        PYTHONPATH: [suiteDir, ALLURE_STUB_DIR].join(delimiter),
      },
    );
    expect(checks.code, checks.output).toBe(0);
  });

  it(
    'passes against the correct compute API, apart from the known detach precondition',
    async () => {
      const run = await runSuite(null, join(workDir, 'junit-correct.xml'));
      const failing = run.cases.filter((testCase) => testCase.outcome === 'failed').map(titleOf);
      const unexpected = failing.filter((title) => !KNOWN_FAILING.test(title));
      expect(unexpected, run.output.slice(-4000)).toEqual([]);
      expect(run.code, run.output.slice(-4000)).toBe(failing.length === 0 ? 0 : 1);
      // Every case ran: none lost to a duplicate method name, none skipped for a variable or the writes rule.
      expect(run.cases).toHaveLength(suite.cases.length);
      expect(run.cases.filter((testCase) => testCase.outcome === 'skipped').map(titleOf)).toEqual([]);
    },
    RUN_TIMEOUT,
  );

  it(
    'fails with "Expected: status 201" when create answers 200, leaving redacted evidence',
    async () => {
      const run = await runSuite('wrong-create-status', join(workDir, 'junit-fault.xml'));
      expect(run.code, run.output.slice(-4000)).toBe(1);
      const failed = run.cases.filter((testCase) => testCase.outcome === 'failed');
      const caught = failed.filter((testCase) => testCase.message.includes('Expected: status 201'));
      expect(caught.length, run.output.slice(-4000)).toBeGreaterThan(0);
      const evidence = caught[0]!.properties['exchanges'];
      expect(evidence).toMatch(/^results\/exchanges\/.+\.json$/);
      const text = readFileSync(join(suiteDir, evidence!), 'utf8');
      const exchanges = JSON.parse(text) as {
        request: { headers: Record<string, string> };
        response?: { status: number };
      }[];
      expect(exchanges[0]!.request.headers['authorization']).toBe('<redacted>');
      expect(exchanges.some((exchange) => exchange.response?.status === 200)).toBe(true);
      expect(text).not.toContain(run.token);
    },
    RUN_TIMEOUT,
  );
});
