import type { PageModel } from '../../core/page-model.ts';
import type { UiAssertion, UiStep, UiStepAction, UiTestCase } from '../../core/ui-test-case.ts';
import { capitalize, describeAssertion, summarize } from './describe.ts';

export interface DescribedAction {
  action: UiStepAction;
  description: string;
}

/**
 * Arrange: open the page, then replay the setup that reaches the starting state. `afterWrites`:
 * the page is opened again after a create, once the app's writes went out (a reload keeps it).
 */
export function arrangeStep(page: PageModel, setup: DescribedAction[] = [], afterWrites = false): UiStep {
  const open = afterWrites ? `once saved, reload ${page.path}` : `open ${page.path}`;
  const descriptions = [open, ...setup.map((step) => step.description)];
  const goto = {
    kind: 'goto' as const,
    page: page.id,
    path: page.path,
    ...(afterWrites ? { afterWrites } : {}),
  };
  return {
    title: summarize(descriptions, 4),
    phase: 'arrange',
    actions: [goto, ...setup.map((step) => step.action)],
    assertions: [],
  };
}

/**
 * Arrange actions that go on from where the previous step left the page, without opening it
 * again: a state kept in the page would be lost by a new load. None when there is nothing to do.
 */
export function continueStep(setup: DescribedAction[]): UiStep[] {
  if (setup.length === 0) return [];
  return [
    {
      title: summarize(
        setup.map((step) => step.description),
        4,
      ),
      phase: 'arrange',
      actions: setup.map((step) => step.action),
      assertions: [],
    },
  ];
}

export function actStep(actions: DescribedAction[]): UiStep {
  return {
    title: summarize(
      actions.map((step) => step.description),
      4,
    ),
    phase: 'act',
    actions: actions.map((step) => step.action),
    assertions: [],
  };
}

export function assertStep(assertions: UiAssertion[]): UiStep {
  return { title: summarize(assertions.map(describeAssertion)), phase: 'assert', actions: [], assertions };
}

/** "Lead: first check (+2 more checks)": the title names the main check and counts the rest. */
export function titleWithMore(lead: string, first: string, more: number): string {
  const rest = more > 0 ? ` (+${more} more ${more === 1 ? 'check' : 'checks'})` : '';
  return capitalize(`${lead}: ${first}${rest}`);
}

type CaseFields = Omit<UiTestCase, 'viewport'> & { viewport?: UiTestCase['viewport'] };

export function uiCase(fields: CaseFields): UiTestCase {
  return { viewport: 'desktop', ...fields, title: capitalize(fields.title) };
}

export function slug(text: string): string {
  const flat = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return flat || 'case';
}
