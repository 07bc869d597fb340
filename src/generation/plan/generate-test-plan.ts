import type { ApiModel } from '../../core/api-model.ts';
import type { DefectRecord } from '../../core/defect.ts';
import type { ExistingTest } from '../../core/existing-test.ts';
import type { ManualCaseSet } from '../../core/manual-case.ts';
import type { SiteModel } from '../../core/page-model.ts';
import { automatedTestFacts } from './automated-test-facts.ts';
import { defectFacts } from './defect-facts.ts';
import { placeDefects } from './defect-placement.ts';
import { estimateEffort } from './effort-estimate.ts';
import { assessRisk, describeFeature, groupByFeature, RISK_FORMULA } from './feature-risks.ts';
import { entryCriteria, exitCriteria } from './plan-criteria.ts';
import { planEnvironments } from './plan-environments.ts';
import { planScope } from './plan-scope.ts';
import { prioritiseCases, PRIORITY_FORMULA, TIE_BREAK } from './prioritise-cases.ts';
import { prioritiseExistingTests } from './prioritise-existing-tests.ts';
import { testLevels, testTypes } from './test-approach.ts';
import { TEST_PLAN_VERSION, type TestPlan } from '../../core/test-plan.ts';

export interface PlanInput {
  /** The cases the case generator designed from the same source. */
  cases: ManualCaseSet;
  defects: readonly DefectRecord[];
  existingTests: readonly ExistingTest[];
  /** The model the cases came from, for base URLs, variables and skipped operations or pages. */
  api?: ApiModel;
  site?: SiteModel;
  /** Where defects and existing tests were read from, for the plan's sources section. */
  locations?: { defects?: string; existingTests?: string };
  /** Warnings the readers gave (malformed rows, unreadable files): carried into the plan. */
  warnings?: readonly string[];
}

/** Derives the whole plan from its inputs; pure and deterministic. */
export function generateTestPlan(input: PlanInput): TestPlan {
  const set = input.cases;
  const placed = placeDefects(defectFacts(input.defects), set.cases, set.title);
  const defects = placed.defects;
  const tests = automatedTestFacts(input.existingTests);
  const groups = groupByFeature(set.cases);
  const features = [...groups].map(([name, cases]) => describeFeature(name, cases, defects));
  const risks = [...groups].map(([name, cases]) => assessRisk(name, cases, defects));
  const types = testTypes(set.cases);
  const environments = planEnvironments(set, input.api, input.site);
  const cases = prioritiseCases(set.cases, defects, tests);
  const criteriaContext = { set, features, risks, defects, environments, ranked: cases };
  return {
    version: TEST_PLAN_VERSION,
    title: `Test plan: ${set.title}`,
    sources: {
      cases: { kind: set.source.kind, location: set.source.location, count: set.cases.length },
      defects: located(input.locations?.defects, input.defects.length),
      existingTests: located(input.locations?.existingTests, input.existingTests.length),
    },
    scope: planScope({ set, features, types, api: input.api, site: input.site }),
    features,
    risks: { formula: RISK_FORMULA, features: risks },
    levels: testLevels(set, risks),
    types,
    entryCriteria: entryCriteria(criteriaContext),
    exitCriteria: exitCriteria(criteriaContext),
    environments,
    schedule: estimateEffort(groups, risks),
    prioritisation: {
      formula: PRIORITY_FORMULA,
      tieBreak: TIE_BREAK,
      cases,
      existingTests: prioritiseExistingTests(tests, cases, defects),
    },
    warnings: [...(input.warnings ?? []), ...placed.warnings],
  };
}

function located(
  location: string | undefined,
  count: number,
): { location: string; count: number } | undefined {
  return location === undefined ? undefined : { location, count };
}
