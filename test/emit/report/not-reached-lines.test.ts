import { describe, expect, it } from 'vitest';
import type { NotReachedOperation, RunReport } from '../../../src/core/run-report.ts';
import { buildRunReport, type SuiteManifest } from '../../../src/emit/report/build-run-report.ts';
import { notReachedWarning } from '../../../src/emit/report/not-reached-lines.ts';
import { renderConsoleSummary, renderReportMarkdown } from '../../../src/emit/report/render-report.ts';

const manifest: SuiteManifest = {
  version: 1,
  kind: 'api',
  format: 'playwright-ts',
  title: 'Flags',
  spec: 'openapi.json',
  baseUrl: 'http://127.0.0.1:4312',
  generatedAt: '2026-12-05T00:00:00Z',
  operations: ['POST /api/admin/user/tokens', 'GET /api/admin/tags'],
  skippedOperations: [],
  tests: [
    {
      title: 'POST /api/admin/user/tokens succeeds with 201',
      operation: 'POST /api/admin/user/tokens',
      kind: 'positive',
    },
    {
      title: 'POST /api/admin/user/tokens rejects a body without "name" with 400',
      operation: 'POST /api/admin/user/tokens',
      kind: 'negative',
    },
    { title: 'GET /api/admin/tags succeeds with 200', operation: 'GET /api/admin/tags', kind: 'positive' },
  ],
};

const notReached: NotReachedOperation[] = [
  {
    operation: 'POST /api/admin/user/tokens',
    status: 403,
    message: 'PATs require an authenticated user',
    refused: 'POST /api/admin/user/tokens',
    unlock: 'credentials of another kind or with more rights',
    tests: [
      { test: manifest.tests[0]!.title, status: 403, evidence: 'evidence/a.json' },
      { test: manifest.tests[1]!.title, status: 403, evidence: 'evidence/b.json' },
    ],
  },
];

function report(): RunReport {
  const skipped = (title: string) => ({
    title,
    file: 'tests/tokens.spec.ts:3',
    operation: 'POST /api/admin/user/tokens',
    verdict: 'skipped' as const,
    passes: 0,
    runs: 3,
    skipReason: 'not reached: POST /api/admin/user/tokens answered 403: PATs require an authenticated user',
    failure: undefined,
  });
  return buildRunReport({
    manifest,
    baseUrl: manifest.baseUrl,
    repeat: 3,
    outcomes: [
      skipped(manifest.tests[0]!.title),
      skipped(manifest.tests[1]!.title),
      {
        title: manifest.tests[2]!.title,
        file: 'tests/tags.spec.ts:3',
        operation: 'GET /api/admin/tags',
        verdict: 'delivered',
        passes: 3,
        runs: 3,
        skipReason: undefined,
        failure: undefined,
      },
    ],
    defects: [],
    durations: {},
    notReached,
  });
}

describe('operations not reached in the report', () => {
  it('counts them apart from failures and findings', () => {
    const built = report();
    expect(built.tests).toMatchObject({ failed: 0, delivered: 1, skipped: 2, notReached: 2 });
    expect(built.findings).toEqual([]);
    expect(built.notReached).toEqual(notReached);
    expect(built.operations.skipped).toEqual([
      expect.objectContaining({
        operation: 'POST /api/admin/user/tokens',
        reason: expect.stringContaining('not reached: POST /api/admin/user/tokens answered 403'),
      }),
    ]);
  });

  it('says how many and why in the console, loudly, never as success', () => {
    const summary = renderConsoleSummary(report());
    expect(summary).toMatch(/not reached \(unverified\)\s+1 operations, 2 tests \(403 ×2\)/);
    expect(summary).toContain('  ! 1 operation(s) not reached (2 test(s) not run to a verdict, 403 ×2)');
    expect(summary).toContain(
      '      POST /api/admin/user/tokens: 403 "PATs require an authenticated user" → credentials of another kind',
    );
  });

  it('lists each in REPORT.md with the server’s words, the evidence and the way in', () => {
    const markdown = renderReportMarkdown(report());
    expect(markdown).toContain('> **Warning:** 1 operation(s) not reached');
    expect(markdown).toContain('## Operations not reached (not verified, not defects)');
    expect(markdown).toContain(
      '| `POST /api/admin/user/tokens` | `POST /api/admin/user/tokens` | 403 | PATs require an authenticated user | credentials of another kind or with more rights | 2 (evidence `evidence/a.json`) |',
    );
  });

  it('stays quiet when every operation was reached', () => {
    const built = { ...report(), notReached: undefined };
    expect(notReachedWarning(built)).toBeUndefined();
    expect(renderConsoleSummary(built)).not.toContain('not reached');
  });
});
