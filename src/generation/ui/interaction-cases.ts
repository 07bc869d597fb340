import type { PageModel } from '../../core/page-model.ts';
import type { UiTestCase } from '../../core/ui-test-case.ts';
import { isBoundaryInteraction } from './boundary-cases.ts';
import { isSubmitInteraction } from './form-cases.ts';
import { observedCase } from './observed-case.ts';
import type { UiGenerationContext } from './ui-generation-context.ts';

/** Every other observed cause → effect pair: setup, action, each effect with its new value. */
export function interactionCases(context: UiGenerationContext, page: PageModel): UiTestCase[] {
  const cases: UiTestCase[] = [];
  for (const interaction of page.interactions) {
    if (isSubmitInteraction(page, interaction) || isBoundaryInteraction(context, page, interaction)) continue;
    const built = observedCase(context, page, interaction, { kind: 'interaction' });
    if (built.ok) cases.push(built.testCase);
    else context.skip(`interaction ${page.id}/${interaction.id}`, built.reason);
  }
  return cases;
}
