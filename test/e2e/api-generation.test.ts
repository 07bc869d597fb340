import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startComputeApi,
  type ComputeApiFaultName,
  type ComputeApiServer,
} from '../../examples/compute-api/server.ts';
import type { RunReport } from '../../src/core/run-report.ts';
import { generateApi } from '../../src/pipeline/generate-api.ts';
import { runSuite } from '../../src/pipeline/run-suite.ts';

const SPEC = 'examples/compute-api/openapi.yaml';

function runNode(args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: (stdout + stderr).trim() }),
    );
  });
}
let suiteDir: string;
let correct: ComputeApiServer;
let report: RunReport;

// One generated suite, verified against the correct demo and then re-run against every fault.
beforeAll(async () => {
  suiteDir = await mkdtemp(join(tmpdir(), 'testops-e2e-'));
  correct = await startComputeApi({ fault: null });
  report = await generateApi({
    spec: SPEC,
    outDir: suiteDir,
    format: 'playwright-ts',
    baseUrl: correct.url,
    headers: [`Authorization: Bearer ${correct.token}`],
    variables: { project_id: correct.projectId },
    run: true,
    repeat: 3,
  });
}, 600_000);

afterAll(async () => {
  await correct?.close();
  if (suiteDir) await rm(suiteDir, { recursive: true, force: true });
});

describe('generate api --run on the correct compute API', () => {
  it('delivers every generated test with zero failures and zero flaky', () => {
    expect(report.tests.generated).toBeGreaterThan(200);
    expect(report.suspectedDefects).toEqual([]);
    expect(report.tests.flaky).toBe(0);
    expect(report.tests.skipped).toBe(0);
    expect(report.tests.delivered).toBe(report.tests.generated);
    expect(report.operations).toMatchObject({ total: 19, covered: 19 });
  });

  it('writes the report contract and keeps credentials out of the suite', async () => {
    const written = JSON.parse(await readFile(join(suiteDir, 'testops-report.json'), 'utf8')) as RunReport;
    expect(written.tests).toEqual(report.tests);
    expect(await readFile(join(suiteDir, 'REPORT.md'), 'utf8')).toContain('| tests delivered | 290');
    const suiteText = await readFile(join(suiteDir, 'tests', 'disks.spec.ts'), 'utf8');
    expect(suiteText).not.toContain(correct.token);
    expect(suiteText).toContain('test(\'POST /api/v1/disks rejects a body without "name" with 422\'');
  });
});

describe('the emitted suite', () => {
  it('type-checks with its own pinned TypeScript', async () => {
    const tsc = join(suiteDir, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await runNode([tsc, '--noEmit', '-p', join(suiteDir, 'tsconfig.json')], suiteDir);
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });
});

// One seeded fault for each kind of check that must catch it: a success status, a delete and an
// update read back, a wrong token, a response schema, a length limit, pagination, a malformed id,
// a required query parameter and an action on a missing resource. Each fault runs the delivered
// suite once more; all sixteen, and how many the suite catches, are measured by `npm run bench:api`.
const MUST_CATCH: ComputeApiFaultName[] = [
  'wrong-create-status',
  'delete-does-not-delete',
  'update-not-persisted',
  'wrong-token-accepted',
  'missing-response-field',
  'max-length-ignored',
  'pagination-off-by-one',
  'malformed-id-500',
  'required-query-ignored',
  'attach-ignores-missing-vm',
];

describe('testops run against a seeded fault of each kind', () => {
  // A fault is reported as soon as one delivered test fails: stop there, as a quick check would.
  beforeAll(() => void (process.env['TESTOPS_MAX_FAILURES'] = '1'));
  afterAll(() => void delete process.env['TESTOPS_MAX_FAILURES']);
  for (const fault of MUST_CATCH) {
    it(`reports "${fault}" as a suspected defect with evidence`, async () => {
      const faulty = await startComputeApi({ fault });
      try {
        const faultReport = await runSuite({
          suiteDir,
          baseUrl: faulty.url,
          repeat: 1,
          headers: [`Authorization: Bearer ${faulty.token}`],
          variables: { project_id: faulty.projectId },
        });
        expect(faultReport.suspectedDefects.length).toBeGreaterThan(0);
        const [defect] = faultReport.suspectedDefects;
        expect(defect!.curl).toMatch(/^curl -i -X [A-Z]+ 'http:\/\/127\.0\.0\.1:/);
        expect(defect!.curl).not.toContain(faulty.token);
        const evidence = JSON.parse(await readFile(join(suiteDir, defect!.evidence), 'utf8')) as {
          exchanges: unknown[];
        };
        expect(evidence.exchanges.length).toBeGreaterThan(0);
      } finally {
        await faulty.close();
      }
      // A fault that fails many tests (wrong-create-status fails ~50) costs a failure report each.
    }, 420_000);
  }
});
