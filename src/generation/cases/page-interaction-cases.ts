import type { ManualCaseKind } from '../../core/manual-case.ts';
import type { ObservedInteraction } from '../../core/page-model.ts';
import type { CaseDraft } from './case-set.ts';
import { act, arrange, check } from './manual-steps.ts';
import type { PageCaseContext } from './page-case-context.ts';
import { describeEffect, shortText } from './page-words.ts';

// Each interaction observed during exploration, with the values it produced: the setup that
// reached its starting state, the action, and every effect as a check. Interactions that did
// not give the same effects twice are not turned into cases (their oracle is unreliable).

export function interactionCases(
  context: PageCaseContext,
  consumed: Set<string>,
  unused: { ref: string; reason: string }[],
): CaseDraft[] {
  return context.page.interactions.flatMap((interaction) => {
    if (consumed.has(interaction.id)) return [];
    if (!interaction.reproducible) {
      unused.push({
        ref: `${context.page.id}: ${interaction.id}`,
        reason: 'the interaction did not give the same effects twice',
      });
      return [];
    }
    if (interaction.effects.length === 0) {
      unused.push({
        ref: `${context.page.id}: ${interaction.id}`,
        reason: 'the interaction had no observable effect',
      });
      return [];
    }
    return [interactionCase(context, interaction)];
  });
}

function interactionCase(context: PageCaseContext, interaction: ObservedInteraction): CaseDraft {
  const effects = interaction.effects.map((effect) => describeEffect(effect, context.page));
  const action = context.action(interaction.action);
  const target = context.element(interaction.action.target);
  return {
    ...context.base(target?.region, [interaction.action.target], [action, ...effects]),
    title: `${context.name}: ${shortText(lowerFirst(action), 70)} → ${shortText(effects[0]!, 90)}`,
    description: `Observed during exploration of ${context.page.path} (interaction ${interaction.id}); the values are those the page showed.`,
    kind: kindOf(interaction),
    steps: [
      ...context.openSteps(),
      ...interaction.setup.map((step) => arrange(context.action(step))),
      act(action, effects.slice(0, 2).join('; ')),
      ...effects.map((effect) => check('Check the page', effect)),
    ],
  };
}

function kindOf(interaction: ObservedInteraction): ManualCaseKind {
  if (interaction.effects.some((effect) => effect.kind === 'state-changed' && effect.state === 'invalid'))
    return 'validation';
  if (interaction.effects.some((effect) => effect.kind === 'url-changed')) return 'navigation';
  return 'interaction';
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
