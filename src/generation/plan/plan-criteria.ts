import type { ManualCaseSet } from '../../core/manual-case.ts';
import { codePointOrder } from './code-point-order.ts';
import type { DefectFact } from './defect-history.ts';
import type { PlanEnvironments, PlanFeature, PlanRisk, PrioritisedCase } from '../../core/test-plan.ts';

export interface CriteriaContext {
  set: ManualCaseSet;
  features: readonly PlanFeature[];
  risks: readonly PlanRisk[];
  defects: readonly DefectFact[];
  environments: PlanEnvironments;
  ranked: readonly PrioritisedCase[];
}

const BLOCKING = new Set(['blocker', 'critical']);
/** Runs that an automated suite must pass in a row to count as green (as `testops run --repeat`). */
export const GREEN_RUNS = 3;

export function entryCriteria({ set, defects, environments }: CriteriaContext): string[] {
  const criteria = [
    environments.baseUrls.length > 0
      ? `the build under test is deployed and answers at ${environments.baseUrls.join(', ')}`
      : 'the build under test is deployed at an agreed base URL (the input names none)',
  ];
  if (environments.variables.length > 0)
    criteria.push(`variables are set: ${environments.variables.map((variable) => variable.env).join(', ')}`);
  const blockers = openDefects(defects, new Set(['blocker']));
  if (blockers.length > 0)
    criteria.push(
      `open Blocker defects are triaged (fixed, or a workaround is documented): ${keysByComponent(blockers)}`,
    );
  if (environments.testData.length > 0)
    criteria.push(
      `test data for the ${environments.testData.length} boundary/validation cases is prepared (see Environments and data)`,
    );
  if (set.source.kind === 'requirements')
    criteria.push(
      `the ${set.requirements.length} requirements are reviewed and the ${set.unused.length} unused inputs confirmed as untestable`,
    );
  if (set.source.kind === 'openapi')
    criteria.push(`the spec ${set.source.location} matches the deployed API version`);
  return criteria;
}

export function exitCriteria({ set, features, risks, defects, ranked }: CriteriaContext): string[] {
  const critical = set.cases.filter((manualCase) => manualCase.priority === 'CRITICAL').length;
  const rest = set.cases.length - critical;
  const criteria = [
    critical > 0 ? `all ${critical} CRITICAL cases pass` : topCasesPass(ranked),
    `at least 95% of the ${rest} NORMAL and LOW cases pass, and every failure has a defect of priority Major or lower`,
    ...componentCriteria(features, defects),
  ];
  for (const suite of ['API', 'UI'] as const) {
    const count = set.cases.filter((manualCase) => manualCase.suite === suite).length;
    if (count > 0)
      criteria.push(
        `the delivered ${suite} suite is green ${GREEN_RUNS}/${GREEN_RUNS}: \`testops run <suite> --repeat ${GREEN_RUNS}\` reports 0 suspected defects and 0 flaky tests`,
      );
  }
  const explored = risks.filter((risk) => risk.level !== 'low').map((risk) => risk.feature);
  if (explored.length > 0)
    criteria.push(`an exploratory session with notes is done for each of: ${explored.join(', ')}`);
  criteria.push(
    set.source.kind === 'requirements'
      ? 'every requirement in scope is traced by at least one passing case'
      : `every ${set.source.kind === 'openapi' ? 'operation' : 'page'} in scope is covered by at least one passing case`,
  );
  return criteria;
}

/** Without CRITICAL cases, the head of the prioritised list (a tenth of it) must pass instead. */
function topCasesPass(ranked: readonly PrioritisedCase[]): string {
  const top = ranked.slice(0, Math.max(1, Math.ceil(ranked.length / 10)));
  return `no case is CRITICAL: the top ${top.length} cases of the prioritised list pass (${top.map((entry) => entry.id).join(', ')})`;
}

/** One line per component in the history that the plan's features touch. */
function componentCriteria(features: readonly PlanFeature[], defects: readonly DefectFact[]): string[] {
  const components = [...new Set(features.flatMap((feature) => feature.components))].sort(codePointOrder);
  return components.map((component) => {
    const open = openDefects(defects, BLOCKING).filter((defect) => defect.components.includes(component));
    const now = open.length > 0 ? ` (open now: ${open.map((defect) => defect.key).join(', ')})` : '';
    return `no open Blocker or Critical defects in component ${component}${now}`;
  });
}

function openDefects(defects: readonly DefectFact[], priorities: Set<string>): DefectFact[] {
  return defects
    .filter((defect) => defect.status === 'open' && priorities.has(defect.priority.toLowerCase()))
    .sort((a, b) => codePointOrder(a.key, b.key));
}

function keysByComponent(defects: DefectFact[]): string {
  return defects
    .map((defect) => `${defect.key} (${defect.components.join(', ') || 'no component'})`)
    .join(', ');
}
