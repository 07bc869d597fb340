import type { ObservedInteraction, PageModel } from '../../core/page-model.ts';
import type { UiStep } from '../../core/ui-test-case.ts';
import { arrangeStep, slug } from './case-steps.ts';
import { checkableEffects, effectAssertions } from './effect-assertions.ts';
import { resolveActions, stepAction } from './resolve-actions.ts';
import type { ResolvedAction } from './resolve-actions.ts';
import type { UiGenerationContext } from './ui-generation-context.ts';

/** How a case reaches a flow's state: the first arrange step, and words for titles and ids. */
export interface FlowStart {
  /** Opens the flow's page, runs the flow, and checks it did what it did when explored. */
  step: UiStep;
  actions: ResolvedAction[];
  /** `after click Add to estimate button on /configure/vm` */
  label: string;
  slug: string;
}

export type FlowStartResult = { ok: true; start: FlowStart } | { ok: false; reason: string };

/**
 * The flow as arrange steps. Its own observed effects are asserted before moving on: a test
 * must not open the next page before the state it depends on exists (a save still in flight).
 */
export function flowStart(context: UiGenerationContext, flowId: string): FlowStartResult {
  const flow = context.model.flows?.find((candidate) => candidate.id === flowId);
  const page = flow && context.page(flow.page);
  if (!flow || !page) return { ok: false, reason: `flow "${flowId}" is not in the model` };
  const resolved = resolveActions(context, page.id, flow.actions);
  if (!resolved.ok) return resolved;
  if (resolved.page !== page.id) return { ok: false, reason: `flow "${flowId}" leaves its page` };
  const destructive = resolved.actions.find((action) => action.element.destructive);
  if (destructive)
    return { ok: false, reason: `flow "${flowId}" triggers destructive "${destructive.element.name}"` };
  const described = resolved.actions.map((action) => stepAction(context, action));
  // The interaction the flow was taken from: its setup and action are the flow's actions, or
  // they go on from another flow's state (a create in the editor that flow opened).
  const actions = JSON.stringify(flow.actions);
  const observed =
    page.interactions.find(
      (interaction) =>
        interaction.reproducible && JSON.stringify([...interaction.setup, interaction.action]) === actions,
    ) ?? fromState(context, page, actions);
  const assertions = checkableEffects(context, observed?.effects ?? [], flow.actions)
    .filter((effect) => effect.kind !== 'url-changed')
    .flatMap((effect) => effectAssertions(context, page.id, effect));
  const base = arrangeStep(page, described);
  const label = `after ${described.map((action) => action.description).join(', ')} on ${page.path}`;
  return {
    ok: true,
    start: { step: { ...base, assertions }, actions: resolved.actions, label, slug: slug(flowId) },
  };
}

/** A reproducible interaction of a state of the page whose flow, then its steps, are `actions`. */
function fromState(
  context: UiGenerationContext,
  page: PageModel,
  actions: string,
): ObservedInteraction | undefined {
  for (const state of page.states ?? []) {
    const base = context.model.flows?.find((candidate) => candidate.id === state.flow);
    const found = state.interactions.find(
      (interaction) =>
        base !== undefined &&
        interaction.reproducible &&
        JSON.stringify([...base.actions, ...interaction.setup, interaction.action]) === actions,
    );
    if (found) return found;
  }
  return undefined;
}
