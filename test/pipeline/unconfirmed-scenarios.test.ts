// A model-proposed UI scenario that fails or is flaky is a wrong guess until checked by hand: it
// leaves the defects, the figures and the exit code, and is listed apart with its evidence.
import { describe, expect, it, vi } from 'vitest';
import type { RunReport } from '../../src/core/run-report.ts';
import { renderReportMarkdown } from '../../src/emit/report/render-report.ts';
import { printReport } from '../../src/cli/report-output.ts';
import { separateUnconfirmed } from '../../src/pipeline/unconfirmed-scenarios.ts';

const RULE_FAILED = 'configure-vm: Free Tier can be added only once';
const RULE_FLAKY = 'configure-vm: compare allows up to three';
const PRODUCT = 'configure-vm: the live price follows the region';

const defect = (test: string) => ({
  test,
  operation: 'configure-vm',
  expected: 'the "Add Free Tier" button is disabled',
  actual: 'it is enabled',
  evidence: `evidence/${test.replace(/\W+/g, '-')}.json`,
  curl: undefined,
});

const report: RunReport = {
  version: 1,
  kind: 'ui',
  generatedAt: '2026-01-01T00:00:00Z',
  target: { spec: 'http://127.0.0.1:4000/', baseUrl: 'http://127.0.0.1:4000' },
  format: 'playwright-ts',
  operations: { total: 1, covered: 1, skipped: [] },
  tests: { generated: 6, delivered: 3, passed: 3, failed: 2, flaky: 1, skipped: 0 },
  executed: true,
  repeat: 3,
  suspectedDefects: [defect(RULE_FAILED), defect(PRODUCT)],
  findings: [
    {
      id: 'f1',
      kind: 'functional-defect',
      severity: 'major',
      title: 'UI check failed',
      signature: 'button state',
      occurrences: [RULE_FAILED, PRODUCT].map((test) => ({
        test,
        operation: 'configure-vm',
        evidence: defect(test).evidence,
        curl: undefined,
      })),
    },
    {
      id: 'f2',
      kind: 'functional-defect',
      severity: 'major',
      title: 'only the rule',
      signature: 'rule only',
      occurrences: [{ test: RULE_FAILED, operation: 'configure-vm', evidence: 'e', curl: undefined }],
    },
  ],
  conformance: 'strict',
  flaky: [{ test: RULE_FLAKY, operation: 'configure-vm', passes: 2, runs: 3, reason: 'timeout' }],
  skippedTests: [],
  durations: {},
  pages: [
    {
      page: 'configure-vm',
      path: '/configure/vm',
      exploreMs: 900,
      settled: true,
      elements: 10,
      interactions: 4,
      tests: 6,
      delivered: 3,
      failed: 2,
      flaky: 1,
    },
  ],
  marking: { marked: 3, unmarked: [] },
};

describe('model scenarios that did not pass every run', () => {
  it('are listed apart with their evidence and leave defects, findings and figures', () => {
    const { report: kept, unconfirmed } = separateUnconfirmed(report, new Set([RULE_FAILED, RULE_FLAKY]));
    expect(unconfirmed).toEqual([
      {
        test: RULE_FAILED,
        page: 'configure-vm',
        verdict: 'failed',
        expected: 'the "Add Free Tier" button is disabled',
        actual: 'it is enabled',
        evidence: defect(RULE_FAILED).evidence,
        note: 'unconfirmed — check by hand',
      },
      {
        test: RULE_FLAKY,
        page: 'configure-vm',
        verdict: 'flaky',
        expected: 'passes every run',
        actual: 'passed 2 of 3 runs: timeout',
        evidence: undefined,
        note: 'unconfirmed — check by hand',
      },
    ]);
    expect(kept.suspectedDefects.map((entry) => entry.test)).toEqual([PRODUCT]);
    expect(
      kept.findings.map((finding) => [finding.id, finding.occurrences.map((entry) => entry.test)]),
    ).toEqual([['f1', [PRODUCT]]]);
    expect(kept.flaky).toEqual([]);
    expect(kept.tests).toMatchObject({ failed: 1, flaky: 0, delivered: 3 });
    expect(kept.pages![0]).toMatchObject({ failed: 1, flaky: 0 });
    // Still quarantined in the suite, as every failing test.
    expect(kept.marking).toEqual({ marked: 3, unmarked: [] });
  });

  it('do not fail the run on their own, and REPORT.md shows them in the model section, not as defects', () => {
    const onlyRules = { ...report, suspectedDefects: [defect(RULE_FAILED)] };
    onlyRules.tests = { ...report.tests, failed: 1 };
    onlyRules.findings = [report.findings[1]!];
    const { report: kept, unconfirmed } = separateUnconfirmed(onlyRules, new Set([RULE_FAILED, RULE_FLAKY]));
    const withModel: RunReport = {
      ...kept,
      model: {
        mode: 'auto',
        status: 'used',
        message: 'fixture proposed 2 scenario(s)',
        capabilities: [],
        fallbacks: [],
        unconfirmedScenarios: unconfirmed,
      },
    };
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(printReport(onlyRules, { json: true, outDir: 'out' })).toBe(1);
      expect(printReport(withModel, { json: true, outDir: 'out' })).toBe(0);
    } finally {
      stdout.mockRestore();
    }
    const markdown = renderReportMarkdown(withModel);
    expect(markdown).not.toContain('## Suspected defects');
    expect(markdown).toContain('| model scenarios unconfirmed | 2 (not defects: check by hand) |');
    expect(markdown).toContain(`### ${RULE_FAILED} — unconfirmed — check by hand`);
    expect(markdown).toContain(`- evidence: \`${defect(RULE_FAILED).evidence}\``);
  });

  it('leave the report as it is when every model scenario passed', () => {
    expect(separateUnconfirmed(report, new Set(['another test'])).report).toBe(report);
  });
});
