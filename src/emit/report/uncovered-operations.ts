import type { SkippedOperation, TestOutcome } from '../../core/run-report.ts';

/** What of the suite manifest this needs (the manifest type lives with the report builder). */
interface SuiteManifest {
  operations: string[];
  skippedOperations: SkippedOperation[];
  withheldTests?: { test: string; operation: string; reason: string }[];
  tests: { title: string; operation: string }[];
}

/**
 * Every operation without a delivered test, and why: no test designed, its tests withheld,
 * skipped (a missing variable, writes not allowed), failed or flaky. Before a run, only those
 * without any test are listed.
 */
export function uncoveredOperations(
  manifest: SuiteManifest,
  outcomes: TestOutcome[] | undefined,
): SkippedOperation[] {
  const listed = new Set(manifest.skippedOperations.map((skipped) => skipped.operation));
  const uncovered: SkippedOperation[] = [...manifest.skippedOperations];
  for (const operation of manifest.operations) {
    if (listed.has(operation)) continue;
    const reason = whyUncovered(manifest, operation, outcomes);
    if (reason) uncovered.push({ operation, reason, cause: 'not-delivered' });
  }
  return uncovered;
}

function whyUncovered(
  manifest: SuiteManifest,
  operation: string,
  outcomes: TestOutcome[] | undefined,
): string | undefined {
  const designed = manifest.tests.filter((test) => test.operation === operation);
  const withheld = (manifest.withheldTests ?? []).filter((test) => test.operation === operation);
  if (designed.length === 0) {
    return withheld.length > 0
      ? `all ${withheld.length} tests withheld: ${withheld[0]!.reason}`
      : 'no test generated';
  }
  if (!outcomes) return undefined;
  const mine = outcomes.filter((outcome) => outcome.operation === operation);
  if (mine.some((outcome) => outcome.verdict === 'delivered')) return undefined;
  if (mine.length === 0) return 'its tests did not run';
  return verdictSummary(mine, withheld.length);
}

/** `2 failed (suspected defects), 1 skipped: Set TESTOPS_VAR_PROJECT_ID …`. */
function verdictSummary(outcomes: TestOutcome[], withheld: number): string {
  const count = (verdict: TestOutcome['verdict']) =>
    outcomes.filter((outcome) => outcome.verdict === verdict).length;
  const failed = count('defect');
  const flaky = count('flaky');
  const skipped = outcomes.filter((outcome) => outcome.verdict === 'skipped');
  const parts = [
    failed > 0 ? `${failed} failed (suspected defects)` : '',
    flaky > 0 ? `${flaky} flaky` : '',
    skipped.length > 0 ? `${skipped.length} skipped: ${skipReasons(skipped)}` : '',
    withheld > 0 ? `${withheld} withheld (would change a resource the suite did not create)` : '',
  ].filter(Boolean);
  const all = failed === outcomes.length ? 'all its tests failed' : flaky === outcomes.length ? 'flaky' : '';
  return [all, parts.join(', ')].filter(Boolean).join(': ');
}

function skipReasons(skipped: TestOutcome[]): string {
  const reasons = [...new Set(skipped.map((outcome) => (outcome.skipReason ?? 'skipped').split('\n')[0]!))];
  return reasons.slice(0, 2).join('; ') + (reasons.length > 2 ? ` (+${reasons.length - 2} more)` : '');
}
