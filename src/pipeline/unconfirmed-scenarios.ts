import { UNCONFIRMED_NOTE, type UnconfirmedScenario } from '../core/model-client.ts';
import type { RunReport } from '../core/run-report.ts';

/**
 * Takes the model's scenarios that failed or were flaky out of the report's defects. Every
 * failure we report is a real defect with evidence; a guessed rule failing is most likely a
 * wrong guess, so it is listed apart ("unconfirmed — check by hand") with its evidence, and not
 * counted in the figures that fail the run. The suite keeps them quarantined as any failure.
 */
export function separateUnconfirmed(
  report: RunReport,
  modelTests: ReadonlySet<string>,
): { report: RunReport; unconfirmed: UnconfirmedScenario[] } {
  const failed = report.suspectedDefects.filter((defect) => modelTests.has(defect.test));
  const flaky = report.flaky.filter((test) => modelTests.has(test.test));
  if (failed.length === 0 && flaky.length === 0) return { report, unconfirmed: [] };
  const unconfirmed: UnconfirmedScenario[] = [
    ...failed.map((defect) => ({
      test: defect.test,
      page: defect.operation,
      verdict: 'failed' as const,
      expected: defect.expected,
      actual: defect.actual,
      evidence: defect.evidence,
      note: UNCONFIRMED_NOTE,
    })),
    ...flaky.map((test) => ({
      test: test.test,
      page: test.operation,
      verdict: 'flaky' as const,
      expected: 'passes every run',
      actual: `passed ${test.passes} of ${test.runs} runs: ${test.reason}`,
      evidence: undefined,
      note: UNCONFIRMED_NOTE,
    })),
  ];
  const apart = new Set(unconfirmed.map((scenario) => scenario.test));
  return {
    report: {
      ...report,
      tests: {
        ...report.tests,
        failed: report.tests.failed - failed.length,
        flaky: report.tests.flaky - flaky.length,
      },
      suspectedDefects: report.suspectedDefects.filter((defect) => !apart.has(defect.test)),
      findings: report.findings
        .map((finding) => ({
          ...finding,
          occurrences: finding.occurrences.filter((occurrence) => !apart.has(occurrence.test)),
        }))
        .filter((finding) => finding.occurrences.length > 0),
      flaky: report.flaky.filter((test) => !apart.has(test.test)),
      ...(report.pages
        ? {
            pages: report.pages.map((page) => ({
              ...page,
              failed: page.failed - failed.filter((defect) => defect.operation === page.page).length,
              flaky: page.flaky - flaky.filter((test) => test.operation === page.page).length,
            })),
          }
        : {}),
    },
    unconfirmed,
  };
}
