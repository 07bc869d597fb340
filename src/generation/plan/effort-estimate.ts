import type { ManualCase, ManualCaseKind } from '../../core/manual-case.ts';
import type { FeatureEffort, PlanRisk, PlanSchedule, RiskLevel } from '../../core/test-plan.ts';

// Minutes to prepare, run and record one case of each kind before counting its steps: a state
// transition needs its resource set up and torn down, a mobile check a second viewport, a
// visibility or navigation check little more than opening the page.
export const MINUTES_PER_KIND: Record<ManualCaseKind, number> = {
  positive: 3,
  negative: 3,
  boundary: 3,
  auth: 3,
  'state-transition': 6,
  visibility: 2,
  interaction: 3,
  validation: 3,
  navigation: 2,
  mobile: 5,
};
export const MINUTES_PER_STEP = 1;
/** Time-boxed exploratory sessions, by the feature's risk (see the risks section). */
export const EXPLORATORY_MINUTES: Record<RiskLevel, number> = { high: 60, medium: 30, low: 0 };

export const EFFORT_FORMULA =
  'minutes(case) = minutes per kind + 1 × steps; minutes(feature) = Σ minutes(case) + exploratory minutes ' +
  'for its risk level (high 60, medium 30, low 0); total = Σ minutes(feature); hours = total / 60, rounded to 0.1';

export function caseMinutes(manualCase: ManualCase): number {
  return MINUTES_PER_KIND[manualCase.kind] + MINUTES_PER_STEP * manualCase.steps.length;
}

export function estimateEffort(
  features: Map<string, ManualCase[]>,
  risks: readonly PlanRisk[],
): PlanSchedule {
  const rows = [...features].map(([feature, cases]) => featureEffort(feature, cases, risks));
  const totalMinutes = rows.reduce((sum, row) => sum + row.minutes, 0);
  return {
    formula: EFFORT_FORMULA,
    minutesPerKind: { ...MINUTES_PER_KIND },
    minutesPerStep: MINUTES_PER_STEP,
    exploratoryMinutes: { ...EXPLORATORY_MINUTES },
    features: rows,
    totalMinutes,
    totalHours: Math.round((totalMinutes / 60) * 10) / 10,
  };
}

function featureEffort(feature: string, cases: ManualCase[], risks: readonly PlanRisk[]): FeatureEffort {
  const caseTotal = cases.reduce((sum, manualCase) => sum + caseMinutes(manualCase), 0);
  const level = risks.find((risk) => risk.feature === feature)?.level ?? 'low';
  const exploratoryMinutes = EXPLORATORY_MINUTES[level];
  return {
    feature,
    cases: cases.length,
    steps: cases.reduce((sum, manualCase) => sum + manualCase.steps.length, 0),
    caseMinutes: caseTotal,
    exploratoryMinutes,
    minutes: caseTotal + exploratoryMinutes,
  };
}
