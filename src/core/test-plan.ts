/**
 * The test plan contract: what generation/plan builds and emit/plan renders as TEST-PLAN.md and
 * test-plan.json. Every figure in it is derived from the inputs, so the same inputs give the same
 * plan (no timestamps, deterministic order).
 *
 * This file exists twice, byte for byte, in src/generation/plan/ and src/emit/plan/: stages may
 * import only src/core/, and the contract is not there yet. A test keeps the copies identical;
 * moving it to src/core/test-plan.ts removes both.
 */
import type { CasePriority, ManualCaseKind } from './manual-case.ts';

export const TEST_PLAN_VERSION = 1;

export interface TestPlan {
  version: typeof TEST_PLAN_VERSION;
  title: string;
  sources: PlanSources;
  scope: { inScope: ScopeEntry[]; outOfScope: ScopeEntry[] };
  features: PlanFeature[];
  risks: { formula: string; features: PlanRisk[] };
  levels: PlanLevel[];
  types: PlanTestType[];
  entryCriteria: string[];
  exitCriteria: string[];
  environments: PlanEnvironments;
  schedule: PlanSchedule;
  prioritisation: PlanPrioritisation;
  /** Problems in the inputs that did not stop planning (a malformed defect row, an unknown component). */
  warnings: string[];
}

export interface PlanSources {
  cases: { kind: 'requirements' | 'openapi' | 'page-model'; location: string; count: number };
  defects: { location: string; count: number } | undefined;
  existingTests: { location: string; count: number } | undefined;
}

export interface ScopeEntry {
  item: string;
  kind: 'feature' | 'operation' | 'page' | 'requirement' | 'test-type' | 'input';
  reason: string;
}

export interface PlanFeature {
  name: string;
  cases: number;
  critical: number;
  suites: ('API' | 'UI')[];
  /** Operations, requirement ids or pages its cases trace to. */
  covers: string[];
  /** Defect-history components whose defects count for this feature. */
  components: string[];
}

export type RiskLevel = 'high' | 'medium' | 'low';

export interface PlanRisk {
  feature: string;
  /** 1–5, from the feature's defect history. */
  likelihood: number;
  /** 1–5, from what its cases touch: writes, auth, money, criticality wording. */
  impact: number;
  /** likelihood × impact, 1–25. */
  score: number;
  level: RiskLevel;
  defects: { open: number; resolved: number; keys: string[] };
  impactReasons: string[];
  mitigation: string;
}

export type TestLevel = 'unit' | 'api' | 'ui-e2e' | 'manual-exploratory';

export interface PlanLevel {
  level: TestLevel;
  count: number;
  of: 'cases' | 'sessions';
  rationale: string;
}

export type TestType = 'functional' | 'negative' | 'boundary' | 'security' | 'accessibility' | 'mobile';

export interface PlanTestType {
  type: TestType;
  cases: number;
  /** How cases were recognised as this type. */
  basis: string;
}

export interface PlanEnvironments {
  baseUrls: string[];
  variables: { name: string; env: string; usedBy: string[] }[];
  browsers: string[];
  viewports: { name: string; width: number; height: number }[];
  testData: { feature: string; caseId: string; data: string }[];
  notes: string[];
}

export interface PlanSchedule {
  formula: string;
  minutesPerKind: Record<ManualCaseKind, number>;
  minutesPerStep: number;
  exploratoryMinutes: Record<RiskLevel, number>;
  features: FeatureEffort[];
  totalMinutes: number;
  totalHours: number;
}

export interface FeatureEffort {
  feature: string;
  cases: number;
  steps: number;
  caseMinutes: number;
  exploratoryMinutes: number;
  minutes: number;
}

export interface PlanPrioritisation {
  formula: string;
  tieBreak: string;
  cases: PrioritisedCase[];
  /** The existing automated suite in the order to run it (empty without --tests). */
  existingTests: PrioritisedTest[];
}

export interface PrioritisedCase {
  rank: number;
  id: string;
  title: string;
  feature: string;
  suite: 'API' | 'UI';
  kind: ManualCaseKind;
  priority: CasePriority;
  criticality: number;
  history: number;
  coverage: number;
  score: number;
  /** Existing automated tests that cover it. */
  coveredBy: string[];
  /** Why it scores what it does: impact signals and the defects counted. */
  reasons: string[];
}

export interface PrioritisedTest {
  rank: number;
  id: string;
  title: string;
  file: string;
  criticality: number;
  history: number;
  score: number;
  reasons: string[];
}
