import { describe, expect, it } from 'vitest';
import type { TestOutcome } from '../../../src/core/run-report.ts';
import { buildRunReport, type SuiteManifest } from '../../../src/emit/report/build-run-report.ts';

const manifest: SuiteManifest = {
  version: 1,
  kind: 'api',
  format: 'playwright-ts',
  title: 'Articles',
  spec: 'openapi.json',
  baseUrl: undefined,
  generatedAt: '2026-01-01T00:00:00Z',
  operations: ['GET /articles', 'POST /articles', 'DELETE /articles/{slug}', 'GET /tags', 'PUT /user'],
  skippedOperations: [{ operation: 'GET /broken', reason: 'dangling $ref' }],
  withheldTests: [
    {
      test: 'DELETE /articles/{slug} succeeds',
      operation: 'DELETE /articles/{slug}',
      reason: 'would delete --var',
    },
  ],
  tests: [
    { title: 'GET /articles succeeds', operation: 'GET /articles', kind: 'positive' },
    { title: 'POST /articles succeeds', operation: 'POST /articles', kind: 'positive' },
    { title: 'PUT /user succeeds', operation: 'PUT /user', kind: 'positive' },
  ],
};

const outcome = (
  title: string,
  operation: string,
  verdict: TestOutcome['verdict'],
  skipReason?: string,
): TestOutcome => ({
  title,
  file: 'tests/x.spec.ts:1',
  operation,
  verdict,
  passes: verdict === 'delivered' ? 3 : 0,
  runs: verdict === 'skipped' ? 0 : 3,
  skipReason,
  failure: undefined,
});

describe('operations.skipped lists every operation without a delivered test', () => {
  it('says why for each: failed, withheld, nothing generated, skipped', () => {
    const report = buildRunReport({
      manifest,
      baseUrl: 'http://127.0.0.1:1',
      repeat: 3,
      outcomes: [
        outcome('GET /articles succeeds', 'GET /articles', 'delivered'),
        outcome('POST /articles succeeds', 'POST /articles', 'defect'),
        outcome(
          'PUT /user succeeds',
          'PUT /user',
          'skipped',
          'Set TESTOPS_VAR_USERNAME (value for "username")',
        ),
      ],
      defects: [],
      durations: {},
    });
    expect(report.operations.covered).toBe(1);
    expect(report.operations.skipped).toEqual([
      { operation: 'GET /broken', reason: 'dangling $ref' },
      ...[
        { operation: 'POST /articles', reason: 'all its tests failed: 1 failed (suspected defects)' },
        { operation: 'DELETE /articles/{slug}', reason: 'all 1 tests withheld: would delete --var' },
        { operation: 'GET /tags', reason: 'no test generated' },
        { operation: 'PUT /user', reason: '1 skipped: Set TESTOPS_VAR_USERNAME (value for "username")' },
      ].map((entry) => ({ ...entry, cause: 'not-delivered' })),
    ]);
    expect(report.skippedTests[0]).toEqual({
      test: 'DELETE /articles/{slug} succeeds',
      reason: 'would delete --var',
    });
  });
});
