import { codePointOrder } from './code-point-order.ts';
import { defectPoints, defectsAbout, historyWeight, round3, type DefectFact } from './defect-history.ts';
import type { AutomatedTestFact } from './existing-coverage.ts';
import { criticalityOf, signalsOf } from './impact-signals.ts';
import type { PrioritisedCase, PrioritisedTest } from '../../core/test-plan.ts';

/**
 * The existing suite in the order to run it: score = criticality × (1 + history), the cases'
 * formula without its coverage term (an automated test is its own coverage). A test without a
 * priority label takes the priority of the most critical designed case it covers, else NORMAL.
 */
export function prioritiseExistingTests(
  tests: readonly AutomatedTestFact[],
  cases: readonly PrioritisedCase[],
  defects: readonly DefectFact[],
): PrioritisedTest[] {
  return tests
    .map((test) => scoreTest(test, cases, defects))
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.criticality - a.criticality ||
        b.history - a.history ||
        codePointOrder(a.file, b.file) ||
        codePointOrder(a.id, b.id),
    )
    .map((test, index) => ({ ...test, rank: index + 1 }));
}

function scoreTest(
  test: AutomatedTestFact,
  cases: readonly PrioritisedCase[],
  defects: readonly DefectFact[],
): PrioritisedTest {
  const signals = signalsOf(test.signals);
  const inherited = inheritedPriority(test, cases);
  const priority = test.priority ?? inherited ?? 'NORMAL';
  const origin = test.priority ? '' : inherited ? ' (from the cases it covers)' : ' (no priority label)';
  const criticality = round3(criticalityOf(priority, signals));
  const counted = defectsAbout(test.words, defects).filter((defect) => defectPoints(defect) > 0);
  const history = historyWeight(counted);
  return {
    rank: 0,
    id: test.id,
    title: test.title,
    file: test.file,
    criticality,
    history,
    score: round3(criticality * (1 + history)),
    reasons: [
      `${priority}${origin}`,
      ...signals,
      ...counted.map((defect) => `${defect.status} ${defect.priority} ${defect.key}`),
    ],
  };
}

function inheritedPriority(
  test: AutomatedTestFact,
  cases: readonly PrioritisedCase[],
): PrioritisedCase['priority'] | undefined {
  const covered = cases.filter((entry) => entry.coveredBy.includes(test.id));
  const order = ['CRITICAL', 'NORMAL', 'LOW'] as const;
  return order.find((priority) => covered.some((entry) => entry.priority === priority));
}
