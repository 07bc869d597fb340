import type { SiteModel } from '../../core/page-model.ts';
import type { UiAssertion, UiStepAction, UiTarget, UiTestCase } from '../../core/ui-test-case.ts';
import { locatorKey } from './locator-names.ts';

/** One action or check of a case, numbered: how the model and a repair address it. */
export interface CaseLine {
  line: number;
  step: number;
  phase: string;
  kind: 'action' | 'assertion';
  /** Index within its step's actions or assertions. */
  index: number;
  /** `click button-add-to-estimate`, `text heading-configure-vm = "Configure"`. */
  text: string;
  target: UiTarget | undefined;
}

/** The case as numbered lines, targets named by their page model element id when they have one. */
export function caseLines(testCase: UiTestCase, site: SiteModel): CaseLine[] {
  const lines: CaseLine[] = [];
  for (const [step, { phase, actions, assertions }] of testCase.steps.entries()) {
    for (const [index, action] of actions.entries())
      lines.push({ line: lines.length, step, phase, kind: 'action', index, ...describeAction(action, site) });
    for (const [index, assertion] of assertions.entries())
      lines.push({
        line: lines.length,
        step,
        phase,
        kind: 'assertion',
        index,
        ...describeAssertion(assertion, site),
      });
  }
  return lines;
}

/** The page model element a target's locator was recorded for, if any. */
export function elementIdOf(target: UiTarget, site: SiteModel): string | undefined {
  const key = locatorKey(target.locator);
  return site.pages
    .find((page) => page.id === target.page)
    ?.elements.find((element) => locatorKey(element.locator) === key)?.id;
}

/** A target as the model reads it: its element id, or the locator no element of the model has. */
function targetText(target: UiTarget, site: SiteModel): string {
  const id = elementIdOf(target, site);
  return id
    ? `${target.page}/${id}`
    : `${target.page}/(no element of the page model: ${JSON.stringify(target.locator)})`;
}

function describeAction(
  action: UiStepAction,
  site: SiteModel,
): { text: string; target: UiTarget | undefined } {
  if (action.kind === 'goto') return { text: `open page ${action.page}`, target: undefined };
  const value = 'value' in action ? ` "${action.value}"` : 'key' in action ? ` key ${action.key}` : '';
  return { text: `${action.kind} ${targetText(action.target, site)}${value}`, target: action.target };
}

function describeAssertion(
  assertion: UiAssertion,
  site: SiteModel,
): { text: string; target: UiTarget | undefined } {
  const target = 'target' in assertion ? assertion.target : undefined;
  const on = target ? ` ${targetText(target, site)}` : '';
  const expected = expectedValue(assertion);
  return {
    text: `expect ${assertion.kind}${on}${expected === undefined ? '' : ` = ${JSON.stringify(expected)}`}`,
    target,
  };
}

/** The expected value a check holds, for the checks that hold one. */
export function expectedValue(assertion: UiAssertion): string | undefined {
  switch (assertion.kind) {
    case 'title':
    case 'text':
      return assertion.text;
    case 'value':
      return assertion.value;
    case 'field-message':
      return assertion.message;
    default:
      return undefined;
  }
}
