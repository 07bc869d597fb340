import type { ManualCase } from '../../core/manual-case.ts';
import { codePointOrder } from './code-point-order.ts';
import { defectsOfCase, historyWeight, matchedComponents, type DefectFact } from './defect-history.ts';
import { impactSignals, type ImpactSignal } from './impact-signals.ts';
import type { PlanFeature, PlanRisk, RiskLevel } from '../../core/test-plan.ts';

export const RISK_FORMULA =
  'risk = likelihood × impact; likelihood = 1 + round(4 × history of the feature’s defects), ' +
  'impact = 1 + distinct impact signals among its cases + 1 if any case is CRITICAL (max 5); high ≥ 12, medium ≥ 6, else low';

/** Features in first-seen order of the case set: the order the source presents them in. */
export function groupByFeature(cases: readonly ManualCase[]): Map<string, ManualCase[]> {
  const groups = new Map<string, ManualCase[]>();
  for (const manualCase of cases) {
    const group = groups.get(manualCase.feature) ?? [];
    group.push(manualCase);
    groups.set(manualCase.feature, group);
  }
  return groups;
}

export function describeFeature(
  name: string,
  cases: ManualCase[],
  defects: readonly DefectFact[],
): PlanFeature {
  const covers = new Set<string>();
  for (const trace of cases.flatMap((manualCase) => manualCase.trace)) {
    if (trace.kind === 'operation') covers.add(trace.operation);
    if (trace.kind === 'requirement') covers.add(trace.id);
    if (trace.kind === 'element') covers.add(`page ${trace.page}`);
  }
  const components = [...new Set(cases.flatMap((manualCase) => matchedComponents(manualCase, defects)))].sort(
    codePointOrder,
  );
  return {
    name,
    cases: cases.length,
    critical: cases.filter((manualCase) => manualCase.priority === 'CRITICAL').length,
    suites: (['API', 'UI'] as const).filter((suite) =>
      cases.some((manualCase) => manualCase.suite === suite),
    ),
    covers: [...covers],
    components,
  };
}

export function assessRisk(name: string, cases: ManualCase[], defects: readonly DefectFact[]): PlanRisk {
  const counted = uniqueDefects(cases.flatMap((manualCase) => defectsOfCase(manualCase, defects)));
  const likelihood = 1 + Math.round(4 * historyWeight(counted));
  const critical = cases.some((manualCase) => manualCase.priority === 'CRITICAL');
  const impactReasons: string[] = [...distinctSignals(cases), ...(critical ? ['CRITICAL cases'] : [])];
  const impact = Math.min(5, 1 + impactReasons.length);
  const score = likelihood * impact;
  const level = riskLevel(score);
  return {
    feature: name,
    likelihood,
    impact,
    score,
    level,
    defects: {
      open: counted.filter((defect) => defect.status === 'open').length,
      resolved: counted.filter((defect) => defect.status !== 'open').length,
      keys: counted.map((defect) => defect.key).sort(codePointOrder),
    },
    impactReasons,
    mitigation: mitigationFor(level, counted),
  };
}

export function riskLevel(score: number): RiskLevel {
  if (score >= 12) return 'high';
  return score >= 6 ? 'medium' : 'low';
}

function distinctSignals(cases: ManualCase[]): ImpactSignal[] {
  const order: ImpactSignal[] = ['writes data', 'authentication', 'money', 'criticality wording'];
  const seen = new Set(cases.flatMap(impactSignals));
  return order.filter((signal) => seen.has(signal));
}

function uniqueDefects(defects: DefectFact[]): DefectFact[] {
  return [...new Map(defects.map((defect) => [defect.key, defect])).values()];
}

function mitigationFor(level: RiskLevel, defects: DefectFact[]): string {
  const open = defects.filter((defect) => defect.status === 'open').map((defect) => defect.key);
  const retest = open.length > 0 ? `; retest ${open.sort(codePointOrder).join(', ')} once fixed` : '';
  if (level === 'high')
    return `run its cases first, automate them, add a 60-minute exploratory session${retest}`;
  if (level === 'medium') return `run its cases early, add a 30-minute exploratory session${retest}`;
  return `run its cases in priority order${retest}`;
}
