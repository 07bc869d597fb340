import type { RunReport } from '../core/run-report.ts';
import { type ReadFailures, isObject } from './read-result.ts';

/**
 * Failures of our own report: each suspected defect (with the root-cause signature of the finding
 * that holds it) and each flaky test. An entry without its test name is reported, not guessed.
 */
export function reportFailures(value: unknown): ReadFailures {
  const report = value as Partial<RunReport>;
  const findingOf = new Map<string, { signature: string; title: string }>();
  for (const finding of report.findings ?? [])
    for (const occurrence of finding.occurrences ?? []) findingOf.set(occurrence.test, finding);
  const result: ReadFailures = { failures: [], problems: [] };
  (report.suspectedDefects ?? []).forEach((defect, index) => {
    if (!isObject(defect) || typeof defect.test !== 'string') {
      result.problems.push({ entry: `suspectedDefects[${index}]`, message: 'has no "test" name' });
      return;
    }
    const expected = String(defect.expected ?? '');
    const actual = String(defect.actual ?? '');
    result.failures.push({
      test: defect.test,
      file: defect.evidence,
      operation: defect.operation || undefined,
      status: 'failed',
      message: `expected ${expected}, got ${actual}`,
      frames: [],
      expected,
      actual,
      findingSignature: findingOf.get(defect.test)?.signature,
      findingTitle: findingOf.get(defect.test)?.title,
      passes: 0,
      runs: report.repeat ?? 1,
    });
  });
  (report.flaky ?? []).forEach((flaky, index) => {
    if (!isObject(flaky) || typeof flaky.test !== 'string') {
      result.problems.push({ entry: `flaky[${index}]`, message: 'has no "test" name' });
      return;
    }
    result.failures.push({
      test: flaky.test,
      file: undefined,
      operation: flaky.operation || undefined,
      status: 'flaky',
      message: String(flaky.reason ?? 'passed on some runs only'),
      frames: [],
      expected: undefined,
      actual: undefined,
      findingSignature: undefined,
      findingTitle: undefined,
      passes: Number(flaky.passes ?? 0),
      runs: Number(flaky.runs ?? 0),
    });
  });
  return result;
}
