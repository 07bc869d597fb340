import type { RunReport } from '../../../core/run-report.ts';
import type { Manifest } from '../../../pipeline/suite-manifest.ts';
import type { RunResultRecord, TestStatus } from '../../store/stores.ts';
import type { JobError } from '../job.ts';
import type { ExecutorResult, TestDraft } from '../executor.ts';

/**
 * The tests of an emitted suite with their verdicts: a suspected defect or a flaky test is named
 * in the report; every other test of an executed suite passed every run.
 */
export function suiteTests(kind: 'api' | 'ui', manifest: Manifest, report: RunReport): TestDraft[] {
  const defects = new Set(report.suspectedDefects.map((defect) => defect.test));
  const flaky = new Set(report.flaky.map((test) => test.test));
  // A test skipped at run time (a variable it needs was not given) was generated but not verified.
  const skipped = new Map(report.skippedTests.map((test) => [test.test, test.reason]));
  // A model's scenario that did not pass every run is neither a defect nor delivered: unconfirmed.
  for (const scenario of report.model?.unconfirmedScenarios ?? [])
    skipped.set(scenario.test, `${scenario.note}: ${scenario.actual}`);
  return manifest.tests.map((test) => {
    const skipReason = skipped.get(test.title);
    const status: TestStatus =
      skipReason !== undefined
        ? 'unverified'
        : defects.has(test.title)
          ? 'defect'
          : flaky.has(test.title)
            ? 'flaky'
            : report.executed
              ? 'delivered'
              : 'unverified';
    return {
      key: `${kind}:${test.operation}:${test.title}`,
      kind,
      status,
      title: test.title,
      target: test.operation,
      file: undefined,
      document: { ...test, format: manifest.format, ...(skipReason ? { skipped: skipReason } : {}) },
    };
  });
}

/** Per-test results with evidence, for runs and results in the database. */
export function runResults(jobId: string, report: RunReport, tests: TestDraft[]): RunResultRecord[] {
  if (!report.executed) return [];
  const defects = new Map(report.suspectedDefects.map((defect) => [defect.test, defect]));
  const flaky = new Map(report.flaky.map((test) => [test.test, test]));
  return tests.map((test) => {
    const defect = defects.get(test.title);
    const unstable = flaky.get(test.title);
    if (test.status === 'unverified')
      return { jobId, test: test.title, verdict: 'skipped', passes: 0, runs: 0, evidence: test.document };
    return {
      jobId,
      test: test.title,
      verdict: defect ? 'defect' : unstable ? 'flaky' : 'delivered',
      passes: defect ? 0 : unstable ? unstable.passes : report.repeat,
      runs: unstable ? unstable.runs : report.repeat,
      evidence: defect ? { ...defect } : unstable ? { ...unstable } : undefined,
    };
  });
}

export function suiteSummary(report: RunReport): ExecutorResult['summary'] {
  return {
    tests: report.tests,
    operations: report.operations.total,
    covered: report.operations.covered,
    suspected_defects: report.suspectedDefects.length,
    flaky: report.flaky.length,
    executed: report.executed,
    repeat: report.repeat,
    ...(report.model ? { model: report.model } : {}),
  };
}

export function skippedOperations(report: RunReport): JobError[] {
  // Operations merely not delivered (failed, skipped) are results, not errors of the job.
  return report.operations.skipped
    .filter((skipped) => skipped.cause !== 'not-delivered')
    .map((skipped) => ({
      code: 'TESTOPS_OPERATION_INVALID',
      message: skipped.reason,
      where: skipped.operation,
    }));
}
