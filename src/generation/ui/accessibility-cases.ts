import type { PageModel } from '../../core/page-model.ts';
import type { UiAssertion, UiTestCase } from '../../core/ui-test-case.ts';
import { arrangeStep, assertStep, uiCase } from './case-steps.ts';
import { describePage } from './describe.ts';
import { mainHeading } from './page-checks.ts';
import type { UiGenerationContext } from './ui-generation-context.ts';

/** An axe-core scan once the page has rendered; findings are reported unless failOnA11y is set. */
export function accessibilityCase(context: UiGenerationContext, page: PageModel): UiTestCase {
  const fail = context.options.failOnA11y;
  const heading = mainHeading(context, page);
  const assertions: UiAssertion[] = [
    ...(heading ? [{ kind: 'visible' as const, target: heading }] : []),
    { kind: 'accessibility', impacts: ['serious', 'critical'], fail },
  ];
  return uiCase({
    id: `${page.id}-accessibility`,
    title: fail
      ? `${describePage(page)} has no serious or critical axe-core violations`
      : `${describePage(page)} is scanned with axe-core and serious or critical violations are reported`,
    kind: 'accessibility',
    page: page.id,
    priority: 'low',
    steps: [arrangeStep(page), assertStep(assertions)],
    covers: [`accessibility ${page.id}`],
  });
}
