import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunReport } from '../../../src/core/run-report.ts';

const written: string[] = [];

/** Removes every folder `writeRunFixture` wrote (call from afterAll). */
export async function removeRunFixtures(): Promise<void> {
  await Promise.all(written.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** A suite folder with a run report of two findings and their evidence, as `testops run` writes it. */
export async function writeRunFixture(
  generatedAt = '2026-12-01T10:00:00.000Z',
): Promise<{ dir: string; report: RunReport }> {
  const dir = await mkdtemp(join(tmpdir(), 'testops-jira-'));
  written.push(dir);
  await mkdir(join(dir, 'evidence', 'create-disk-size-0'), { recursive: true });
  const report: RunReport = {
    version: 1,
    kind: 'api',
    generatedAt,
    target: { spec: 'examples/compute-api/openapi.yaml', baseUrl: 'http://127.0.0.1:4010' },
    format: 'playwright-ts',
    operations: { total: 19, covered: 19, skipped: [] },
    tests: { generated: 40, delivered: 37, passed: 37, failed: 3, flaky: 0, skipped: 0 },
    executed: true,
    repeat: 3,
    suspectedDefects: [],
    conformance: 'strict',
    flaky: [],
    skippedTests: [],
    durations: {},
    findings: [
      {
        id: 'F-1a2b3c',
        kind: 'server-error',
        severity: 'critical',
        title: 'POST /disks answers 500 for a size of 0 {"size": 0}',
        signature: 'server-error|500|size=0',
        occurrences: [
          {
            test: 'create disk with size 0 is refused',
            operation: 'POST /disks',
            evidence: 'evidence/create-disk-size-0.json',
            curl: "curl -X POST 'http://127.0.0.1:4010/disks' -H 'Authorization: Bearer $API_TOKEN' -d '{\"size\":0}'",
          },
          {
            test: 'create disk with size -1 is refused',
            operation: 'POST /disks',
            evidence: 'evidence/create-disk-size-minus-1.json',
            curl: undefined,
          },
        ],
      },
      {
        id: 'F-4d5e6f',
        kind: 'state-defect',
        severity: 'major',
        title: 'PATCH /vms/{id} does not keep the name_*new*_ [x]',
        signature: 'state-defect|update-not-kept|name',
        occurrences: [
          {
            test: 'update vm name is kept',
            operation: 'PATCH /vms/{id}',
            evidence: 'evidence/missing.json',
            curl: undefined,
          },
        ],
      },
    ],
  };
  await writeFile(join(dir, 'testops-report.json'), JSON.stringify(report, null, 2));
  await writeFile(
    join(dir, 'evidence', 'create-disk-size-0.json'),
    JSON.stringify({
      test: 'create disk with size 0 is refused',
      operation: 'POST /disks',
      expected: 'status 400',
      actual: 'status 500',
      message: 'expected 400, got 500 [exchange 0]',
      curl: "curl -X POST 'http://127.0.0.1:4010/disks' -H 'Authorization: Bearer $API_TOKEN' -d '{\"size\":0}'",
      artifacts: ['evidence/create-disk-size-0/0-screenshot.png'],
      exchanges: [
        {
          request: {
            method: 'POST',
            url: 'http://127.0.0.1:4010/disks',
            headers: { authorization: 'Bearer ***', 'content-type': 'application/json' },
            body: '{"size":0}',
          },
          response: {
            status: 500,
            headers: { 'content-type': 'application/json' },
            body: '[{"code":"internal","message":"boom {noformat}"}]',
          },
        },
      ],
    }),
  );
  await writeFile(join(dir, 'evidence', 'create-disk-size-0', '0-screenshot.png'), 'png');
  return { dir, report };
}
