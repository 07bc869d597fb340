import type { ManualCase } from '../../core/manual-case.ts';
import { defectPoints, defectsOfCase, historyWeight, round3, type DefectFact } from './defect-history.ts';
import { codePointOrder } from './code-point-order.ts';
import { coverageOf, type AutomatedTestFact } from './existing-coverage.ts';
import { criticalityOf, impactSignals } from './impact-signals.ts';
import type { PrioritisedCase } from '../../core/test-plan.ts';

export const PRIORITY_FORMULA =
  'score = criticality × (1 + history) × (1 − coverage), where ' +
  'criticality = priority weight (CRITICAL 3, NORMAL 2, LOW 1) × (1 + 0.25 × impact signals: writes data, authentication, money, criticality wording); ' +
  'history = min(1, Σ defect points of the case’s components / 16; a defect naming only the product counts for every case), defect points = Blocker/Highest 8, Critical 4, Major/High 2, Minor/Medium 1, Trivial/Low 0.5 (other 1) × status (open 1, fixed 0.5, rejected as won’t fix/duplicate/cannot reproduce 0); ' +
  'coverage = 1 when an existing automated test checks the same operation and status, requirement or title, 0.5 for the same operation or a similar title, else 0';

export const TIE_BREAK =
  'equal scores: higher criticality first, then higher history, then feature name, then case id (code-point order)';

/** Scores every case and ranks them; the order is total, so the same inputs give the same list. */
export function prioritiseCases(
  cases: readonly ManualCase[],
  defects: readonly DefectFact[],
  tests: readonly AutomatedTestFact[],
): PrioritisedCase[] {
  const scored = cases.map((manualCase) => scoreCase(manualCase, defects, tests));
  return scored.sort(compareCases).map((entry, index) => ({ ...entry, rank: index + 1 }));
}

function scoreCase(
  manualCase: ManualCase,
  defects: readonly DefectFact[],
  tests: readonly AutomatedTestFact[],
): PrioritisedCase {
  const signals = impactSignals(manualCase);
  const criticality = round3(criticalityOf(manualCase.priority, signals));
  const counted = defectsOfCase(manualCase, defects)
    .filter((defect) => defectPoints(defect) > 0)
    .sort((a, b) => defectPoints(b) - defectPoints(a) || codePointOrder(a.key, b.key));
  const history = historyWeight(counted);
  const { coverage, coveredBy } = coverageOf(manualCase, tests);
  return {
    rank: 0,
    id: manualCase.id,
    title: manualCase.title,
    feature: manualCase.feature,
    suite: manualCase.suite,
    kind: manualCase.kind,
    priority: manualCase.priority,
    criticality,
    history,
    coverage,
    score: round3(criticality * (1 + history) * (1 - coverage)),
    coveredBy,
    reasons: [...signals, ...counted.map(describeDefect)],
  };
}

function describeDefect(defect: DefectFact): string {
  return `${defect.status} ${defect.priority} ${defect.key}`;
}

export function compareCases(a: PrioritisedCase, b: PrioritisedCase): number {
  return (
    b.score - a.score ||
    b.criticality - a.criticality ||
    b.history - a.history ||
    codePointOrder(a.feature, b.feature) ||
    codePointOrder(a.id, b.id)
  );
}
