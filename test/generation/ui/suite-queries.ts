// Small lookups over a generated suite, so tests read as statements about cases.
import type { UiAssertion, UiStepAction, UiSuite, UiTestCase } from '../../../src/core/ui-test-case.ts';

export function caseCovering(suite: UiSuite, covered: string): UiTestCase {
  const found = suite.cases.find((testCase) => testCase.covers.includes(covered));
  if (!found) throw new Error(`no case covers "${covered}"`);
  return found;
}

export function assertionsOf(testCase: UiTestCase): UiAssertion[] {
  return testCase.steps.flatMap((step) => step.assertions);
}

export function actionsOf(testCase: UiTestCase, phase?: 'arrange' | 'act'): UiStepAction[] {
  return testCase.steps.filter((step) => !phase || step.phase === phase).flatMap((step) => step.actions);
}

/** `page.member`, `goto page` or `kind page.member`: compact forms to compare in expectations. */
export function actionText(action: UiStepAction): string {
  if (action.kind === 'goto') return `goto ${action.page}`;
  const value = 'value' in action ? ` ${action.value}` : 'key' in action ? ` ${action.key}` : '';
  return `${action.kind} ${action.target.page}.${action.target.name}${value}`;
}

export function assertionText(assertion: UiAssertion): string {
  const target = 'target' in assertion ? ` ${assertion.target.page}.${assertion.target.name}` : '';
  const detail =
    assertion.kind === 'text'
      ? ` = ${assertion.text}`
      : assertion.kind === 'state'
        ? ` ${assertion.state}`
        : assertion.kind === 'value'
          ? ` = ${assertion.value}`
          : assertion.kind === 'url'
            ? ` ${assertion.path}`
            : assertion.kind === 'count'
              ? ` × ${assertion.count}`
              : assertion.kind === 'field-message'
                ? ` says ${assertion.message}`
                : '';
  return `${assertion.kind}${target}${detail}`;
}

export function countByKind(suite: UiSuite): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const testCase of suite.cases) counts[testCase.kind] = (counts[testCase.kind] ?? 0) + 1;
  return counts;
}
