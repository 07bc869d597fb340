import type { ObservedInteraction, PageModel } from '../../core/page-model.ts';
import type { UiAssertion, UiCaseKind, UiPriority, UiStep, UiTestCase } from '../../core/ui-test-case.ts';
import { actStep, arrangeStep, assertStep, continueStep, slug, titleWithMore, uiCase } from './case-steps.ts';
import type { DescribedAction } from './case-steps.ts';
import { describeEffect } from './describe.ts';
import { destructiveVeto, hasGoneCheck, isRemoveOrCloseFlow } from './destructive-policy.ts';
import { checkableEffects, checkablePart, effectAssertions } from './effect-assertions.ts';
import type { FlowStart } from './flow-start.ts';
import { pageAfterEffects, resolveActions, stepAction } from './resolve-actions.ts';
import type { ResolvedAction } from './resolve-actions.ts';
import type { UiGenerationContext } from './ui-generation-context.ts';

export type Built = { ok: true; testCase: UiTestCase } | { ok: false; reason: string };

export interface ObservedCaseSpec {
  kind: UiCaseKind;
  /** Title lead before the first check; defaults to the action ("select … in Region select"). */
  lead?: (action: DescribedAction, resolved: ResolvedAction) => string;
  /** Arrange actions before the recorded setup (a form filled with its valid values). */
  before?: DescribedAction[];
  priority?: UiPriority;
  /** A flow whose state the interaction was observed in: run first, on its own page. */
  start?: FlowStart;
  /** The state is the flow's page as the flow left it: the case goes on there, no new load. */
  inPlace?: boolean;
  /** The state is the flow's page opened again once its writes went out (PageState.reloaded). */
  reloaded?: boolean;
}

/** Replays an observed interaction: setup, then the action, then every effect with its new value. */
export function observedCase(
  context: UiGenerationContext,
  page: PageModel,
  interaction: ObservedInteraction,
  spec: ObservedCaseSpec,
): Built {
  if (!interaction.reproducible) return { ok: false, reason: 'its effects were not reproducible' };
  const setup = resolveActions(context, page.id, interaction.setup);
  if (!setup.ok) return setup;
  const act = resolveActions(context, setup.page, [interaction.action]);
  if (!act.ok) return act;
  const acted = act.actions[0]!;
  const veto = destructiveVeto(context, [...(spec.start?.actions ?? []), ...setup.actions], acted);
  if (veto) return { ok: false, reason: veto };
  if (isRemoveOrCloseFlow(acted) && !hasGoneCheck(interaction.effects))
    return { ok: false, reason: 'a remove/close flow without an observed disappearance to check' };
  const effectPage = pageAfterEffects(context, act.page, interaction.effects);
  // What the case itself types and commits before its checks (the flow, the form, the setup).
  const typed = [
    ...(spec.start?.actions ?? []).map((step) => step.recorded),
    ...(spec.before ?? []).map((step) => step.action),
    ...setup.actions.map((step) => step.recorded),
    acted.recorded,
  ];
  const assertions = checkableEffects(context, interaction.effects, typed).flatMap((effect) =>
    effectAssertions(context, effectPage, effect),
  );
  if (assertions.length === 0) return { ok: false, reason: 'no effects were recorded' };
  const action = stepAction(context, acted);
  const checks = interaction.effects
    .flatMap((effect) => checkablePart(context, effect, typed) ?? [])
    .map((effect) => describeEffect(effect, (url) => context.pathOf(url)));
  const own =
    spec.lead?.(action, acted) ??
    leadFor(
      action,
      acted,
      setup.actions.map((step) => stepAction(context, step)),
    );
  const reload = spec.reloaded ? `once saved, reload ${page.path}, ` : '';
  const lead = spec.start ? `${spec.start.label}, ${reload}${own}` : own;
  const where = spec.inPlace ? 'in-place-' : spec.reloaded ? 'reloaded-' : '';
  const state = spec.start ? `${spec.start.slug}-${where}` : '';
  return {
    ok: true,
    testCase: uiCase({
      id: `${page.id}-${spec.kind}-${state}${slug(interaction.id)}`,
      title: titleWithMore(lead, checks[0]!, checks.length - 1),
      kind: spec.kind,
      page: page.id,
      priority: spec.priority ?? priorityOf(interaction, acted, assertions),
      steps: [
        ...(spec.start ? [spec.start.step] : []),
        ...arrange(page, spec, [
          ...(spec.before ?? []),
          ...setup.actions.map((resolved) => stepAction(context, resolved)),
        ]),
        actStep([action]),
        assertStep(assertions),
      ],
      covers: [`interaction ${page.id}/${interaction.id}`],
    }),
  };
}

function arrange(page: PageModel, spec: ObservedCaseSpec, setup: DescribedAction[]): UiStep[] {
  return spec.start && spec.inPlace
    ? continueStep(setup)
    : [arrangeStep(page, setup, spec.start !== undefined && spec.reloaded === true)];
}

/** The action, after its setup when it has one: two cases differing only in setup read differently. */
function leadFor(action: DescribedAction, acted: ResolvedAction, setup: DescribedAction[]): string {
  const own = acted.element.destructive ? `${action.description} on what the test added` : action.description;
  if (setup.length === 0) return own;
  return `${setup.map((step) => step.description).join(', ')}, then ${own}`;
}

/** Changed values and removals are what users rely on; appearances alone are normal priority. */
function priorityOf(
  interaction: ObservedInteraction,
  acted: ResolvedAction,
  assertions: UiAssertion[],
): UiPriority {
  if (acted.element.destructive) return 'critical';
  const changes = interaction.effects.some((effect) =>
    ['text-changed', 'value-changed', 'url-changed'].includes(effect.kind),
  );
  return changes && assertions.length > 1 ? 'critical' : 'normal';
}
